"""Language names as their speakers write them, from CLDR (never typed by hand)."""

from babel import Locale


def self_name(code: str) -> str:
    locale = Locale.parse(code, sep="-")  # Django's codes: "pt-br", "zh-hans"
    name = locale.get_display_name(locale) or code
    return name[:1].upper() + name[1:]
