"""Writing directory records back to the data-file format of DATA.md.

The output is what a maintainer would write by hand: fields in schema order, empty and default values left
out, so an export diffs cleanly against the files it came from.
"""

from pathlib import Path
from typing import Any

import yaml

from directory.dataset import INTERNATIONAL
from directory.records import CountryRecord, Directory, Note, Type, facts


def data_value(value: Any, type: Type) -> Any:
    """A fact as a data file writes it: plain lists, and a note as text while it is only in English."""
    if type == Type.LANGUAGES:
        return list(value)
    if type == Type.NOTE:
        return Note.of(value).as_data()
    return value


def entry_of(record: Any) -> dict:
    """A record as a data-file entry: its facts in schema order, defaults left out (required ones kept)."""
    entry: dict[str, Any] = {}
    for name, spec, default in facts(type(record)):
        value = getattr(record, name)
        if spec.required or value != default:
            entry[name] = data_value(value, spec.type)
    source = getattr(record, "source", None)
    return {**entry, "source": entry_of(source)} if source else entry


def record_to_dict(record: CountryRecord) -> dict:
    content: dict = {"country": record.code}
    if record.emergency_numbers:
        content["emergency_numbers"] = [entry_of(number) for number in record.emergency_numbers]
    if record.channels:
        content["channels"] = [entry_of(channel) for channel in record.channels]
    if record.jurisdiction:
        content["jurisdiction"] = entry_of(record.jurisdiction)
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
