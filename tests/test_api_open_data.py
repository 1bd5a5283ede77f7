"""Partners and researchers reuse the directory: open, cacheable, licensed, and never written to."""

import csv
import io

import pytest

from directory.models import Channel

pytestmark = pytest.mark.usefixtures("loaded_directory")


def test_a_country_comes_with_its_numbers_channels_alternatives_and_sources(client):
    thailand = client.get("/api/v1/countries/th").json()
    assert thailand["code"] == "TH" and thailand["name"] == "Thailand"
    assert any(number["number"] == "191" for number in thailand["emergency_numbers"])
    assert all(channel["source"]["verified_on"] for channel in thailand["channels"] + thailand["alternatives"])


def test_every_iso_country_is_listed_with_its_name_in_the_language_asked_for(client):
    countries = client.get("/api/v1/countries?lang=de").json()["countries"]
    assert len(countries) == 249
    belgium = {"code": "BE", "name": "Belgien", "has_mechanism": {"in_person": True, "online": True}}
    assert belgium in countries


def test_an_unknown_country_is_a_404_naming_the_code(client):
    response = client.get("/api/v1/countries/zz")
    assert response.status_code == 404 and response.json()["error"]["parameter"] == "code"


def test_answers_are_open_to_any_origin_for_reading_only(client):
    response = client.get("/api/v1/countries/be", headers={"origin": "https://travel.example"})
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/api/v1/countries/be")
    assert preflight.status_code == 204 and preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    for method in (client.post, client.put, client.delete):
        assert method("/api/v1/countries/be").status_code == 405


def test_answers_can_be_cached_and_revalidated(client):
    first = client.get("/api/v1/countries/be")
    assert first["Cache-Control"] == "public, max-age=300"
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(
        "/api/v1/countries/be", headers={"if-none-match": first["ETag"], "origin": "https://travel.example"}
    )
    assert again.status_code == 304 and again.content == b""
    # A travel company's page revalidating from its own origin can read the 304, and keeps caching.
    assert again["Access-Control-Allow-Origin"] == "*" and again["Cache-Control"] == "public, max-age=300"
    since = client.get("/api/v1/countries/be", headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304 and since["Access-Control-Allow-Origin"] == "*"


def test_a_change_to_the_directory_changes_the_validators(client):
    before = client.get("/api/v1/countries/be")
    channel = Channel.objects.filter(country="BE").first()
    channel.hours = "Monday to Friday, 9:00–17:00"
    channel.save()
    after = client.get("/api/v1/countries/be", headers={"if-none-match": before["ETag"]})
    assert after.status_code == 200 and "Monday to Friday" in after.content.decode()


def test_the_api_sets_no_cookie(client):
    for path in (
        "/api/v1/countries",
        "/api/v1/plan?happened=TH&lives=BE&danger=no&seen=in_person",
        "/api/v1/directory.json",
        "/api/v1/channels.csv",
    ):
        assert not client.get(path).cookies


def test_the_whole_directory_downloads_as_json_with_licence_sources_and_date(client):
    response = client.get("/api/v1/directory.json")
    data = response.json()
    assert "attachment" in response["Content-Disposition"]
    assert data["licence"]["url"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert len(data["countries"]) == 249 and data["sources"] and data["data_date"]
    assert 'rel="license"' in response["Link"]


def test_channels_and_numbers_download_as_csv(client):
    channels = list(csv.DictReader(io.StringIO(client.get("/api/v1/channels.csv").content.decode())))
    numbers = list(csv.DictReader(io.StringIO(client.get("/api/v1/emergency-numbers.csv").content.decode())))
    assert any(row["country"] == "BE" and row["source_url"].startswith("https://") for row in channels)
    assert any(row["country"] == "TH" and row["number"] == "191" for row in numbers)
    assert all(row["confidence"] in ("verified", "secondary") for row in channels + numbers)


def test_every_example_in_the_api_documentation_answers(client):
    from django.conf import settings

    documentation = (settings.BASE_DIR / "docs" / "api.md").read_text(encoding="utf-8")
    examples = [line.strip()[4:] for line in documentation.splitlines() if line.strip().startswith("GET /api/v1/")]
    assert len(examples) >= 8
    for example in examples:
        assert client.get(example).status_code == 200, example


def test_the_readable_api_page_lists_every_operation(client):
    page = client.get("/en/partners/api/").content.decode()
    for path in ("/plan", "/countries", "/countries/{code}", "/channels", "/directory.json"):
        assert f"{path}</code></h2>" in page


def test_channels_can_be_filtered_by_what_happens_after_you_report(client):
    everything = client.get("/api/v1/channels").json()["channels"]
    anonymous_police = client.get("/api/v1/channels?anonymous=true&official=true&kind=police").json()["channels"]
    assert anonymous_police and len(anonymous_police) < len(everything)
    assert all(c["anonymous"] is True and c["official"] and c["kind"] == "police" for c in anonymous_police)
    from_abroad = client.get("/api/v1/channels?reports_from_abroad=true").json()["channels"]
    assert all(c["reports_from_abroad"] is True for c in from_abroad)
    belgian_points = client.get("/api/v1/channels?country=BE&kind=reporting_point").json()["channels"]
    assert [c["run_by"] for c in belgian_points] == ["ECPAT Belgium"]


def test_a_bad_filter_is_a_400_naming_it(client):
    response = client.get("/api/v1/channels?anonymous=maybe")
    assert response.status_code == 400 and response.json()["error"]["parameter"] == "anonymous"
