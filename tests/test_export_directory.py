"""Maintainers can export the directory from the database in the same format, and nothing is lost."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory.dataset import read_directory
from directory.export import write_directory
from directory.loading import load_directory
from directory.loading import read_directory as read_database
from directory.records import Channel, CountryRecord, Directory, EmergencyNumber, Jurisdiction, Source

plain_text = (
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40)
    .map(str.strip)
    .filter(bool)
)
sources = st.builds(
    Source,
    url=st.sampled_from(["https://example.org/a", "https://example.org/b?x=1"]),
    title=plain_text,
    verified_on=st.dates(min_value=date(2000, 1, 1), max_value=date(2026, 11, 28)),
    confidence=st.sampled_from(["verified", "secondary", "unconfirmed"]),
)
channels = st.builds(
    Channel,
    name=plain_text,
    kind=st.sampled_from(["police", "government", "hotline", "iwf_portal", "helpline", "partner"]),
    scope=st.sampled_from(["in_person", "online", "both"]),
    source=sources,
    country=st.just("TH"),
    url=st.just("https://example.org/report"),
    phone=st.sampled_from(["", "+66 2 123 4567"]),
    email=st.sampled_from(["", "report@example.org"]),
    languages=st.lists(st.sampled_from(["en", "th", "fr"]), unique=True, max_size=3).map(tuple),
    anonymous=st.sampled_from([None, True, False]),
    hours=st.sampled_from(["", "24/7"]),
    how_to=st.sampled_from(["", "Call, then write."]),
    inhope_member=st.booleans(),
    active=st.booleans(),
)
numbers = st.builds(
    EmergencyNumber,
    service=st.sampled_from(["police", "ambulance", "fire"]),
    number=st.sampled_from(["191", "1669"]),
    source=sources,
    note=st.sampled_from(["", "A note: with colon"]),
)
laws = st.builds(
    Jurisdiction,
    source=sources,
    nationals=st.sampled_from([None, True, False]),
    residents=st.sampled_from([None, True, False]),
    summary=st.sampled_from(["", "Law #1: yes"]),
)
records = st.builds(
    CountryRecord,
    code=st.just("TH"),
    channels=st.lists(channels, max_size=4, unique_by=lambda c: (c.kind, c.name)).map(tuple),
    emergency_numbers=st.lists(numbers, max_size=3, unique_by=lambda n: (n.service, n.number)).map(tuple),
    jurisdiction=st.one_of(st.none(), laws),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(record=records)
def test_export_then_read_gives_back_the_same_directory(tmp_path_factory, record):
    folder = tmp_path_factory.mktemp("export")
    directory = Directory(countries={"TH": record} if record != CountryRecord(code="TH") else {})
    write_directory(directory, folder)
    assert read_directory(folder, today=date(2026, 11, 28)) == directory


@pytest.mark.django_db
def test_load_export_load_loses_nothing_for_the_shipped_data(shipped_directory, tmp_path):
    load_directory(shipped_directory)
    call_command("export_directory", "--folder", str(tmp_path), stdout=io.StringIO())
    exported = read_directory(tmp_path)
    assert exported == shipped_directory
    load_directory(exported)
    assert read_database() == shipped_directory


def test_the_shipped_files_are_written_exactly_as_the_exporter_writes_them(shipped_directory, tmp_path):
    from django.conf import settings as django_settings

    write_directory(shipped_directory, tmp_path)
    for path in sorted(tmp_path.iterdir()):
        shipped = (django_settings.DIRECTORY_DATA_DIR / path.name).read_text(encoding="utf-8")
        assert path.read_text(encoding="utf-8") == shipped, f"{path.name} differs from its export"
