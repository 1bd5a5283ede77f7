"""'Not sure?': the signs, each with a source we checked, and the two lanes a witness takes from a plan.

The lanes are tested over the shipped directory, not a made-up world: a Belgian traveller back from Thailand must
find the real Thai tourist police and Belgian police in one lane, and the real reporting point and helplines in the
other.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils.html import escape

from directory.countries import ISO_CODES
from guide.not_sure import CRIME_SOURCES, DOUBT_SOURCES, SIGNS, lanes
from guide.routing import Answers, Fallback, Seen, StepKind, build_plan

TRAVELLER = {"danger": "no", "seen": "in_person", "happened": "TH", "lives": "BE"}
POLICE = {"police", "tourist_police"}
REPORT_STEPS = {StepKind.ONLINE_MATERIAL, StepKind.HAPPENED, StepKind.LIVES, StepKind.NATIONALITY}


def traveller_plan(directory, **answers):
    defaults = {"danger": False, "seen": Seen.IN_PERSON, "happened": "TH", "lives": "BE"}
    return build_plan(Answers(**(defaults | answers)), directory)


def assert_the_lanes_keep_their_promises(plan):
    found = lanes(plan)
    in_plan = {channel.key for channel in plan.all_channels()}
    crime = [channel.key for channel in found.crime]
    doubt = [channel.key for channel in found.doubt]
    assert {channel.kind for channel in found.crime} <= POLICE
    assert not {channel.kind for channel in found.doubt} & (POLICE | {"embassy", "directory"})
    assert set(crime) <= in_plan and set(doubt) <= in_plan  # nothing added to the plan
    assert not set(crime) & set(doubt)  # no channel in both lanes
    assert len(crime) == len(set(crime)) and len(doubt) == len(set(doubt))
    flags = [channel.anonymous is True for channel in found.doubt]
    assert flags == sorted(flags, reverse=True)  # those that take a report without a name first
    police_of_the_plan = {
        channel.key
        for step in plan.steps
        if step.kind in REPORT_STEPS
        for channel in (*step.channels, *step.alternatives)
        if channel.kind in POLICE
    }
    assert set(crime) == police_of_the_plan  # every police channel of the plan, not only some
    return found


def test_a_belgian_traveller_back_from_thailand_takes_a_crime_to_the_thai_and_belgian_police(shipped_directory):
    found = assert_the_lanes_keep_their_promises(traveller_plan(shipped_directory))

    assert [(channel.country, channel.kind) for channel in found.crime] == [("TH", "tourist_police"), ("BE", "police")]
    assert found.police_numbers == () and not found.no_police


def test_and_takes_a_doubt_to_the_belgian_reporting_point_first_then_the_thai_helplines(shipped_directory):
    found = lanes(traveller_plan(shipped_directory))

    first = found.doubt[0]
    assert (first.country, first.kind, first.anonymous) == ("BE", "reporting_point", True)
    assert "I say STOP!" in first.name
    assert {("TH", "helpline"), ("TH", "partner")} <= {(channel.country, channel.kind) for channel in found.doubt}


def test_material_seen_online_takes_a_doubt_to_the_hotlines(shipped_directory):
    plan = traveller_plan(shipped_directory, seen=Seen.ONLINE, nationality="FR")
    found = assert_the_lanes_keep_their_promises(plan)

    assert found.doubt[0].kind == "hotline" and found.doubt[0].anonymous is True
    assert "FR" in {channel.country for channel in found.crime}


def test_a_country_whose_only_way_to_report_is_a_police_number_puts_that_number_in_the_crime_lane(shipped_directory):
    code = next(
        code
        for code in sorted(shipped_directory.countries)
        if not shipped_directory.country(code).mechanisms(Seen.IN_PERSON)
        and shipped_directory.country(code).police_numbers()
    )
    found = lanes(traveller_plan(shipped_directory, happened=code))

    assert [entry.country for entry in found.police_numbers] == [code]
    assert found.police_numbers[0].numbers and not found.no_police


@pytest.mark.parametrize("home", ["BE", "NL", "DE", "FR", "GB", "US", "AU"])
@pytest.mark.parametrize("seen", list(Seen))
def test_the_lanes_keep_their_promises_for_every_country_where_it_can_happen(shipped_directory, home, seen):
    for code in sorted(ISO_CODES):
        plan = traveller_plan(shipped_directory, happened=code, lives=home, seen=seen, nationality="TH")
        found = assert_the_lanes_keep_their_promises(plan)
        reachable = [s for s in plan.steps if s.kind in REPORT_STEPS and s.fallback == Fallback.POLICE]
        assert len(found.police_numbers) == len(reachable), code


def test_every_sign_and_every_lane_names_a_source_that_was_checked():
    section = Path(settings.BASE_DIR, "data", "VERIFICATION.md").read_text().split("## 3 December — Not sure? signs")[1]
    confirmed = section.split("### Not confirmed")[0]
    assert SIGNS and CRIME_SOURCES and DOUBT_SOURCES
    for sign in SIGNS:
        assert sign.sources, sign.text
    for source in {source for sign in SIGNS for source in sign.sources} | {*CRIME_SOURCES, *DOUBT_SOURCES}:
        assert source.url.startswith("https://")
        assert f"**{source.url}**" in confirmed, source.url


@pytest.mark.django_db
class TestThePage:
    def test_with_no_answers_it_shows_every_sign_with_a_link_to_its_source(self, client: Client):
        response = client.get("/en/not-sure/")
        page = response.content.decode()

        assert response.status_code == 200
        signs = re.search(r'<ul class="signs">(.*?)</ul>', page, re.S).group(1)
        items = re.findall(r"<li>(.*?)</li>", signs, re.S)
        assert len(items) == len(SIGNS)
        for item, sign in zip(items, SIGNS, strict=True):
            assert escape(str(sign.text)) in item and '<a href="https://' in item
            for source in sign.sources:
                assert f'<a href="{escape(source.url)}"' in item
        assert page.count("Find where to report in your case: answer four questions") == 2  # one per lane

    @pytest.mark.parametrize("language", ["ar", "th", "fr"])
    def test_every_sign_shows_its_source_in_every_language(self, client: Client, language):
        page = client.get(f"/{language}/not-sure/").content.decode()
        signs = re.search(r'<ul class="signs">(.*?)</ul>', page, re.S).group(1)
        items = re.findall(r"<li>(.*?)</li>", signs, re.S)
        assert len(items) == len(SIGNS)
        assert all('<a href="https://' in item and 'dir="ltr"' in item for item in items)
        assert "An adult touches a child" not in page  # the signs themselves are translated

    def test_with_a_plans_answers_each_lane_names_that_plans_own_channels(self, client: Client):
        response = client.get("/en/not-sure/", TRAVELLER)
        page = response.content.decode()

        assert response.status_code == 200
        crime = page.split('class="lane lane-crime"')[1].split('class="lane lane-doubt"')[0]
        doubt = page.split('class="lane lane-doubt"')[1]
        assert "Tourist Police call centre 1155" in crime and "Belgian police" in crime
        assert "I say STOP!" not in crime and "Childline Thailand" not in crime
        assert "I say STOP!" in doubt and "Childline Thailand" in doubt
        assert "Tourist Police call centre 1155" not in doubt and "Belgian police" not in doubt
        assert "/en/plan/?danger=no&amp;seen=in_person&amp;happened=TH&amp;lives=BE" in page  # back to the plan

    def test_the_plan_links_to_it_with_its_own_answers(self, client: Client):
        page = client.get("/en/plan/", TRAVELLER).content.decode()
        link = re.search(r'<a href="([^"]*)">Not sure what you saw\?', page).group(1)
        assert link == "/en/not-sure/?danger=no&amp;seen=in_person&amp;happened=TH&amp;lives=BE"

    def test_bad_answers_get_a_400_that_says_what_is_wrong(self, client: Client):
        response = client.get("/en/not-sure/", {**TRAVELLER, "happened": "ZZ"})
        page = response.content.decode()

        assert response.status_code == 400
        assert "These answers cannot make a plan:" in page and "ZZ is not a country code we know." in page
        assert 'class="lane lane-crime"' in page and "Signs to look for" in page  # the signs still help

    def test_a_missing_answer_gets_a_400_naming_the_question(self, client: Client):
        response = client.get("/en/not-sure/", {"happened": "TH"})
        page = response.content.decode()

        assert response.status_code == 400
        assert "Choose the country where you live." in page
        assert "Tell us whether a child is in danger right now." in page

    def test_a_hostile_answer_is_refused_and_never_echoed_as_html(self, client: Client):
        response = client.get("/en/not-sure/", {**TRAVELLER, "lives": "<script>alert(1)</script>"})
        assert response.status_code == 400
        assert "<script>alert(1)" not in response.content.decode()

    def test_junk_in_the_address_is_ignored_rather_than_refused(self, client: Client):
        assert client.get("/en/not-sure/", {"utm_source": "poster"}).status_code == 200


@pytest.mark.django_db
class TestMyReports:
    def test_it_says_that_notes_stay_on_this_device_and_never_asks_for_a_network_send(self, client: Client):
        page = client.get("/en/my-reports/").content.decode()
        form = re.search(r"<form [^>]*data-my-reports[^>]*>", page).group(0)

        assert "never sent to us" in page
        assert "action=" not in form and "method=" not in form
        assert "Print your plan instead" in page

    def test_it_offers_the_follow_up_address_the_directory_gives(self, client: Client, loaded_directory):
        channel = next(c for r in loaded_directory.countries.values() for c in r.channels if c.email and c.shown)
        page = client.get("/en/my-reports/", {"to": channel.email}).content.decode()

        assert f'data-follow-up="{channel.email}"' in page
        assert f'value="{escape(channel.name)}"' in page

    def test_it_ignores_an_address_the_directory_does_not_give(self, client: Client):
        page = client.get("/en/my-reports/", {"to": "reports@attacker.example"}).content.decode()
        form = re.search(r"<form [^>]*data-my-reports.*?</form>", page, re.S).group(0)

        assert "attacker" not in form and "data-follow-up" not in form and "Follow-up address" not in page
        assert "mailto:reports@attacker" not in page

    def test_printing_the_plan_keeps_the_plans_answers_and_drops_the_address(self, client: Client):
        page = client.get("/en/my-reports/", {**TRAVELLER, "to": "reports@attacker.example"}).content.decode()
        link = re.search(r'<a href="([^"]*)">Print your plan instead', page).group(1)

        assert link == "/en/plan/?danger=no&amp;seen=in_person&amp;happened=TH&amp;lives=BE"
