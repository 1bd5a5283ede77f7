"""A maintainer's mistake in a data file is refused with a message naming the file and the entry."""

from datetime import date
from pathlib import Path

import pytest
import yaml

from directory import records
from directory.dataset import DatasetError, read_directory
from directory.models import Channel

SOURCE = {"url": "https://example.org/page", "title": "A page", "verified_on": "2026-10-09", "confidence": "verified"}


def good_country(**changes):
    entry = {
        "country": "TH",
        "emergency_numbers": [{"service": "police", "number": "191", "source": dict(SOURCE)}],
        "channels": [
            {
                "name": "Hotline",
                "kind": "hotline",
                "official": True,
                "scope": "online",
                "url": "https://example.org/report",
                "phone": "+66 2 123 4567",
                "source": dict(SOURCE),
            },
        ],
    }
    entry.update(changes)
    return entry


def write(folder: Path, name: str, content) -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    return path


def problems_for(tmp_path, content, name="TH.yaml"):
    write(tmp_path, name, content)
    with pytest.raises(DatasetError) as error:
        read_directory(tmp_path, today=date(2026, 11, 28))
    return error.value.problems


def test_it_reads_a_correct_file(tmp_path):
    write(tmp_path, "TH.yaml", good_country())
    directory = read_directory(tmp_path, today=date(2026, 11, 28))
    assert directory.country("TH").channels[0].name == "Hotline"
    assert directory.country("TH").emergency_numbers[0].number == "191"


def test_it_refuses_an_unknown_country_code(tmp_path):
    problems = problems_for(tmp_path, good_country(country="XQ"), name="XQ.yaml")
    assert len(problems) == 1
    assert problems[0].endswith("XQ.yaml: country: 'XQ' is not an ISO 3166-1 alpha-2 country code")


def test_it_refuses_a_file_whose_name_is_not_its_country(tmp_path):
    problems = problems_for(tmp_path, good_country(country="FR"), name="TH.yaml")
    assert "TH.yaml: country" in problems[0] and "does not match" in problems[0]


def test_it_refuses_a_plain_http_address_and_names_the_entry(tmp_path):
    content = good_country()
    content["channels"][0]["url"] = "http://example.org/report"
    problems = problems_for(tmp_path, content)
    assert "TH.yaml: channels[0].url: must be a full https:// address" in problems[0]


def test_it_refuses_a_phone_number_that_does_not_parse_for_the_country(tmp_path):
    content = good_country()
    content["channels"][0]["phone"] = "12"
    problems = problems_for(tmp_path, content)
    assert "TH.yaml: channels[0].phone: '12' is not a valid number in TH" in problems[0]


def test_it_refuses_an_emergency_number_libphonenumber_does_not_know_without_a_sourced_override(tmp_path):
    content = good_country()
    content["emergency_numbers"][0]["number"] = "4444"
    problems = problems_for(tmp_path, content)
    assert "TH.yaml: emergency_numbers[0].number: 4444 is not an emergency number of TH" in problems[0]


def test_it_refuses_a_date_in_the_future(tmp_path):
    content = good_country()
    content["channels"][0]["source"]["verified_on"] = "2027-01-01"
    problems = problems_for(tmp_path, content)
    assert "channels[0].source.verified_on: 2027-01-01 is in the future" in problems[0]


def test_it_refuses_an_unknown_field(tmp_path):
    content = good_country()
    content["channels"][0]["fax"] = "123"
    problems = problems_for(tmp_path, content)
    assert "channels[0]: unknown field(s) fax" in problems[0]


def test_it_refuses_a_channel_without_a_source(tmp_path):
    content = good_country()
    del content["channels"][0]["source"]
    problems = problems_for(tmp_path, content)
    assert "channels[0]: missing required field(s) source" in problems[0]


def test_it_refuses_an_address_with_tracking_parameters(tmp_path):
    content = good_country()
    content["channels"][0]["url"] = "https://example.org/report?lang=en&utm_source=newsletter"
    problems = problems_for(tmp_path, content)
    assert "channels[0].url: carries tracking parameters (utm_source)" in problems[0]


def test_it_refuses_text_longer_than_the_database_holds(tmp_path):
    content = good_country()
    content["channels"][0]["source"]["title"] = "A very long title " * 20
    problems = problems_for(tmp_path, content)
    assert "channels[0].source.title: is 359 characters long; at most 300 fit" in problems[0]


def fact_of(record_class: type, name: str) -> records.Fact:
    return next(spec for fact_name, spec, _ in records.facts(record_class) if fact_name == name)


@pytest.mark.parametrize("field", ["name", "phone_override", "hours", "response_time", "run_by", "passes_to"])
def test_it_refuses_a_channel_text_one_character_longer_than_its_column(tmp_path, field):
    limit = Channel._meta.get_field(field).max_length or fact_of(records.Channel, field).max_length
    content = good_country()
    content["channels"][0][field] = "x" * (limit + 1)
    problems = problems_for(tmp_path, content)
    assert f"channels[0].{field}: is {limit + 1} characters long; at most {limit} fit" in problems[0]


def test_it_refuses_an_emergency_note_longer_than_its_column(tmp_path):
    limit = fact_of(records.EmergencyNumber, "note").max_length  # a note's words, in each language
    content = good_country()
    content["emergency_numbers"][0]["note"] = "x" * (limit + 1)
    assert f"at most {limit} fit" in problems_for(tmp_path, content)[0]


def test_it_refuses_a_channel_that_does_not_say_whether_it_is_official(tmp_path):
    content = good_country()
    del content["channels"][0]["official"]
    problems = problems_for(tmp_path, content)
    assert "channels[0]: missing required field(s) official" in problems[0]


def test_it_reads_a_national_reporting_point_with_who_runs_it(tmp_path):
    content = good_country()
    content["channels"].append(
        {
            "name": "A reporting point",
            "kind": "reporting_point",
            "official": False,
            "scope": "both",
            "url": "https://example.org/melden",
            "run_by": "An NGO",
            "passes_to": "the police",
            "source": dict(SOURCE, published="2024-03-01"),
        }
    )
    write(tmp_path, "TH.yaml", content)
    point = read_directory(tmp_path, today=date(2026, 11, 28)).country("TH").channels[1]
    assert point.place_to_report and not point.official
    assert (point.run_by, point.passes_to) == ("An NGO", "the police")
    assert point.source.published == "2024-03-01" and point.source.published_year == 2024


def test_it_reports_every_broken_file_at_once(tmp_path):
    write(tmp_path, "FR.yaml", good_country(country="FR", emergency_numbers=[]) | {"channels": "not a list"})
    write(tmp_path, "TH.yaml", "country: [")
    with pytest.raises(DatasetError) as error:
        read_directory(tmp_path, today=date(2026, 11, 28))
    assert len(error.value.problems) == 2


def test_the_shipped_data_is_valid(shipped_directory):
    assert len(shipped_directory.countries) >= 15
    for code in ("BE", "FR", "NL", "DE", "GB", "US", "TH", "PH", "KH", "IN", "BR"):
        assert shipped_directory.country(code).channels, f"{code} has data"


def test_it_refuses_an_address_that_is_not_plain_ascii(tmp_path):
    content = good_country()
    content["channels"][0]["source"]["url"] = "https://example.org/новини"
    problems = problems_for(tmp_path, content)
    assert "channels[0].source.url: must be plain ASCII" in problems[0]
