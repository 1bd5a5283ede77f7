"""Every ISO 3166-1 country, named in the visitor's language from CLDR."""

import unicodedata
from functools import cache

import pycountry
from babel import Locale
from django.utils.translation import get_language

from lib.accept_language import region_hint

ISO_CODES: frozenset[str] = frozenset(country.alpha_2 for country in pycountry.countries)


@cache
def _territories(language: str) -> dict[str, str]:
    return dict(Locale.parse(language, sep="-").territories)


def normalise_code(value: str) -> str:
    """Upper-case a two-letter ASCII code; anything else stays as sent, to be refused ("ß" must not become SS)."""
    return value.upper() if len(value) == 2 and value.isascii() and value.isalpha() else value


def country_name(code: str, language: str | None = None) -> str:
    language = language or get_language() or "en"
    return _territories(language).get(code) or _territories("en").get(code) or code


def language_name(code: str, language: str | None = None) -> str:
    """A language (ISO 639-1) named in the visitor's language, from CLDR."""
    language = language or get_language() or "en"
    names = Locale.parse(language, sep="-").languages
    return names.get(code) or code


def _sort_key(name: str) -> str:
    # Accents must not push "Équateur" after "Zambie".
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


@cache
def _sorted_countries(language: str) -> tuple[tuple[str, str], ...]:
    named = [(code, country_name(code, language)) for code in ISO_CODES]
    return tuple(sorted(named, key=lambda pair: _sort_key(pair[1])))


def countries_by_name(language: str | None = None) -> tuple[tuple[str, str], ...]:
    """(code, name) for every ISO country, sorted by its name in the language."""
    return _sorted_countries(language or get_language() or "en")


def browser_region(request) -> str | None:
    """The country the browser's language names as its region ("fr-BE" → "BE"), if it is one we know."""
    return region_hint(request.headers.get("Accept-Language"), ISO_CODES)
