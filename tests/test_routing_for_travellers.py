"""The plan a witness gets, told through the people who use the guide."""

from directory.records import CountryRecord
from guide.routing import Answers, Fallback, Seen, StepKind, build_plan
from tests.factories import FRANCE, WORLD, directory, number


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
    assert names(happened) == ["Thai police"]  # the online-only hotline and the unconfirmed lead are not shown
    assert names(lives) == ["Belgian federal police"]
    assert lives.jurisdiction.nationals and lives.jurisdiction.residents


def test_it_adds_the_offenders_country_when_the_witness_names_it():
    plan = build_plan(Answers(danger=False, seen=Seen.IN_PERSON, happened="TH", lives="BE", nationality="FR"), WORLD)

    assert kinds(plan) == [StepKind.HAPPENED, StepKind.LIVES, StepKind.NATIONALITY, StepKind.ALTERNATIVES]
    assert names(plan.steps[2]) == ["French police"]


def test_it_says_plainly_when_cambodia_has_no_known_mechanism_and_offers_the_alternatives():
    plan = build_plan(Answers(danger=False, seen=Seen.IN_PERSON, happened="KH", lives="FR"), WORLD)

    cambodia = plan.steps[0]
    assert cambodia.no_mechanism and cambodia.fallback == Fallback.NOTHING and not cambodia.channels
    assert [c.name for c in cambodia.alternatives] == ["Cambodian child helpline"]


def test_it_sends_the_witness_to_the_police_where_no_specific_channel_is_known():
    world = directory(CountryRecord(code="VU", emergency_numbers=(number("police", "111"),)), FRANCE)
    plan = build_plan(Answers(danger=False, seen=Seen.IN_PERSON, happened="VU", lives="FR"), world)

    vanuatu = plan.steps[0]
    assert vanuatu.fallback == Fallback.POLICE and not vanuatu.no_mechanism
    assert [n.number for n in vanuatu.police_numbers] == ["111"]


def test_an_online_only_channel_is_never_a_place_to_report_a_situation_seen_in_person():
    plan = build_plan(Answers(danger=False, seen=Seen.IN_PERSON, happened="BE", lives="BE"), WORLD)

    assert names(plan.steps[0]) == ["Belgian federal police"]  # not the online-only hotline


def test_it_still_gives_a_plan_for_a_country_we_know_nothing_about():
    plan = build_plan(Answers(danger=True, seen=Seen.IN_PERSON, happened="TV", lives="NR"), WORLD)

    assert kinds(plan) == [StepKind.EMERGENCY, StepKind.HAPPENED, StepKind.LIVES, StepKind.ALTERNATIVES]
    assert plan.steps[0].emergency_numbers == ()  # no number is ever guessed
    assert plan.steps[1].no_mechanism and plan.steps[2].no_mechanism


def test_it_leads_material_seen_online_to_the_hotline_of_the_witness_country():
    plan = build_plan(Answers(danger=False, seen=Seen.ONLINE, happened=None, lives="BE"), WORLD)

    assert kinds(plan)[0] == StepKind.ONLINE_MATERIAL
    assert names(plan.steps[0]) == ["Belgian hotline"]
    assert names(plan.steps[1]) == ["Belgian federal police"]  # the hotline is not listed twice


def test_it_falls_back_to_the_international_directory_when_no_hotline_is_known():
    plan = build_plan(Answers(danger=False, seen=Seen.ONLINE, happened=None, lives="KH"), WORLD)

    assert names(plan.steps[0]) == ["INHOPE member directory"]


def test_it_asks_a_resident_who_saw_something_at_home_to_report_only_once():
    plan = build_plan(Answers(danger=False, seen=Seen.IN_PERSON, happened="FR", lives="FR", nationality="FR"), WORLD)

    assert kinds(plan) == [StepKind.HAPPENED, StepKind.ALTERNATIVES]


def test_it_uses_the_home_country_for_emergency_numbers_when_it_happened_online():
    plan = build_plan(Answers(danger=True, seen=Seen.ONLINE, happened=None, lives="TH"), WORLD)

    assert plan.steps[0].kind == StepKind.EMERGENCY and plan.steps[0].country == "TH"
