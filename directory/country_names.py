"""The names a witness may type to find a country in the guide's lists, beyond its name in the page's language.

The type-ahead picker (static/js/country-picker.js) matches what is typed against each option's own text —
the country's name in the visitor's language — and against these: its English name and its names in its own
official languages, from CLDR (so "ประเทศไทย" or "België" finds the country on a page in any language). The
file is static, the same for every language, and fetched only when a witness starts typing; regenerate it with
`python -m directory.country_names > static/js/country-names.json`.
"""

import json
import sys

from babel import Locale, UnknownLocaleError
from babel.languages import get_official_languages

from directory.countries import ISO_CODES


def _locale(language: str, territory: str) -> Locale | None:
    for tag in (f"{language}_{territory}", language):
        try:
            return Locale.parse(tag)
        except (UnknownLocaleError, ValueError):
            continue
    return None


def search_names() -> dict[str, list[str]]:
    """Each country's English name, then its names in its official languages (de facto ones too)."""
    english = Locale.parse("en").territories
    table = {}
    for code in sorted(ISO_CODES):
        names = [english[code]]
        for language in get_official_languages(code, de_facto=True):
            locale = _locale(language, code)
            name = locale.territories.get(code) if locale else None
            if name and name not in names:
                names.append(name)
        table[code] = names
    return table


def file_text() -> str:
    return json.dumps(search_names(), ensure_ascii=False, separators=(",", ":")) + "\n"


if __name__ == "__main__":
    sys.stdout.write(file_text())
