"""Language names as their speakers write them, from CLDR (never typed by hand)."""

from babel import Locale


def self_name(code: str) -> str:
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]
