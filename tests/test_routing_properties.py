"""Properties of the routing function over every combination of countries, on the shipped data."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from directory.countries import ISO_CODES
from guide.routing import Answers, Seen, StepKind, build_plan

CODES = sorted(ISO_CODES)
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
    keys = [channel.key for channel in plan.channels()]
    assert len(keys) == len(set(keys)), "no channel is listed twice"
    for channel in plan.channels():
        assert channel.source.url.startswith("https://") and channel.source.title and channel.source.verified_on
        assert channel.source.showable and channel.active
    for step in plan.steps:
        for number in step.emergency_numbers:
            assert number.source.showable and number.source.verified_on


@settings(max_examples=3000, deadline=None)
@given(answers=answers)
def test_every_plan_is_complete_sourced_and_deterministic(shipped_directory, answers):
    plan = build_plan(answers, shipped_directory)
    check_plan(plan)
    assert build_plan(answers, shipped_directory) == plan


@pytest.mark.parametrize("seen", list(Seen))
def test_every_pair_of_countries_gets_a_plan(shipped_directory, seen):
    for happened in [None, *CODES]:
        for lives in CODES:
            check_plan(build_plan(Answers(danger=True, seen=seen, happened=happened, lives=lives), shipped_directory))
