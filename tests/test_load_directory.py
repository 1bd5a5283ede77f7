"""`manage.py load_directory` puts the data files into the database, and running it again changes nothing."""

import io

import pytest
from django.core.management import CommandError, call_command

from directory.loading import read_directory
from directory.models import Channel, Country, EmergencyNumber


def run_load(*args) -> str:
    out = io.StringIO()
    call_command("load_directory", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_it_creates_every_iso_country_and_the_shipped_channels(shipped_directory):
    output = run_load()
    assert Country.objects.count() == 249
    shipped = sum(len(record.channels) for record in shipped_directory.countries.values())
    assert Channel.objects.count() == shipped + len(shipped_directory.international)
    assert EmergencyNumber.objects.filter(country="TH", number="191").exists()
    assert "created" in output


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    run_load()
    before = list(Channel.objects.values().order_by("id"))
    output = run_load()
    assert "0 created, 0 updated, 0 deleted" in output
    assert list(Channel.objects.values().order_by("id")) == before


@pytest.mark.django_db
def test_what_comes_back_from_the_database_is_what_the_files_say(shipped_directory):
    run_load()
    assert read_directory() == shipped_directory


@pytest.mark.django_db
def test_a_broken_file_loads_nothing_and_names_the_problem(tmp_path):
    (tmp_path / "TH.yaml").write_text("country: TH\nchannels:\n  - name: X\n", encoding="utf-8")
    before = Channel.objects.count()
    with pytest.raises(CommandError) as error:
        run_load("--folder", str(tmp_path))
    assert "TH.yaml: channels[0]: missing required field(s) kind, official, scope, source" in str(error.value)
    assert Channel.objects.count() == before


@pytest.mark.django_db
def test_an_international_channel_cannot_be_entered_twice():
    from django.db import IntegrityError, transaction

    first = Channel.objects.filter(country__isnull=True).first()
    assert first is not None, "the shipped directory has international channels"
    duplicate = Channel(
        country=None,
        name=first.name,
        kind=first.kind,
        official=first.official,
        scope=first.scope,
        source_url=first.source_url,
        source_title=first.source_title,
        verified_on=first.verified_on,
        confidence=first.confidence,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()
