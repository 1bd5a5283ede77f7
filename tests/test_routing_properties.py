"""Properties of the routing function over every combination of countries, on the shipped data."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from api.serializers import has_mechanism
from directory.countries import ISO_CODES
from directory.coverage import country_coverage
from guide.routing import Answers, Fallback, Seen, StepKind, build_plan

CODES = sorted(ISO_CODES)
REPORT_STEPS = (StepKind.HAPPENED, StepKind.LIVES, StepKind.NATIONALITY)
answers = st.builds(
    Answers,
    danger=st.booleans(),
    seen=st.sampled_from(Seen),
    happened=st.one_of(st.none(), st.sampled_from(CODES)),
    lives=st.sampled_from(CODES),
    nationality=st.one_of(st.none(), st.sampled_from(CODES)),
)


def check_plan(plan):
    assert plan.steps, "a plan is never empty"
    first_is_emergency = plan.steps[0].kind == StepKind.EMERGENCY
    assert first_is_emergency == plan.answers.danger
    assert sum(step.kind == StepKind.EMERGENCY for step in plan.steps) == int(plan.answers.danger)
    keys = [channel.key for channel in plan.all_channels()]
    assert len(keys) == len(set(keys)), "no channel is listed twice"
    for channel in plan.all_channels():
        assert channel.source.url.startswith("https://") and channel.source.title and channel.source.verified_on
        assert channel.source.showable and channel.active
        assert channel.takes(plan.answers.seen), "every channel takes what was seen"
    for step in plan.steps:
        for number in (*step.emergency_numbers, *step.home_numbers, *step.police_numbers):
            assert number.source.showable and number.source.verified_on
        if step.kind in REPORT_STEPS:
            for channel in step.channels:
                assert channel.place_to_report, "a report step lists places to report first"
            for channel in step.alternatives:
                assert not channel.place_to_report, "an official channel never sits among the alternatives"
            assert bool(step.police_numbers) == (step.fallback == Fallback.POLICE)
            if step.no_mechanism:
                assert not step.channels and not step.police_numbers, "'no mechanism' only where nothing is known"
        if step.kind == StepKind.ALTERNATIVES:
            assert not any(channel.place_to_report for channel in step.channels)
    explained = {step.country for step in plan.steps if step.kind in REPORT_STEPS}
    online = any(step.kind == StepKind.ONLINE_MATERIAL and step.channels for step in plan.steps)
    for code in (plan.answers.happened, plan.answers.lives, plan.answers.nationality):
        assert code is None or code in explained or online, f"{code} is neither in the plan nor explained"


@settings(max_examples=2000, deadline=None)
@given(answers=answers)
def test_every_plan_is_complete_sourced_and_deterministic(shipped_directory, answers):
    plan = build_plan(answers, shipped_directory)
    check_plan(plan)
    assert build_plan(answers, shipped_directory) == plan


@settings(max_examples=1000, deadline=None)
@given(answers=answers.filter(lambda a: a.seen == Seen.IN_PERSON and a.happened))
def test_an_in_person_plan_never_offers_an_online_only_channel_as_a_place_to_report(shipped_directory, answers):
    plan = build_plan(answers, shipped_directory)
    for step in plan.steps:
        for channel in (*step.channels, *step.alternatives):
            assert channel.scope != "online", f"{channel.name} takes only material seen online"


@pytest.mark.parametrize("seen", list(Seen))
def test_every_pair_of_countries_gets_a_plan(shipped_directory, seen):
    for happened in [None, *CODES]:
        for lives in CODES:
            check_plan(build_plan(Answers(danger=True, seen=seen, happened=happened, lives=lives), shipped_directory))


def test_coverage_the_api_and_the_routing_agree_on_which_countries_have_a_mechanism(shipped_directory):
    for code in CODES:
        record = shipped_directory.country(code)
        coverage = country_coverage(record, today=date(2026, 12, 2))
        api = has_mechanism(record)
        for seen in Seen:
            plan = build_plan(Answers(danger=False, seen=seen, happened=code, lives=code), shipped_directory)
            step = next((s for s in plan.steps if s.kind == StepKind.HAPPENED), None)
            routed = bool(step and step.channels) or (seen == Seen.ONLINE and step is None)
            assert api[seen.value] == getattr(coverage, seen.value) == routed, (code, seen)
