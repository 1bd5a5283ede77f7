"""Bulk downloads of the whole directory, with its licence, sources and date, built from the live data.

They are built on request and cached by validators, so they are never older than the directory itself.
"""

import csv
import io
import re
from typing import Any

from django.http import HttpResponse, JsonResponse
from django.utils import timezone

from api.http import open_data
from api.serializers import channel_dict, country_dict, fact_dict
from directory.countries import ISO_CODES, country_name
from directory.records import Channel, EmergencyNumber, Source, Type, column_of, facts
from directory.snapshot import current_directory, last_change

LICENCE = {
    "name": "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)",
    "url": "https://creativecommons.org/licenses/by-sa/4.0/",
    "attribution": "Don’t Look Away directory, compiled from the public sources named beside each fact. "
    "Facts from Wikipedia’s “List of emergency telephone numbers” are CC BY-SA 4.0.",
}
LICENCE_LINK = f'<{LICENCE["url"]}>; rel="license"'


def csv_columns(record_class: type) -> list[str]:
    """The columns of a download: the country, then the record's public facts, then its source's."""
    own = [name for name, spec, _ in facts(record_class) if spec.public]
    source = [column_of(name, spec) for name, spec, _ in facts(Source) if spec.public]
    return ["country", "country_name", *own, *source]


# Formula injection: a spreadsheet opening the CSV runs a cell that starts with one of these as a formula
# (=HYPERLINK(...) to leak data, =cmd|... through DDE), so such a cell is written with a leading quote (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Except a phone number in international format ("+66 2 123 4567"): escaping it would hand every researcher
# reading the file with code a number that no longer dials. Made of digits, spaces and hyphens only, it names
# no function and no cell, so the worst a spreadsheet can do with it is show a sum.
PHONE_SHAPE = re.compile(r"\+[0-9][0-9 -]*")
PHONE_COLUMNS = {
    name
    for record in (Channel, EmergencyNumber)
    for name, spec, _ in facts(record)
    if spec.type in (Type.PHONE, Type.DIGITS)
}


def spreadsheet_safe(column: str, value: Any) -> Any:
    """The cell as a spreadsheet may open it: no formula, but a phone number left as it dials."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if column in PHONE_COLUMNS and PHONE_SHAPE.fullmatch(value):
        return value
    return "'" + value


def csv_row(record: Any, code: str | None) -> dict:
    entry = fact_dict(record, translations=False)  # a note's English words; the JSON carries its other languages
    source = entry.pop("source")
    row = {name: " ".join(value) if isinstance(value, list) else value for name, value in entry.items()}
    row |= {column_of(name, spec): source[name] for name, spec, _ in facts(Source) if spec.public}
    row |= {"country": code or "", "country_name": country_name(code, "en") if code else ""}
    return {name: spreadsheet_safe(name, "" if value is None else value) for name, value in row.items()}


CHANNEL_COLUMNS = csv_columns(Channel)
NUMBER_COLUMNS = csv_columns(EmergencyNumber)


def _data_date() -> str:
    changed = last_change()
    return (changed or timezone.now()).date().isoformat()


@open_data
def directory_json(request):
    directory = current_directory()
    countries = [country_dict(directory.country(code)) for code in sorted(ISO_CODES)]
    sources = sorted(
        {
            (c["source"]["url"], c["source"]["title"])
            for country in countries
            for c in country["channels"] + country["alternatives"]
        }
        | {(n["source"]["url"], n["source"]["title"]) for country in countries for n in country["emergency_numbers"]}
    )
    response = JsonResponse(
        {
            "licence": LICENCE,
            "data_date": _data_date(),
            "sources": [{"url": url, "title": title} for url, title in sources],
            "international": [channel_dict(c) for c in directory.international if c.shown],
            "countries": countries,
        }
    )
    return _as_download(response, "dont-look-away-directory.json")


def _csv_response(columns: list[str], rows: list[dict], filename: str) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return _as_download(HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8"), filename)


def _as_download(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = LICENCE_LINK
    return response


@open_data
def channels_csv(request):
    directory = current_directory()
    rows = [csv_row(c, c.country) for c in directory.international if c.shown]
    for code in sorted(directory.countries):
        rows += [csv_row(c, code) for c in directory.countries[code].shown_channels()]
    return _csv_response(CHANNEL_COLUMNS, rows, "dont-look-away-channels.csv")


@open_data
def numbers_csv(request):
    directory = current_directory()
    rows = [
        csv_row(number, code)
        for code in sorted(directory.countries)
        for number in directory.countries[code].shown_emergency_numbers()
    ]
    return _csv_response(NUMBER_COLUMNS, rows, "dont-look-away-emergency-numbers.csv")
