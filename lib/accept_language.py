"""Reading the browser's Accept-Language header: the only hint we use about a visitor.

It is sent by every browser, stored nowhere, and used only to pick a language and to pre-select the
country in "Where do you live?" (fr-BE → Belgium). Never an IP address, never anything remembered.
"""

import re

# A language range: "fr", "fr-BE", "zh-Hant-TW", "*"; an optional quality "q=0.8".
_RANGE = re.compile(r"^\s*([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*)\s*(?:;\s*q\s*=\s*([0-9.]{1,5}))?\s*$")
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
    """The first supported language the browser asks for ("fr-BE" matches "fr")."""
    for tag in parse_accept_language(header):
        base = tag.split("-")[0].lower()
        if base in supported:
            return base
    return default


def region_hint(header: str | None, known_regions: frozenset[str]) -> str | None:
    """The first country named as a region in the header: "fr-BE" → "BE"."""
    for tag in parse_accept_language(header):
        for subtag in tag.split("-")[1:]:
            if len(subtag) == 2 and subtag.isalpha() and subtag.upper() in known_regions:
                return subtag.upper()
    return None
