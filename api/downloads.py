"""Bulk downloads of the whole directory, with its licence, sources and date, built from the live data.

They are built on request and cached by validators, so they are never older than the directory itself.
"""

import csv
import io

from django.http import HttpResponse, JsonResponse
from django.utils import timezone

from api.http import open_data
from api.serializers import channel_dict, country_dict, number_dict
from directory.countries import ISO_CODES, country_name
from directory.loading import read_directory
from directory.models import DirectoryRevision

LICENCE = {
    "name": "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)",
    "url": "https://creativecommons.org/licenses/by-sa/4.0/",
    "attribution": "Don’t Look Away directory, compiled from the public sources named beside each fact. "
    "Facts from Wikipedia’s “List of emergency telephone numbers” are CC BY-SA 4.0.",
}
LICENCE_LINK = f'<{LICENCE["url"]}>; rel="license"'
CHANNEL_COLUMNS = [
    "country",
    "country_name",
    "name",
    "kind",
    "scope",
    "url",
    "phone",
    "email",
    "languages",
    "anonymous",
    "hours",
    "how_to",
    "inhope_member",
    "source_url",
    "source_title",
    "verified_on",
    "confidence",
]
NUMBER_COLUMNS = [
    "country",
    "country_name",
    "service",
    "number",
    "note",
    "source_url",
    "source_title",
    "verified_on",
    "confidence",
]


def _data_date() -> str:
    changed = DirectoryRevision.last_change()
    return (changed or timezone.now()).date().isoformat()


@open_data
def directory_json(request):
    directory = read_directory()
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


def _flat(entry: dict, code: str | None) -> dict:
    source = entry.pop("source")
    row = {key: ("" if value is None else value) for key, value in entry.items()}
    if isinstance(row.get("languages"), list):
        row["languages"] = " ".join(row["languages"])
    return {
        **row,
        "country": code or "",
        "country_name": country_name(code, "en") if code else "",
        "source_url": source["url"],
        "source_title": source["title"],
        "verified_on": source["verified_on"],
        "confidence": source["confidence"],
    }


@open_data
def channels_csv(request):
    directory = read_directory()
    rows = [_flat(channel_dict(c), c.country) for c in directory.international if c.shown]
    for code in sorted(directory.countries):
        rows += [_flat(channel_dict(c), code) for c in directory.countries[code].shown_channels()]
    return _csv_response(CHANNEL_COLUMNS, rows, "dont-look-away-channels.csv")


@open_data
def numbers_csv(request):
    directory = read_directory()
    rows = [
        _flat(number_dict(number), code)
        for code in sorted(directory.countries)
        for number in directory.countries[code].shown_emergency_numbers()
    ]
    return _csv_response(NUMBER_COLUMNS, rows, "dont-look-away-emergency-numbers.csv")
