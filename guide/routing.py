"""The routing decision: a witness's answers in, an ordered reporting plan out.

A pure function of its inputs — no request, no template, no database — so the HTML guide, the JSON API
and the widget share one answer, and it can be tested over every combination of countries.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from directory.choices import ONLINE_MATERIAL_KINDS, SERVICE_ORDER
from directory.records import Channel, CountryRecord, Directory, EmergencyNumber, Jurisdiction


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


class Fallback(StrEnum):
    """What a report step offers when the country has no specific place to report what was seen."""

    NONE = "none"  # it has places to report: `channels`
    POLICE = "police"  # none specific, but every police force takes reports: `police_numbers`
    NOTHING = "nothing"  # nothing known at all, not even a police number: only alternatives


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

    @property
    def abroad(self) -> bool:
        return bool(self.happened) and self.happened != self.lives


@dataclass(frozen=True)
class Step:
    kind: StepKind
    country: str | None = None
    # Places to report (official channels, reporting points); for the last step, the alternatives.
    channels: tuple[Channel, ...] = ()
    emergency_numbers: tuple[EmergencyNumber, ...] = ()
    # Danger far from home: the home country's numbers, for a witness who is already back.
    home_country: str | None = None
    home_numbers: tuple[EmergencyNumber, ...] = ()
    fallback: Fallback = Fallback.NONE
    police_numbers: tuple[EmergencyNumber, ...] = ()  # how to reach the police when `fallback` is POLICE
    alternatives: tuple[Channel, ...] = ()  # labelled as alternatives, after the places to report
    jurisdiction: Jurisdiction | None = None

    @property
    def no_mechanism(self) -> bool:
        """True only where nothing is known: no place to report and no police number."""
        return self.fallback == Fallback.NOTHING

    @property
    def lead(self) -> Channel | None:
        """The first place to report: what the plan's summary names."""
        return self.channels[0] if self.channels else None


@dataclass(frozen=True)
class Plan:
    answers: Answers
    steps: tuple[Step, ...] = field(default_factory=tuple)

    def all_channels(self) -> list[Channel]:
        return [channel for step in self.steps for channel in (*step.channels, *step.alternatives)]


def build_plan(answers: Answers, directory: Directory) -> Plan:
    listed: set = set()
    steps: list[Step] = []

    def take(channels) -> tuple[Channel, ...]:
        fresh = tuple(channel for channel in channels if channel.key not in listed)
        listed.update(channel.key for channel in fresh)
        return fresh

    if answers.danger:
        steps.append(_emergency_step(answers, directory))

    if answers.seen == Seen.ONLINE:
        steps.append(Step(StepKind.ONLINE_MATERIAL, channels=take(_online_material_channels(answers, directory))))

    for kind, code in _countries_to_report_to(answers):
        record = directory.country(code)
        mechanisms = record.mechanisms(answers.seen)
        law = _law_for(kind, answers, record)
        if mechanisms:
            places = take(mechanisms)  # empty only when the online step above already lists them
            if places or law:
                steps.append(Step(kind, code, channels=places, jurisdiction=law))
            continue
        police = record.police_numbers()
        steps.append(
            Step(
                kind,
                code,
                fallback=Fallback.POLICE if police else Fallback.NOTHING,
                police_numbers=police,
                alternatives=take(record.alternatives(answers.seen)),
                jurisdiction=law,
            )
        )

    where = directory.country(answers.where_now)
    other_help = [*where.alternatives(answers.seen)] + [
        c for c in directory.international if c.shown and c.takes(answers.seen)
    ]
    steps.append(Step(StepKind.ALTERNATIVES, answers.where_now, channels=take(other_help)))
    return Plan(answers=answers, steps=tuple(steps))


def _emergency_step(answers: Answers, directory: Directory) -> Step:
    here = directory.country(answers.where_now).shown_emergency_numbers()
    home = directory.country(answers.lives).shown_emergency_numbers() if answers.abroad else ()
    return Step(
        StepKind.EMERGENCY,
        answers.where_now,
        emergency_numbers=_by_service(here),
        home_country=answers.lives if answers.abroad else None,
        home_numbers=_by_service(home),
    )


def _law_for(kind: StepKind, answers: Answers, record: CountryRecord) -> Jurisdiction | None:
    """Whether the country can prosecute its people for offences abroad, where that is the question.

    For the witness's own country only when the offender's nationality is unknown or the same (then it is
    the offender's country too); for the offender's country when it is another one; never where it happened.
    """
    if kind == StepKind.HAPPENED:
        return None
    if kind == StepKind.LIVES and answers.nationality not in (None, answers.lives):
        return None
    return record.shown_jurisdiction()


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
    """The hotline of the witness's country, else its IWF portal; then where it happened.

    Else the international fallback: only what finds a hotline or takes the report itself (INHOPE's
    directory of member hotlines, an IWF portal), never a general directory.
    """
    for code in dict.fromkeys(code for code in (answers.lives, answers.happened) if code):
        shown = directory.country(code).shown_channels()
        for kind in ONLINE_MATERIAL_KINDS:
            found = [c for c in shown if c.kind == kind and c.takes(Seen.ONLINE)]
            if found:
                return found
    return [c for c in directory.international if c.shown and _finds_a_hotline(c)]


def _finds_a_hotline(channel: Channel) -> bool:
    return channel.kind in ONLINE_MATERIAL_KINDS or (channel.kind == "directory" and channel.scope == "online")


def _by_service(numbers: tuple[EmergencyNumber, ...]) -> tuple[EmergencyNumber, ...]:
    return tuple(sorted(numbers, key=lambda number: SERVICE_ORDER.index(number.service)))
