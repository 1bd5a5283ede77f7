"""Writing directory records back to the data-file format of DATA.md.

The output is what a maintainer would write by hand: fields in schema order, empty and default values left
out, so an export diffs cleanly against the files it came from.
"""

from pathlib import Path

import yaml

from directory.dataset import INTERNATIONAL
from directory.records import Channel, CountryRecord, Directory, EmergencyNumber, Jurisdiction, Source


def _source(source: Source) -> dict:
    return {
        "url": source.url,
        "title": source.title,
        "verified_on": source.verified_on,
        "confidence": source.confidence,
    }


def _without_empty(entry: dict) -> dict:
    return {key: value for key, value in entry.items() if value not in ("", None, [], ())}


def _number(number: EmergencyNumber) -> dict:
    entry = {"service": number.service, "number": number.number, "note": number.note, "override": number.override}
    return {**_without_empty(entry), "source": _source(number.source)}


def _channel(channel: Channel) -> dict:
    entry = _without_empty(
        {
            "name": channel.name,
            "kind": channel.kind,
            "scope": channel.scope,
            "url": channel.url,
            "phone": channel.phone,
            "phone_override": channel.phone_override,
            "email": channel.email,
            "languages": list(channel.languages),
            "anonymous": channel.anonymous,
            "hours": channel.hours,
            "how_to": channel.how_to,
        }
    )
    if channel.inhope_member:
        entry["inhope_member"] = True
    if not channel.active:
        entry["active"] = False
    return {**entry, "source": _source(channel.source)}


def _jurisdiction(law: Jurisdiction) -> dict:
    entry = _without_empty({"nationals": law.nationals, "residents": law.residents, "summary": law.summary})
    return {**entry, "source": _source(law.source)}


def record_to_dict(record: CountryRecord) -> dict:
    content: dict = {"country": record.code}
    if record.emergency_numbers:
        content["emergency_numbers"] = [_number(number) for number in record.emergency_numbers]
    if record.channels:
        content["channels"] = [_channel(channel) for channel in record.channels]
    if record.jurisdiction:
        content["jurisdiction"] = _jurisdiction(record.jurisdiction)
    return content


def dump(content: dict) -> str:
    return yaml.safe_dump(content, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)


def write_directory(directory: Directory, folder: Path) -> list[Path]:
    """Write one file per country with data, and international.yaml; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for code, record in sorted(directory.countries.items()):
        path = folder / f"{code}.yaml"
        path.write_text(dump(record_to_dict(record)), encoding="utf-8")
        written.append(path)
    if directory.international:
        path = folder / f"{INTERNATIONAL}.yaml"
        international = CountryRecord(code=INTERNATIONAL, channels=directory.international)
        path.write_text(dump(record_to_dict(international)), encoding="utf-8")
        written.append(path)
    return written
