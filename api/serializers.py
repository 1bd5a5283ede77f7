"""Plain dicts for the JSON API: stable field names, documented in docs/api.md.

Each record's fields come from its declaration in `directory/records.py` (`fact_dict`); only the public
facts are published, with empty text as null.
"""

from typing import Any

from directory.countries import country_name
from directory.records import Channel, CountryRecord, Fact, Note, Type, facts
from guide.routing import Plan

SEEN = ("in_person", "online")


def json_value(value: Any, spec: Fact) -> Any:
    if spec.type == Type.LANGUAGES:
        return list(value)
    if spec.type == Type.DATE:
        return value.isoformat() if value else None
    if spec.type in (Type.FLAG, Type.CHOICE):
        return value
    if spec.type == Type.NOTE:
        return Note.of(value).english or None
    return value or None


def translations_of(name: str) -> str:
    """The field beside a note that holds its words in other languages: `how_to` → `how_to_translations`."""
    return f"{name}_translations"


def fact_dict(record: Any, *, translations: bool = True) -> dict:
    """A record's public facts, and its source's, as JSON values; beside each note, its other languages."""
    entry = {}
    for name, spec, _ in facts(type(record)):
        if spec.public:
            entry[name] = json_value(getattr(record, name), spec)
            if spec.type == Type.NOTE and translations:
                entry[translations_of(name)] = Note.of(getattr(record, name)).translations()
    source = getattr(record, "source", None)
    return {**entry, "source": fact_dict(source)} if source else entry


def channel_filters() -> dict[str, Fact]:
    """The channel facts the API can filter on: every public yes/no fact and every fixed choice."""
    return {name: spec for name, spec, _ in facts(Channel) if spec.public and spec.type in (Type.FLAG, Type.CHOICE)}


def channel_dict(channel: Channel) -> dict:
    return {**fact_dict(channel), "country": channel.country}


def _country(code: str | None) -> dict | None:
    return {"code": code, "name": country_name(code)} if code else None


def has_mechanism(record: CountryRecord) -> dict:
    """Whether the country has a place to report, for each thing a witness may have seen."""
    return {seen: bool(record.mechanisms(seen)) for seen in SEEN}


def plan_dict(plan: Plan) -> dict:
    answers = plan.answers
    return {
        "answers": {
            "danger": answers.danger,
            "seen": answers.seen.value,
            "happened": answers.happened or "online",
            "lives": answers.lives,
            "nationality": answers.nationality,
        },
        "steps": [
            {
                "kind": step.kind.value,
                "country": _country(step.country),
                "fallback": step.fallback.value,
                "no_known_mechanism": step.no_mechanism,
                "emergency_numbers": [fact_dict(number) for number in step.emergency_numbers],
                "home": _country(step.home_country),
                "home_emergency_numbers": [fact_dict(number) for number in step.home_numbers],
                "police_numbers": [fact_dict(number) for number in step.police_numbers],
                "channels": [channel_dict(channel) for channel in step.channels],
                "alternatives": [channel_dict(channel) for channel in step.alternatives],
                "jurisdiction": fact_dict(step.jurisdiction) if step.jurisdiction else None,
            }
            for step in plan.steps
        ],
    }


def country_summary(record: CountryRecord) -> dict:
    """A country's code, its name in the active language and whether it has a place to report."""
    return {"code": record.code, "name": country_name(record.code), "has_mechanism": has_mechanism(record)}


def country_dict(record: CountryRecord) -> dict:
    shown = record.shown_channels()
    law = record.shown_jurisdiction()
    return {
        **country_summary(record),
        "emergency_numbers": [fact_dict(number) for number in record.shown_emergency_numbers()],
        "channels": [channel_dict(channel) for channel in shown if channel.place_to_report],
        "alternatives": [channel_dict(channel) for channel in shown if not channel.place_to_report],
        "jurisdiction": fact_dict(law) if law else None,
    }
