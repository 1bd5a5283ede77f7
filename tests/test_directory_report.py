"""`manage.py directory_report` tells maintainers where the directory is weak."""

import io
import json
from datetime import date

import pytest
from django.core.management import call_command

from directory.coverage import coverage_report, zone_of
from directory.records import CountryRecord
from tests.factories import WORLD, channel, directory, source


def test_it_counts_what_each_country_has():
    report = coverage_report(WORLD, today=date(2026, 11, 28))
    by_code = {entry["code"]: entry for entry in report["countries"]}
    assert report["total"]["countries"] == 249
    assert by_code["TH"]["mechanism"] and by_code["TH"]["emergency_number"] and by_code["TH"]["online_hotline"]
    assert by_code["TH"]["in_person"] and by_code["TH"]["online"]
    assert by_code["BE"]["in_person"] and by_code["BE"]["online"]
    assert by_code["BY"]["mechanism"] is False and by_code["BY"]["helpline"] is True
    assert "BY" not in report["priority_missing_mechanism"] and "JP" in report["priority_missing_mechanism"]
    assert report["total"]["in_person"] == 3 and report["total"]["online"] == 3  # FR police takes both
    assert "TH" not in report["missing_emergency_number"]


def test_it_says_how_old_the_checks_are_and_which_are_stale():
    old_police = channel("KE", "Police line", "police", source=source(day=date(2024, 1, 1)))
    fresh_helpline = channel("KE", "Child helpline", "helpline", source=source(day=date(2026, 11, 1)))
    fresh_police = channel("TZ", "Police desk", "police", source=source(day=date(2026, 11, 18)))
    world = directory(
        CountryRecord(code="KE", channels=(old_police, fresh_helpline)),
        CountryRecord(code="TZ", channels=(fresh_police,)),
    )
    report = coverage_report(world, today=date(2026, 11, 28))
    by_code = {entry["code"]: entry for entry in report["countries"]}
    assert by_code["KE"]["stale"] is True and by_code["TZ"]["stale"] is False
    assert by_code["KE"]["mechanism_check"] == "2024-01-01" and by_code["TZ"]["mechanism_check"] == "2026-11-18"
    africa = report["zones"]["Africa and some islands"]
    assert africa["stale"] == 1
    assert africa["median_mechanism_age_days"] == (1062 + 10) // 2
    assert by_code["BY"]["mechanism_check"] is None


def test_it_groups_countries_by_their_telephone_zone():
    assert (
        zone_of("BE") == "Europe"
        and zone_of("TH") == "South-East Asia and Oceania"
        and zone_of("BR") == ("Central and South America")
    )


@pytest.mark.django_db
def test_it_prints_a_table_and_writes_the_same_as_json(loaded_directory, tmp_path):
    out = io.StringIO()
    call_command("directory_report", "--json", str(tmp_path / "coverage.json"), stdout=out)
    table = out.getvalue()
    assert "All countries" in table and "Europe" in table and "Countries without an emergency number" in table
    report = json.loads((tmp_path / "coverage.json").read_text())
    assert report["total"]["countries"] == 249
    assert "|       249 |" in table
