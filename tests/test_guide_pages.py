"""The guide as a witness meets it in the browser, checked through Django's test client."""

import json
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.utils.html import escape

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
    emergency = page.index("if you are still in Thailand, call now")
    thailand = page.index("Report in Thailand, where it happened")
    belgium = page.index("Report in Belgium, where you live")
    france = page.index("Report in France, the offender’s country")
    assert emergency < thailand < belgium < france
    assert 'href="tel:191"' in page
    assert "checked" in page and "source" in page


def test_the_plan_starts_with_what_to_do_in_order(client: Client):
    page = text_of(client.get("/en/plan/", TRAVELLER))
    summary = page[page.index("What to do, in order") : page.index('class="steps"')]
    assert 'href="tel:191"' in summary and "Call <bdi" in summary
    assert "in Thailand" in summary and "When you are home, report to" in summary and "in Belgium" in summary
    assert summary.index("Thailand") < summary.index("Belgium") < summary.index("France")
    assert 'href="#include-heading"' in summary


def test_a_belgian_traveller_never_reads_no_mechanism_and_every_call_dials_from_thailand(client: Client):
    page = text_of(client.get("/en/plan/", TRAVELLER))
    assert "We know of no official reporting mechanism" not in page
    assert "isaystop" in page
    from_thailand = re.sub(r'<div class="home">.*?</div>', "", page, flags=re.S)  # "Already back in Belgium?"
    for link in re.findall(r'href="(tel:[^"]*)"', from_thailand):
        assert link.startswith("tel:+") or link in (
            "tel:191",
            "tel:1155",
            "tel:1669",
            "tel:199",
            "tel:1300",
            "tel:1387",
        ), link
    assert 'href="tel:102"' not in page and 'href="tel:101"' not in from_thailand
    assert 'href="tel:101"' in page  # for a witness already back in Belgium


def test_a_dutch_number_that_cannot_be_dialled_from_thailand_says_so_and_has_no_link(client: Client):
    page = text_of(client.get("/en/plan/", {**TRAVELLER, "lives": "NL", "nationality": ""}))
    assert "0900 8844" in page and "from inside Netherlands only" in page
    assert 'href="tel:+319008844"' not in page and 'href="tel:09008844"' not in page


def test_no_note_for_maintainers_reaches_a_witness(client: Client, loaded_directory):
    notes = [r.jurisdiction.maintainer_note for r in loaded_directory.countries.values() if r.jurisdiction]
    assert any(notes)
    pages = [text_of(client.get("/en/plan/", TRAVELLER)), text_of(client.get("/en/countries/be/"))]
    for page in pages:
        assert "were not checked" not in page and "was not read" not in page


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


def test_a_country_with_nothing_known_says_so(client: Client, loaded_directory):
    assert not loaded_directory.country("AQ").police_numbers()
    page = text_of(client.get("/en/countries/aq/"))
    assert "We know of no official reporting mechanism in Antarctica." in page


def test_a_country_without_a_specific_channel_sends_the_witness_to_its_police(client: Client, loaded_directory):
    record = loaded_directory.country("YE")
    assert not record.mechanisms("in_person") and record.police_numbers()
    page = text_of(client.get("/en/countries/ye/"))
    assert "Report to the police in Yemen: any police station takes reports." in page
    assert "We know of no official reporting mechanism" not in page


def test_a_mistyped_address_gets_the_sites_own_page_in_its_language(client: Client):
    response = client.get("/fr/nulle-part/")
    page = text_of(response)
    assert response.status_code == 404
    assert '<html lang="fr"' in page and 'href="/fr/emergency/"' in page and 'hreflang="de"' in page


def test_the_error_page_needs_no_database(rf, django_assert_num_queries):
    from guide.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/en/plan/"))
    assert response.status_code == 500 and b"/en/emergency/" in response.content


def test_the_api_fails_in_json(rf):
    from django.db import OperationalError

    from guide.views import server_error

    try:
        raise OperationalError("the database is down")
    except OperationalError:
        response = server_error(rf.get("/api/v1/countries/be"))
    assert response.status_code == 503 and response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "30" and "try again" in json.loads(response.content)["error"]["message"]


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


def test_the_country_list_says_police_only_where_the_police_is_all_we_know(client: Client):
    page = text_of(client.get("/en/countries/"))
    afghanistan = page[page.index(">Afghanistan<") : page.index("</li>", page.index(">Afghanistan<"))]
    antarctica = page[page.index(">Antarctica<") : page.index("</li>", page.index(">Antarctica<"))]
    assert "police only" in afghanistan and "no known mechanism" in antarctica


def test_where_nothing_is_known_the_plan_promises_no_police_and_no_numbers(client: Client):
    page = text_of(client.get("/en/plan/", {"danger": "yes", "seen": "in_person", "happened": "AF", "lives": "AQ"}))
    summary = page[page.index("What to do, in order") : page.index('class="steps"')]
    assert "Report to the police in Afghanistan" in summary  # Afghanistan's police number is known
    assert "the police in Antarctica" not in summary and "Ask for help in Antarctica" in summary
    assert "Already back in Antarctica" not in page  # no number to give


def test_a_plan_link_typed_in_lower_case_works_as_the_api_does(client: Client):
    page = client.get("/en/plan/?danger=no&seen=in_person&happened=th&lives=be")
    api = client.get("/api/v1/plan?danger=no&seen=in_person&happened=th&lives=be")
    assert page.status_code == 200 and api.status_code == 200
    assert "Report in Thailand, where it happened" in page.content.decode()


def test_the_composer_sends_only_to_an_address_the_directory_gives(client: Client, loaded_directory):
    channel = next(c for r in loaded_directory.countries.values() for c in r.channels if c.email and c.shown)
    page = text_of(client.get("/en/write-it-down/", {"to": channel.email}))
    assert f'href="mailto:{channel.email}"' in page and escape(channel.name) in page
    other = text_of(client.get("/en/write-it-down/", {"to": "reports@attacker.example"}))
    assert "mailto:reports@attacker" not in other and 'href="mailto:"' in other
