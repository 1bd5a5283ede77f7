"""Reading the browser's Accept-Language header: the only hint we use about a visitor.

It is sent by every browser, stored nowhere, and used only to pick a language and to pre-select the
country in "Where do you live?" (fr-BE → Belgium). Never an IP address, never anything remembered.
"""

import re

from babel import Locale, UnknownLocaleError
from babel.core import get_global

# A language range: "fr", "fr-BE", "zh-Hant-TW", "*"; an optional quality "q=0.8".
_RANGE = re.compile(r"^\s*([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*)\s*(?:;\s*q\s*=\s*([0-9.]{1,5}))?\s*$")
_PARENTS = get_global("parent_exceptions")  # CLDR's parent locales: es_MX → es_419
MAX_HEADER = 500  # browsers send far less; a longer header is ignored rather than parsed


def parse_accept_language(header: str | None) -> list[str]:
    """The language tags of the header, best first. Malformed parts are skipped, never an error."""
    if not header or len(header) > MAX_HEADER:
        return []
    weighted = []
    for position, part in enumerate(header.split(",")):
        match = _RANGE.match(part)
        if not match:
            continue
        tag, quality = match.group(1), match.group(2)
        try:
            weight = float(quality) if quality is not None else 1.0
        except ValueError:
            continue
        if 0 < weight <= 1 and tag != "*":
            weighted.append((-weight, position, tag))
    return [tag for _, _, tag in sorted(weighted)]


def preferred_language(header: str | None, supported: list[str], default: str) -> str:
    """The first supported language the browser asks for, each as close as CLDR tells (see `closest`)."""
    for tag in parse_accept_language(header):
        match = closest(tag, supported)
        if match:
            return match
    return default


def closest(tag: str, supported: list[str]) -> str | None:
    """The supported language (Django's codes: "fr", "pt-br", "es-419", "zh-hans") closest to a language tag.

    By CLDR: the tag with its likely script and its aliases resolved ("zh-CN" → zh-Hans-CN, "tl" → fil,
    "in" → id), then its region, its script, CLDR's parent locale ("es-MX" → es-419), the language alone
    ("fr-BE" → fr), and last another variant of the same language ("zh-TW" → zh-hans rather than English).
    """
    try:
        locale = Locale.parse(tag, sep="-")
    except (ValueError, UnknownLocaleError):
        base = tag.split("-")[0].lower()
        return base if base in supported else None
    language, script, region = locale.language, locale.script, locale.territory
    candidates = [
        "-".join(part for part in (language, script, region) if part),
        f"{language}-{region}" if region else "",
        f"{language}-{script}" if script else "",
        _PARENTS.get(str(locale), "").replace("_", "-"),
        language,
    ]
    wanted = set(supported)
    for candidate in candidates:
        if candidate and candidate.lower() in wanted:
            return candidate.lower()
    return next((code for code in supported if code.startswith(f"{language}-")), None)


def region_hint(header: str | None, known_regions: frozenset[str]) -> str | None:
    """The first country named as a region in the header: "fr-BE" → "BE"."""
    for tag in parse_accept_language(header):
        for subtag in tag.split("-")[1:]:
            if len(subtag) == 2 and subtag.isalpha() and subtag.upper() in known_regions:
                return subtag.upper()
    return None
