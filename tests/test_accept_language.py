"""The Accept-Language header is outside input: parsed without ever failing, used only as a hint."""

import pytest
from django.conf import settings
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


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("pt-BR,pt;q=0.9", "pt-br"),  # a Brazilian browser gets Brazilian Portuguese
        ("pt-PT", "pt"),
        ("pt-AO", "pt"),
        ("es-MX,es;q=0.9", "es-419"),  # CLDR's parent of Mexican Spanish: Latin-American Spanish
        ("es-AR", "es-419"),
        ("es-US", "es-419"),
        ("es-ES", "es"),
        ("zh-CN,zh;q=0.9", "zh-hans"),  # the likely script of Chinese in China
        ("zh", "zh-hans"),
        ("zh-TW", "zh-hans"),  # written Chinese rather than English, while there is no Traditional
        ("tl-PH", "fil"),  # CLDR's alias: Tagalog is written as Filipino
        ("in-ID", "id"),  # the old code for Indonesian
        ("vi-VN", "vi"),
        ("km-KH", "km"),
        ("xx-YY, th;q=0.5", "th"),
    ],
)
def test_a_browser_gets_the_closest_language_the_site_speaks(client, header, language):
    supported = [code for code, _ in settings.LANGUAGES]
    assert preferred_language(header, supported, "en") == language
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302 and response["Location"] == f"/{language}/"


def test_the_language_list_shows_each_language_in_its_own_name_and_script(client, db):
    html = client.get("/en/").content.decode()
    for name in ("ខ្មែរ", "Tiếng Việt", "中文 (简体)", "Português (Brasil)", "Español (Latinoamérica)", "हिन्दी"):
        assert f">{name}<" in html, name
