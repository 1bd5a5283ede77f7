"""The names a witness may type to find a country in the guide's lists, beyond its name in the page's language.

The type-ahead picker (static/js/country-picker.js) matches what is typed against each option's own text —
the country's name in the visitor's language — and against these: its English name and its names in its own
official languages, from CLDR (so "ประเทศไทย" or "België" finds the country on a page in any language), then the
common names CLDR does not give ("Holland", "Burma", "Bali"). The
file is static, the same for every language, and fetched only when a witness starts typing; regenerate it with
`python -m directory.country_names > static/js/country-names.json`.
"""

import json
import sys

from babel import Locale, UnknownLocaleError
from babel.languages import get_official_languages

from directory.countries import ISO_CODES

# Names people type that CLDR does not give as a country's name: former and colloquial names, in the languages
# of the interface, and the destinations travellers know better than their country ("Bali", "Zanzibar").
COMMON_NAMES = {
    "AE": ("UAE", "Emirates", "Dubai", "Abu Dhabi"),
    "CD": ("DRC", "DR Congo", "Democratic Republic of the Congo", "Zaire"),
    "CG": ("Republic of the Congo",),
    "CI": ("Ivory Coast",),
    "CV": ("Cape Verde",),
    "CZ": ("Czech Republic", "Tschechei", "République tchèque", "República Checa", "Repubblica Ceca"),
    "DO": ("Punta Cana", "Puerto Plata", "Sosúa"),
    "ES": ("Canary Islands", "Tenerife", "Gran Canaria", "Mallorca", "Majorca", "Ibiza"),
    "GB": (
        *("UK", "Great Britain", "Britain", "England", "Scotland", "Wales", "Northern Ireland"),
        *("Angleterre", "Grande-Bretagne", "Engeland", "Groot-Brittannië", "Großbritannien", "Inglaterra"),
        *("Gran Bretaña", "Inghilterra", "Gran Bretagna", "Grã-Bretanha", "Anglia", "Wielka Brytania"),
    ),
    "ID": ("Bali", "Lombok", "Java"),
    "IN": ("Goa",),
    "KE": ("Mombasa", "Malindi"),
    "KH": ("Kampuchea", "Siem Reap", "Phnom Penh"),
    "KR": ("Korea",),
    "MK": ("Macedonia", "Macédoine"),
    "MM": ("Burma", "Birmanie", "Birma", "Birmania"),
    "MX": ("Cancún", "Tijuana"),
    "NL": ("Holland", "Hollande", "Holanda", "Olanda", "Holandia", "Hollandia"),
    "PH": ("Angeles City", "Manila", "Cebu", "Boracay"),
    "PS": ("Palestine",),
    "RU": ("Russian Federation",),
    "SZ": ("Swaziland",),
    "TH": ("Siam", "Bangkok", "Pattaya", "Phuket", "Chiang Mai"),
    "TL": ("East Timor", "Timor Oriental", "Osttimor"),
    "TR": ("Turkey", "Türkei", "Turquía"),
    "TZ": ("Zanzibar",),
    "US": ("USA", "America", "United States of America", "Amerika", "Amérique", "EEUU", "EE. UU."),
    "VA": ("Vatican", "Holy See"),
    "VN": ("Viet Nam",),
}


def _locale(language: str, territory: str) -> Locale | None:
    for tag in (f"{language}_{territory}", language):
        try:
            return Locale.parse(tag)
        except (UnknownLocaleError, ValueError):
            continue
    return None


def search_names() -> dict[str, list[str]]:
    """Each country's English name, its names in its official languages (de facto ones too), then its common names."""
    english = Locale.parse("en").territories
    table = {}
    for code in sorted(ISO_CODES):
        names = [english[code]]
        for language in get_official_languages(code, de_facto=True):
            locale = _locale(language, code)
            name = locale.territories.get(code) if locale else None
            if name and name not in names:
                names.append(name)
        names.extend(name for name in COMMON_NAMES.get(code, ()) if name not in names)
        table[code] = names
    return table


def file_text() -> str:
    return json.dumps(search_names(), ensure_ascii=False, separators=(",", ":")) + "\n"


if __name__ == "__main__":
    sys.stdout.write(file_text())
