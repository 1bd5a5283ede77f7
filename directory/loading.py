"""Writing the checked data files into the database, and reading it back as records.

Loading is idempotent: entries are matched by their natural keys (a channel by country, kind and name; a
number by country, service and number), updated in place when they changed, and removed when they left
the files. Loading the same files twice changes nothing.

After the first load the database is the directory: maintainers change it in the back office. A load
therefore never overwrites or removes a row whose latest change was made by a person (its history names
them) unless told to (`force`): that work is kept and reported, to be exported to the files and committed.
A country whose file is absent is left as it is, so an empty or partial folder never empties the directory.
"""

from collections import Counter
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q

from directory import models, records, signals
from directory.countries import ISO_CODES

FILES_HOLD_IT = "the data files hold this change"


def _fields(record, key: tuple[str, ...], **extra) -> dict:
    """The columns to write for a record, less those of its natural key (they identify the row)."""
    return {name: value for name, value in models.column_values(record).items() if name not in key} | extra


class LoadReport(Counter):
    """Counts of created/updated/deleted/unchanged/kept rows, and each change in words (for a preview).

    `kept` lists what the files would have changed in rows edited in the back office, which were kept.
    """

    def __init__(self):
        super().__init__()
        self.changes: list[str] = []
        self.kept: list[str] = []


def _shown(value) -> str:
    if isinstance(value, dict):  # a note: its English words alone, or each language's
        value = records.Note.of(value).written("; ")
    text = "—" if value in ("", None, [], ()) else str(value)
    return text if len(text) <= 200 else text[:197] + "…"


def _edited_by_people(model) -> set:
    """The rows whose latest change was made by a person in the back office rather than by a load."""
    latest: dict = {}
    for pk, user in model.history.order_by("history_date", "history_id").values_list("id", "history_user_id"):
        latest[pk] = user
    return {pk for pk, user in latest.items() if user is not None}


def _sync(existing: dict, wanted: dict, create, counts: LoadReport, protected: set) -> None:
    """Make the rows in `existing` (key → model) match `wanted` (key → field values), except protected rows."""
    for key, fields in wanted.items():
        row = existing.pop(key, None)
        if row is None:
            create(key, fields)
            counts["created"] += 1
            counts.changes.append(f"added {_describe(key)}")
            continue
        changed = [name for name, value in fields.items() if getattr(row, name) != value]
        if changed and row.pk in protected:
            counts["kept"] += 1
            counts.kept.append(f"{_describe(key)}: {_differences(row, fields, changed)}")
        elif changed:
            counts.changes.append(f"changed {_describe(key)}: {_differences(row, fields, changed)}")
            for name, value in fields.items():
                setattr(row, name, value)
            row.save()
            counts["updated"] += 1
        else:
            if row.pk in protected:  # the files caught up with the back office: later file edits apply
                row._change_reason = FILES_HOLD_IT
                row.save()
            counts["unchanged"] += 1
    for key, row in existing.items():
        if row.pk in protected:
            counts["kept"] += 1
            counts.kept.append(f"{_describe(key)}: not in the files")
            continue
        row.delete()
        counts["deleted"] += 1
        counts.changes.append(f"removed {_describe(key)}")


def _differences(row, fields: dict, changed: list[str]) -> str:
    return "; ".join(f"{name}: {_shown(getattr(row, name))} → {_shown(fields[name])}" for name in changed)


def _describe(key) -> str:
    return " / ".join(str(part) for part in (key if isinstance(key, tuple) else (key,)) if part is not None)


def load_directory(
    directory: records.Directory,
    only: set[str] | None = None,
    dry_run: bool = False,
    force: bool = False,
    with_international: bool | None = None,
) -> LoadReport:
    """Make the database hold this directory — or, with `only`, these countries of it.

    Rows last changed in the back office are kept unless `force`. The international channels are loaded
    with the whole directory, or with `only` when `with_international`. With `dry_run`, everything is done
    and then rolled back: the report is the preview of an import.
    """
    with transaction.atomic():
        with signals.one_revision():
            report = _load(directory, only, force, only is None if with_international is None else with_international)
        if dry_run:
            transaction.set_rollback(True)
        elif report["created"] or report["updated"] or report["deleted"]:
            signals.changed()
    return report


def _load(directory: records.Directory, only: set[str] | None, force: bool, with_international: bool) -> LoadReport:
    counts = LoadReport()
    have = set(models.Country.objects.values_list("code", flat=True))
    models.Country.objects.bulk_create([models.Country(code=code) for code in sorted(ISO_CODES - have)])

    def scoped(queryset, international: bool = False):
        if only is None:
            return queryset
        return (
            queryset.filter(Q(country__in=only) | Q(country__isnull=True))
            if international
            else queryset.filter(country__in=only)
        )

    def protected(model) -> set:
        return set() if force else _edited_by_people(model)

    all_channels = list(directory.international) if with_international else []
    for record in directory.countries.values():
        all_channels.extend(record.channels)
    positions = _positions(all_channels)
    _sync(
        {(row.country_id, row.kind, row.name): row for row in scoped(models.Channel.objects.all(), with_international)},
        {channel.key: _fields(channel, ("kind", "name"), position=positions[channel.key]) for channel in all_channels},
        lambda key, fields: models.Channel.objects.create(country_id=key[0], kind=key[1], name=key[2], **fields),
        counts,
        protected(models.Channel),
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
        protected(models.EmergencyNumber),
    )

    wanted_law = {
        record.code: _fields(record.jurisdiction, ()) for record in directory.countries.values() if record.jurisdiction
    }
    _sync(
        {row.country_id: row for row in scoped(models.Jurisdiction.objects.all())},
        wanted_law,
        lambda key, fields: models.Jurisdiction.objects.create(country_id=key, **fields),
        counts,
        protected(models.Jurisdiction),
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
