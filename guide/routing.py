"""The routing decision: a witness's answers in, an ordered reporting plan out.

A pure function of its inputs — no request, no template, no database — so the HTML guide, the JSON API
and the widget share one answer, and it can be tested over every combination of countries.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from directory.choices import ONLINE_MATERIAL_KINDS, SERVICE_ORDER
from directory.records import Channel, Directory, EmergencyNumber, Jurisdiction


class Seen(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"


class StepKind(StrEnum):
    EMERGENCY = "emergency"  # a child is in danger now: the local emergency numbers
    ONLINE_MATERIAL = "online_material"  # report the address of the material, never the material
    HAPPENED = "happened"  # the country where it happened
    LIVES = "lives"  # the country where the witness lives
    NATIONALITY = "nationality"  # the suspected offender's country
    ALTERNATIVES = "alternatives"  # other help: helplines, partner organisations, embassies


@dataclass(frozen=True)
class Answers:
    danger: bool
    seen: Seen
    happened: str | None  # None: it happened online, in no particular country
    lives: str
    nationality: str | None = None

    @property
    def where_now(self) -> str:
        """The country the witness is most likely in: where it happened, else home."""
        return self.happened or self.lives


@dataclass(frozen=True)
class Step:
    kind: StepKind
    country: str | None = None
    channels: tuple[Channel, ...] = ()
    emergency_numbers: tuple[EmergencyNumber, ...] = ()
    # Set when the country has no known official mechanism: `channels` then holds its alternatives.
    no_mechanism: bool = False
    jurisdiction: Jurisdiction | None = None

    @property
    def alternatives_only(self) -> bool:
        return self.kind == StepKind.ALTERNATIVES or self.no_mechanism


@dataclass(frozen=True)
class Plan:
    answers: Answers
    steps: tuple[Step, ...] = field(default_factory=tuple)

    def channels(self) -> list[Channel]:
        return [channel for step in self.steps for channel in step.channels]


def build_plan(answers: Answers, directory: Directory) -> Plan:
    listed: set = set()
    steps: list[Step] = []

    def take(channels) -> tuple[Channel, ...]:
        fresh = tuple(channel for channel in channels if channel.key not in listed)
        listed.update(channel.key for channel in fresh)
        return fresh

    if answers.danger:
        numbers = directory.country(answers.where_now).shown_emergency_numbers()
        steps.append(Step(StepKind.EMERGENCY, answers.where_now, emergency_numbers=_by_service(numbers)))

    if answers.seen == Seen.ONLINE:
        steps.append(Step(StepKind.ONLINE_MATERIAL, channels=take(_online_material_channels(answers, directory))))

    for kind, code in _countries_to_report_to(answers):
        record = directory.country(code)
        shown = record.shown_channels()
        official = [c for c in shown if c.official and c.takes(answers.seen)]
        law = record.jurisdiction if kind != StepKind.HAPPENED and record.jurisdiction else None
        law = law if law and law.source.showable else None
        if official:
            fresh = take(official)
            if fresh or law:
                steps.append(Step(kind, code, channels=fresh, jurisdiction=law))
        else:
            alternatives = take(c for c in shown if not c.official)
            steps.append(Step(kind, code, channels=alternatives, no_mechanism=True, jurisdiction=law))

    where = directory.country(answers.where_now).shown_channels()
    other_help = [c for c in where if not c.official] + [
        c for c in directory.international if c.shown and c.takes(answers.seen)
    ]
    steps.append(Step(StepKind.ALTERNATIVES, answers.where_now, channels=take(other_help)))
    return Plan(answers=answers, steps=tuple(steps))


def _countries_to_report_to(answers: Answers) -> list[tuple[StepKind, str]]:
    """Where it happened, where the witness lives, the offender's country: each once, in that order."""
    wanted = [
        (StepKind.HAPPENED, answers.happened),
        (StepKind.LIVES, answers.lives),
        (StepKind.NATIONALITY, answers.nationality),
    ]
    chosen: list[tuple[StepKind, str]] = []
    for kind, code in wanted:
        if code and code not in {existing for _, existing in chosen}:
            chosen.append((kind, code))
    return chosen


def _online_material_channels(answers: Answers, directory: Directory) -> list[Channel]:
    """The hotline of the witness's country, else its IWF portal; then where it happened; else global."""
    for code in dict.fromkeys(code for code in (answers.lives, answers.happened) if code):
        shown = directory.country(code).shown_channels()
        for kind in ONLINE_MATERIAL_KINDS:
            found = [c for c in shown if c.kind == kind and c.takes(Seen.ONLINE)]
            if found:
                return found
    return [c for c in directory.international if c.shown and c.takes(Seen.ONLINE)]


def _by_service(numbers: tuple[EmergencyNumber, ...]) -> tuple[EmergencyNumber, ...]:
    return tuple(sorted(numbers, key=lambda number: SERVICE_ORDER.index(number.service)))
