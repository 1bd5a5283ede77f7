"""What witnesses get from the real directory: a place to report at home and where it happened.

These run over the shipped data files, not over a made-up world: a fixture that invents a Belgian police
force would let a test pass while every Belgian witness reads "no mechanism".
"""

import pytest

from directory.coverage import PRIORITY
from guide.routing import Answers, Fallback, Seen, StepKind, build_plan

# Where most travellers live: the EU, the rest of Europe and the OECD (the first 37 priority countries).
RESIDENCE = PRIORITY[:37]
DESTINATIONS = PRIORITY[37:]


def step(plan, kind):
    return next(step for step in plan.steps if step.kind == kind)


def test_the_lists_are_the_ones_the_issue_names():
    assert len(RESIDENCE) == 37 and RESIDENCE[-1] == "JP"
    assert len(DESTINATIONS) == 26 and DESTINATIONS[0] == "TH" and DESTINATIONS[-1] == "UA"


@pytest.mark.parametrize("home", RESIDENCE)
def test_a_traveller_back_from_thailand_has_a_place_to_report_at_home(shipped_directory, home):
    plan = build_plan(Answers(danger=False, seen=Seen.IN_PERSON, happened="TH", lives=home), shipped_directory)

    lives = step(plan, StepKind.LIVES)
    assert lives.channels, f"{home}: no place to report something seen in person"
    assert lives.fallback == Fallback.NONE and not lives.no_mechanism
    for channel in lives.channels:
        assert channel.place_to_report and channel.takes("in_person")


@pytest.mark.parametrize("destination", DESTINATIONS)
def test_a_belgian_traveller_has_a_place_to_report_where_it_happened(shipped_directory, destination):
    plan = build_plan(Answers(danger=False, seen=Seen.IN_PERSON, happened=destination, lives="BE"), shipped_directory)

    happened = step(plan, StepKind.HAPPENED)
    assert happened.channels, f"{destination}: no place to report something seen in person"
    assert not happened.no_mechanism


def test_belgium_offers_its_national_reporting_point_which_passes_reports_to_the_police(shipped_directory):
    plan = build_plan(Answers(danger=False, seen=Seen.IN_PERSON, happened="TH", lives="BE"), shipped_directory)

    points = [c for c in step(plan, StepKind.LIVES).channels if c.kind == "reporting_point"]
    assert points and "isaystop" in points[0].url
    assert points[0].run_by and points[0].passes_to and not points[0].official


@pytest.mark.parametrize("home", ["DE", "NL"])
def test_the_german_and_dutch_reporting_points_are_places_to_report_not_alternatives(shipped_directory, home):
    plan = build_plan(Answers(danger=False, seen=Seen.IN_PERSON, happened="KH", lives=home), shipped_directory)

    lives = step(plan, StepKind.LIVES)
    assert any(c.kind == "reporting_point" for c in lives.channels)
    alternatives = step(plan, StepKind.ALTERNATIVES)
    assert not any(c.kind == "reporting_point" for c in alternatives.channels)


def test_thailands_tourist_police_is_a_place_to_report_where_it_happened(shipped_directory):
    plan = build_plan(Answers(danger=False, seen=Seen.IN_PERSON, happened="TH", lives="FR"), shipped_directory)

    assert "tourist_police" in [c.kind for c in step(plan, StepKind.HAPPENED).channels]


def test_the_law_of_home_is_given_only_when_the_offender_is_unknown_or_from_home(shipped_directory):
    unknown = build_plan(Answers(False, Seen.IN_PERSON, "TH", "BE"), shipped_directory)
    french = build_plan(Answers(False, Seen.IN_PERSON, "TH", "BE", nationality="FR"), shipped_directory)

    assert step(unknown, StepKind.LIVES).jurisdiction is not None
    assert step(french, StepKind.LIVES).jurisdiction is None
    assert step(french, StepKind.NATIONALITY).jurisdiction is not None


def test_a_witness_in_danger_far_from_home_also_gets_the_numbers_of_home(shipped_directory):
    plan = build_plan(Answers(True, Seen.IN_PERSON, "TH", "BE"), shipped_directory)

    emergency = plan.steps[0]
    assert emergency.country == "TH" and "191" in [n.number for n in emergency.emergency_numbers]
    assert emergency.home_country == "BE" and "112" in [n.number for n in emergency.home_numbers]


def test_online_material_with_no_national_hotline_goes_to_inhope_and_the_iwf_only(shipped_directory):
    plan = build_plan(Answers(False, Seen.ONLINE, None, "AF"), shipped_directory)

    online = step(plan, StepKind.ONLINE_MATERIAL)
    assert online.channels
    for channel in online.channels:
        assert channel.kind == "iwf_portal" or (channel.kind == "directory" and channel.scope == "online")


def test_no_card_of_any_plan_names_this_site_itself(shipped_directory):
    for happened in ("TH", "KH", None):
        for seen in Seen:
            plan = build_plan(Answers(True, seen, happened, "AF"), shipped_directory)
            assert not [c for c in plan.all_channels() if "don't look away" in c.name.lower()]


@pytest.mark.django_db
def test_a_witness_still_in_the_country_gets_every_number_as_dialled_there(client, loaded_directory, shipped_directory):
    """Each country's own numbers in its step, as its phones dial them: national format, and a link to call."""
    from lib.dialling import dialling

    for code in sorted(shipped_directory.countries):
        lives = "FR" if code != "FR" else "DE"
        plan = build_plan(Answers(danger=False, seen=Seen.IN_PERSON, happened=code, lives=lives), shipped_directory)
        numbers = [c.phone for c in step(plan, StepKind.HAPPENED).channels if c.phone and c.country == code]
        if not numbers:
            continue
        page = client.get(f"/en/plan/?danger=no&seen=in_person&happened={code}&lives={lives}").content.decode()
        for number in numbers:
            dialled = dialling(number, code, code)
            assert f'<bdi dir="ltr">{dialled.shown}</bdi>' in page, (code, number)
            assert f'href="{dialled.tel}"' in page, (code, number)
