"""Writing the checked data files into the database, and reading it back as records.

Loading is idempotent: entries are matched by their natural keys (a channel by country, kind and name; a
number by country, service and number), updated in place when they changed, and removed when they left
the files. Loading the same files twice changes nothing.
"""

from collections import Counter
from collections.abc import Iterable

from django.db import transaction

from directory import models, records
from directory.countries import ISO_CODES


def _source_fields(source: records.Source) -> dict:
    return {
        "source_url": source.url,
        "source_title": source.title,
        "verified_on": source.verified_on,
        "confidence": source.confidence,
    }


def _channel_fields(channel: records.Channel, position: int) -> dict:
    return {
        "scope": channel.scope,
        "url": channel.url,
        "phone": channel.phone,
        "phone_override": channel.phone_override,
        "email": channel.email,
        "languages": list(channel.languages),
        "anonymous": channel.anonymous,
        "hours": channel.hours,
        "how_to": channel.how_to,
        "inhope_member": channel.inhope_member,
        "active": channel.active,
        "position": position,
        **_source_fields(channel.source),
    }


def _sync(existing: dict, wanted: dict, create, counts: Counter) -> None:
    """Make the rows in `existing` (key → model) match `wanted` (key → field values)."""
    for key, fields in wanted.items():
        row = existing.pop(key, None)
        if row is None:
            create(key, fields)
            counts["created"] += 1
        elif any(getattr(row, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(row, name, value)
            row.save()
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    for row in existing.values():
        row.delete()
        counts["deleted"] += 1


@transaction.atomic
def load_directory(directory: records.Directory) -> Counter:
    """Make the database hold exactly this directory. Returns counts of created/updated/deleted rows."""
    counts: Counter = Counter()
    have = set(models.Country.objects.values_list("code", flat=True))
    models.Country.objects.bulk_create([models.Country(code=code) for code in sorted(ISO_CODES - have)])

    all_channels = list(directory.international)
    for record in directory.countries.values():
        all_channels.extend(record.channels)
    positions = _positions(all_channels)
    _sync(
        {(row.country_id, row.kind, row.name): row for row in models.Channel.objects.all()},
        {channel.key: _channel_fields(channel, positions[channel.key]) for channel in all_channels},
        lambda key, fields: models.Channel.objects.create(country_id=key[0], kind=key[1], name=key[2], **fields),
        counts,
    )

    wanted_numbers = {}
    for record in directory.countries.values():
        for position, number in enumerate(record.emergency_numbers):
            wanted_numbers[(record.code, number.service, number.number)] = {
                "note": number.note,
                "override": number.override,
                "position": position,
                **_source_fields(number.source),
            }
    _sync(
        {(row.country_id, row.service, row.number): row for row in models.EmergencyNumber.objects.all()},
        wanted_numbers,
        lambda key, fields: models.EmergencyNumber.objects.create(
            country_id=key[0], service=key[1], number=key[2], **fields
        ),
        counts,
    )

    wanted_law = {
        record.code: {
            "nationals": record.jurisdiction.nationals,
            "residents": record.jurisdiction.residents,
            "summary": record.jurisdiction.summary,
            **_source_fields(record.jurisdiction.source),
        }
        for record in directory.countries.values()
        if record.jurisdiction
    }
    _sync(
        {row.country_id: row for row in models.Jurisdiction.objects.all()},
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
