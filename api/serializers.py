"""Plain dicts for the JSON API: stable field names, documented in docs/api.md."""

from directory.countries import country_name
from directory.records import Channel, CountryRecord, EmergencyNumber, Jurisdiction, Source
from guide.routing import Plan


def source_dict(source: Source) -> dict:
    return {
        "url": source.url,
        "title": source.title,
        "verified_on": source.verified_on.isoformat(),
        "confidence": source.confidence,
    }


def channel_dict(channel: Channel) -> dict:
    return {
        "name": channel.name,
        "kind": channel.kind,
        "scope": channel.scope,
        "country": channel.country,
        "url": channel.url or None,
        "phone": channel.phone or None,
        "email": channel.email or None,
        "languages": list(channel.languages),
        "anonymous": channel.anonymous,
        "hours": channel.hours or None,
        "how_to": channel.how_to or None,
        "inhope_member": channel.inhope_member,
        "source": source_dict(channel.source),
    }


def number_dict(number: EmergencyNumber) -> dict:
    return {
        "service": number.service,
        "number": number.number,
        "note": number.note or None,
        "source": source_dict(number.source),
    }


def jurisdiction_dict(law: Jurisdiction | None) -> dict | None:
    if law is None:
        return None
    return {
        "nationals": law.nationals,
        "residents": law.residents,
        "summary": law.summary,
        "source": source_dict(law.source),
    }


def _country(code: str | None) -> dict | None:
    return {"code": code, "name": country_name(code)} if code else None


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
                "no_known_mechanism": step.no_mechanism,
                "alternatives": step.alternatives_only,
                "emergency_numbers": [number_dict(number) for number in step.emergency_numbers],
                "channels": [channel_dict(channel) for channel in step.channels],
                "jurisdiction": jurisdiction_dict(step.jurisdiction),
            }
            for step in plan.steps
        ],
    }


def country_dict(record: CountryRecord, detail: bool = True) -> dict:
    shown = record.shown_channels()
    summary = {
        "code": record.code,
        "name": country_name(record.code),
        "has_mechanism": any(channel.official for channel in shown),
    }
    if not detail:
        return summary
    law = record.jurisdiction if record.jurisdiction and record.jurisdiction.source.showable else None
    return {
        **summary,
        "emergency_numbers": [number_dict(number) for number in record.shown_emergency_numbers()],
        "channels": [channel_dict(channel) for channel in shown if channel.official],
        "alternatives": [channel_dict(channel) for channel in shown if not channel.official],
        "jurisdiction": jurisdiction_dict(law),
    }
