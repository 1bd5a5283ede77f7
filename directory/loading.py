"""Writing the checked data files into the database, and reading it back as records.

Loading is idempotent: entries are matched by their natural keys (a channel by country, kind and name; a
number by country, service and number), updated in place when they changed, and removed when they left
the files. Loading the same files twice changes nothing.
"""

from collections import Counter
from collections.abc import Iterable

from django.db import transaction

from directory import models, records, signals
from directory.countries import ISO_CODES


def _fields(record, key: tuple[str, ...], **extra) -> dict:
    """The columns to write for a record, less those of its natural key (they identify the row)."""
    return {name: value for name, value in models.column_values(record).items() if name not in key} | extra


class LoadReport(Counter):
    """Counts of created/updated/deleted/unchanged rows, and each change in words (for a preview)."""

    def __init__(self):
        super().__init__()
        self.changes: list[str] = []


def _sync(existing: dict, wanted: dict, create, counts: LoadReport) -> None:
    """Make the rows in `existing` (key → model) match `wanted` (key → field values)."""
    for key, fields in wanted.items():
        row = existing.pop(key, None)
        if row is None:
            create(key, fields)
            counts["created"] += 1
            counts.changes.append(f"added {_describe(key)}")
        elif changed := [name for name, value in fields.items() if getattr(row, name) != value]:
            for name, value in fields.items():
                setattr(row, name, value)
            row.save()
            counts["updated"] += 1
            counts.changes.append(f"changed {_describe(key)}: {', '.join(changed)}")
        else:
            counts["unchanged"] += 1
    for key, row in existing.items():
        row.delete()
        counts["deleted"] += 1
        counts.changes.append(f"removed {_describe(key)}")


def _describe(key) -> str:
    return " / ".join(str(part) for part in (key if isinstance(key, tuple) else (key,)) if part is not None)


def load_directory(directory: records.Directory, only: set[str] | None = None, dry_run: bool = False) -> LoadReport:
    """Make the database hold exactly this directory — or, with `only`, these countries of it.

    With `dry_run`, everything is done and then rolled back: the report is the preview of an import.
    """
    with transaction.atomic():
        with signals.one_revision():
            report = _load(directory, only)
        if dry_run:
            transaction.set_rollback(True)
        elif report["created"] or report["updated"] or report["deleted"]:
            signals.changed()
    return report


def _load(directory: records.Directory, only: set[str] | None) -> LoadReport:
    counts = LoadReport()
    have = set(models.Country.objects.values_list("code", flat=True))
    models.Country.objects.bulk_create([models.Country(code=code) for code in sorted(ISO_CODES - have)])

    def scoped(queryset):
        return queryset if only is None else queryset.filter(country__in=only)

    all_channels = [] if only is not None else list(directory.international)
    for record in directory.countries.values():
        all_channels.extend(record.channels)
    positions = _positions(all_channels)
    _sync(
        {(row.country_id, row.kind, row.name): row for row in scoped(models.Channel.objects.all())},
        {channel.key: _fields(channel, ("kind", "name"), position=positions[channel.key]) for channel in all_channels},
        lambda key, fields: models.Channel.objects.create(country_id=key[0], kind=key[1], name=key[2], **fields),
        counts,
    )

    wanted_numbers = {}
    for record in directory.countries.values():
        for position, number in enumerate(record.emergency_numbers):
            wanted_numbers[(record.code, number.service, number.number)] = _fields(
                number, ("service", "number"), position=position
            )
    _sync(
        {(row.country_id, row.service, row.number): row for row in scoped(models.EmergencyNumber.objects.all())},
        wanted_numbers,
        lambda key, fields: models.EmergencyNumber.objects.create(
            country_id=key[0], service=key[1], number=key[2], **fields
        ),
        counts,
    )

    wanted_law = {
        record.code: _fields(record.jurisdiction, ()) for record in directory.countries.values() if record.jurisdiction
    }
    _sync(
        {row.country_id: row for row in scoped(models.Jurisdiction.objects.all())},
        wanted_law,
        lambda key, fields: models.Jurisdiction.objects.create(country_id=key, **fields),
        counts,
    )
    return counts


def _positions(channels: Iterable[records.Channel]) -> dict:
    """Each channel's place within its country's list, as written in the file."""
    per_country: Counter = Counter()
    positions = {}
    for channel in channels:
        positions[channel.key] = per_country[channel.country]
        per_country[channel.country] += 1
    return positions


def read_directory(codes: Iterable[str] | None = None) -> records.Directory:
    """The directory (or the given countries of it) from the database, in four queries."""
    countries = models.Country.objects.prefetch_related("channels", "emergency_numbers").select_related("jurisdiction")
    if codes is not None:
        countries = countries.filter(code__in=set(codes))
    result = {}
    for country in countries:
        law = getattr(country, "jurisdiction", None)
        record = records.CountryRecord(
            code=country.code,
            channels=tuple(channel.to_record() for channel in country.channels.all()),
            emergency_numbers=tuple(number.to_record() for number in country.emergency_numbers.all()),
            jurisdiction=law.to_record() if law else None,
        )
        if record != records.CountryRecord(code=country.code):  # a country without data is simply absent
            result[country.code] = record
    international = tuple(channel.to_record() for channel in models.Channel.objects.international())
    return records.Directory(countries=result, international=international)
