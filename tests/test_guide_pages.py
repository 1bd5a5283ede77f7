"""The guide as a witness meets it in the browser, checked through Django's test client."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from directory.countries import ISO_CODES

pytestmark = pytest.mark.usefixtures("loaded_directory")
TRAVELLER = {"danger": "yes", "seen": "in_person", "happened": "TH", "lives": "BE", "nationality": "FR"}


def text_of(response) -> str:
    return response.content.decode()


def test_it_asks_at_most_four_questions_on_the_home_page(client: Client):
    page = text_of(client.get("/en/"))
    assert page.count('class="number"') == 4
    assert 'action="/en/plan/"' in page and 'method="get"' in page
    for name in ("danger", "seen", "happened", "lives", "nationality"):
        assert f'name="{name}"' in page


def test_it_sends_the_root_to_the_browsers_language_without_a_cookie(client: Client):
    response = client.get("/", headers={"accept-language": "nl-BE,nl;q=0.9,en;q=0.5"})
    assert response.status_code == 302 and response["Location"] == "/nl/"
    assert "Accept-Language" in response["Vary"] and "Cookie" not in response["Vary"]
    assert not response.cookies


def test_it_preselects_where_you_live_from_the_browser_language_region(client: Client):
    page = text_of(client.get("/fr/", headers={"accept-language": "fr-BE,fr;q=0.9"}))
    assert '<option value="BE" selected>' in page


def test_it_shows_a_belgian_traveller_the_thai_numbers_then_thailand_then_belgium(client: Client):
    response = client.get("/en/plan/", TRAVELLER)
    page = text_of(response)
    assert response.status_code == 200
    emergency = page.index("call the emergency services in Thailand")
    thailand = page.index("Report in Thailand, where it happened")
    belgium = page.index("Report in Belgium, where you live")
    france = page.index("Report in France, the offender’s country")
    assert emergency < thailand < belgium < france
    assert 'href="tel:191"' in page
    assert "Last verified on" in page


def test_it_explains_what_to_include_what_not_to_do_and_answers_the_fears(client: Client):
    page = text_of(client.get("/en/plan/", TRAVELLER))
    assert "What to put in your report" in page
    assert "Do not step in physically" in page
    assert "You do not need to be sure" in page


def test_it_warns_never_to_download_material_seen_online(client: Client):
    page = text_of(client.get("/en/plan/", {"danger": "no", "seen": "online", "happened": "online", "lives": "GB"}))
    assert "Never download, copy, screenshot or forward it" in page
    assert "Report the material online" in page


def test_it_answers_bad_answers_with_a_400_and_a_clear_message(client: Client):
    response = client.get("/en/plan/", {**TRAVELLER, "happened": "ZZ", "danger": "maybe"})
    page = text_of(response)
    assert response.status_code == 400
    assert "Please check your answers" in page
    assert "ZZ is not a country code we know." in page
    assert "Select a valid choice" in page or "Tell us whether a child is in danger" in page


def test_it_answers_a_missing_answer_with_a_400_naming_the_question(client: Client):
    response = client.get("/en/plan/", {"seen": "in_person", "happened": "TH"})
    assert response.status_code == 400
    assert "Tell us whether a child is in danger right now." in text_of(response)
    assert "Choose the country where you live." in text_of(response)


def test_every_iso_country_has_a_page(client: Client):
    for code in ISO_CODES:
        response = client.get(f"/en/countries/{code.lower()}/")
        assert response.status_code == 200, code
        assert "Emergency numbers" in text_of(response)


def test_a_country_with_no_known_mechanism_says_so(client: Client):
    page = text_of(client.get("/en/countries/tv/"))
    assert "We know of no official reporting mechanism in Tuvalu." in page


def test_an_unknown_country_page_is_a_404(client: Client):
    assert client.get("/en/countries/zz/").status_code == 404


def test_the_danger_path_is_one_tap_from_every_page(client: Client):
    for path in (
        "/en/",
        "/en/countries/",
        "/en/countries/th/",
        "/en/plan/?" + "&".join(f"{k}={v}" for k, v in TRAVELLER.items()),
    ):
        assert 'href="/en/emergency/"' in text_of(client.get(path)), path
    page = text_of(client.get("/en/emergency/", {"country": "TH"}))
    assert 'href="tel:191"' in page


def test_the_result_page_can_be_printed(client: Client):
    page = text_of(client.get("/en/plan/", TRAVELLER))
    assert "/static/css/site.css" in page
    css = Path(finders.find("css/site.css")).read_text(encoding="utf-8")
    assert "@media print" in css
