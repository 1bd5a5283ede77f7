"""GET /api/v1/plan gives partners the same plan as the guide, as JSON."""

import pytest

pytestmark = pytest.mark.usefixtures("loaded_directory")


def test_it_returns_the_plan_for_a_belgian_traveller_in_thailand(client):
    response = client.get("/api/v1/plan?happened=TH&lives=BE&nationality=FR&danger=yes&seen=in_person")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    plan = response.json()
    kinds = [step["kind"] for step in plan["steps"]]
    assert kinds[:4] == ["emergency", "happened", "lives", "nationality"]
    assert plan["steps"][0]["country"] == {"code": "TH", "name": "Thailand"}
    assert any(number["number"] == "191" for number in plan["steps"][0]["emergency_numbers"])
    for step in plan["steps"]:
        for channel in step["channels"]:
            assert channel["source"]["url"].startswith("https://") and channel["source"]["verified_on"]


def test_it_names_countries_in_the_language_asked_for(client):
    plan = client.get("/api/v1/plan?happened=th&lives=be&danger=no&seen=in_person&lang=fr").json()
    assert plan["steps"][0]["country"]["name"] == "Thaïlande"


def test_it_accepts_online_as_where_it_happened(client):
    plan = client.get("/api/v1/plan?happened=online&lives=GB&danger=no&seen=online").json()
    assert plan["answers"]["happened"] == "online" and plan["steps"][0]["kind"] == "online_material"


def test_something_that_happened_online_is_treated_as_seen_online(client):
    plan = client.get("/api/v1/plan?happened=online&lives=GB&danger=no&seen=in_person").json()
    assert plan["answers"]["seen"] == "online" and plan["steps"][0]["kind"] == "online_material"


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("happened=XX&lives=BE&danger=no&seen=in_person", "happened"),
        ("happened=TH&lives=BE&danger=perhaps&seen=in_person", "danger"),
        ("happened=TH&danger=no&seen=in_person", "lives"),
        ("happened=TH&lives=BE&danger=no&seen=everywhere", "seen"),
        ("happened=TH&lives=BE&danger=no&seen=online&lang=xx", "lang"),
    ],
)
def test_it_names_the_bad_parameter_in_a_400(client, query, parameter):
    response = client.get(f"/api/v1/plan?{query}")
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == parameter
    assert response.json()["error"]["message"]


def test_it_refuses_to_be_written_to(client):
    assert client.post("/api/v1/plan").status_code == 405
