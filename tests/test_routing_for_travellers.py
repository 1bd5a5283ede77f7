"""The plan a witness gets, told through the people who use the guide."""

from guide.routing import Answers, Fallback, Seen, StepKind, build_plan
from tests.factories import WORLD


def kinds(plan):
    return [step.kind for step in plan.steps]


def names(step):
    return [channel.name for channel in step.channels]


def test_it_puts_thai_emergency_numbers_first_for_a_belgian_traveller_who_saw_a_child_in_danger():
    plan = build_plan(Answers(danger=True, seen=Seen.IN_PERSON, happened="TH", lives="BE"), WORLD)

    assert kinds(plan)[:3] == [StepKind.EMERGENCY, StepKind.HAPPENED, StepKind.LIVES]
    emergency = plan.steps[0]
    assert emergency.country == "TH"
    assert [n.number for n in emergency.emergency_numbers] == ["112", "191", "1155"]


def test_it_sends_the_traveller_to_thailand_then_home_to_belgium_with_what_belgium_can_prosecute():
    plan = build_plan(Answers(danger=False, seen=Seen.IN_PERSON, happened="TH", lives="BE"), WORLD)

    assert StepKind.EMERGENCY not in kinds(plan)
    happened, lives = plan.steps[0], plan.steps[1]
    assert names(happened) == ["Thai tourist police"]  # not the online-only hotline, nor the unconfirmed lead
    assert names(lives) == ["Belgian police"]
    assert lives.jurisdiction.nationals and lives.jurisdiction.residents


def test_it_adds_the_offenders_country_when_the_witness_names_it():
    plan = build_plan(Answers(danger=False, seen=Seen.IN_PERSON, happened="TH", lives="BE", nationality="FR"), WORLD)

    assert kinds(plan) == [StepKind.HAPPENED, StepKind.LIVES, StepKind.NATIONALITY, StepKind.ALTERNATIVES]
    assert names(plan.steps[2]) == ["French police"]


def test_it_sends_the_witness_to_the_police_of_belarus_where_no_specific_channel_is_known():
    plan = build_plan(Answers(danger=False, seen=Seen.IN_PERSON, happened="BY", lives="FR"), WORLD)

    belarus = plan.steps[0]
    assert belarus.fallback == Fallback.POLICE and not belarus.no_mechanism and not belarus.channels
    assert [n.number for n in belarus.police_numbers] == ["102"]
    assert [c.name for c in belarus.alternatives] == ["Belarusian child helpline"]  # labelled as an alternative


def test_it_says_no_mechanism_only_where_nothing_at_all_is_known():
    plan = build_plan(Answers(danger=False, seen=Seen.IN_PERSON, happened="AQ", lives="FR"), WORLD)

    antarctica = plan.steps[0]
    assert antarctica.no_mechanism and antarctica.fallback == Fallback.NOTHING and not antarctica.police_numbers


def test_an_online_only_channel_is_never_a_place_to_report_a_situation_seen_in_person():
    plan = build_plan(Answers(danger=False, seen=Seen.IN_PERSON, happened="BE", lives="BE"), WORLD)

    assert names(plan.steps[0]) == ["Belgian police"]  # not the online-only hotline


def test_it_still_gives_a_plan_for_a_country_we_know_nothing_about():
    plan = build_plan(Answers(danger=True, seen=Seen.IN_PERSON, happened="AQ", lives="BV"), WORLD)

    assert kinds(plan) == [StepKind.EMERGENCY, StepKind.HAPPENED, StepKind.LIVES, StepKind.ALTERNATIVES]
    assert plan.steps[0].emergency_numbers == ()  # no number is ever guessed
    assert plan.steps[1].no_mechanism and plan.steps[2].no_mechanism


def test_it_leads_material_seen_online_to_the_hotline_of_the_witness_country():
    plan = build_plan(Answers(danger=False, seen=Seen.ONLINE, happened=None, lives="BE"), WORLD)

    assert kinds(plan)[0] == StepKind.ONLINE_MATERIAL
    assert names(plan.steps[0]) == ["Belgian hotline"]
    listed = [channel.name for channel in plan.all_channels()]
    assert listed.count("Belgian hotline") == 1  # not again under Belgium
    assert "Belgian police" not in listed  # it takes reports of what is seen in person only


def test_it_falls_back_to_the_international_directory_when_no_hotline_is_known():
    plan = build_plan(Answers(danger=False, seen=Seen.ONLINE, happened=None, lives="BY"), WORLD)

    assert names(plan.steps[0]) == ["INHOPE member directory"]


def test_it_asks_a_resident_who_saw_something_at_home_to_report_only_once():
    plan = build_plan(Answers(danger=False, seen=Seen.IN_PERSON, happened="FR", lives="FR", nationality="FR"), WORLD)

    assert kinds(plan) == [StepKind.HAPPENED, StepKind.ALTERNATIVES]


def test_it_uses_the_home_country_for_emergency_numbers_when_it_happened_online():
    plan = build_plan(Answers(danger=True, seen=Seen.ONLINE, happened=None, lives="TH"), WORLD)

    assert plan.steps[0].kind == StepKind.EMERGENCY and plan.steps[0].country == "TH"


def test_it_gives_the_numbers_of_home_to_a_witness_in_danger_far_from_home():
    plan = build_plan(Answers(danger=True, seen=Seen.IN_PERSON, happened="TH", lives="BE"), WORLD)

    assert plan.steps[0].home_country == "BE"
    assert [n.number for n in plan.steps[0].home_numbers] == ["112", "101"]


def test_it_gives_the_law_of_home_only_when_the_offender_is_not_known_to_be_from_elsewhere():
    unknown = build_plan(Answers(danger=False, seen=Seen.IN_PERSON, happened="TH", lives="BE"), WORLD)
    french = build_plan(Answers(danger=False, seen=Seen.IN_PERSON, happened="TH", lives="BE", nationality="FR"), WORLD)

    assert unknown.steps[1].jurisdiction is not None
    assert french.steps[1].jurisdiction is None and french.steps[2].jurisdiction is not None
