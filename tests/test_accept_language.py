"""The Accept-Language header is outside input: parsed without ever failing, used only as a hint."""

from hypothesis import given
from hypothesis import strategies as st

from directory.countries import ISO_CODES
from lib.accept_language import parse_accept_language, preferred_language, region_hint


def test_it_orders_languages_by_quality():
    assert parse_accept_language("en;q=0.5, fr-BE, nl;q=0.8") == ["fr-BE", "nl", "en"]


def test_it_finds_belgium_in_a_belgian_french_browser():
    assert region_hint("fr-BE,fr;q=0.9,en;q=0.8", ISO_CODES) == "BE"


def test_it_finds_no_region_in_a_plain_language():
    assert region_hint("de,en;q=0.5", ISO_CODES) is None


def test_it_picks_the_first_supported_language():
    assert preferred_language("es-ES, nl-BE;q=0.9", ["en", "fr", "nl", "de"], "en") == "nl"
    assert preferred_language("ja", ["en", "fr"], "en") == "en"


@given(st.text(max_size=600))
def test_it_never_fails_on_any_header(header):
    tags = parse_accept_language(header)
    assert all(isinstance(tag, str) and tag for tag in tags)
    hint = region_hint(header, ISO_CODES)
    assert hint is None or hint in ISO_CODES
    assert preferred_language(header, ["en", "fr"], "en") in ("en", "fr")
