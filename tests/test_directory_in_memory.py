"""The guide answers from the directory in memory: no query on a warm worker, and answers with the database down."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.db import OperationalError

from directory import snapshot
from directory.models import Channel

pytestmark = pytest.mark.usefixtures("loaded_directory")
PAGES = [
    "/en/plan/?danger=yes&seen=in_person&happened=KH&lives=DE",
    "/fr/plan/?danger=no&seen=online&happened=online&lives=NL",
    "/en/countries/ke/",
    "/en/emergency/?country=KE",
    "/api/v1/plan?happened=VN&lives=IE&danger=yes&seen=in_person",
    "/api/v1/countries/be",
]


def warm(client):
    cache.clear()
    snapshot.forget()
    assert client.get("/en/plan/?danger=yes&seen=in_person&happened=TH&lives=BE").status_code == 200


def test_a_warm_worker_answers_fresh_plans_pages_and_the_api_without_a_database_query(
    client, django_assert_num_queries
):
    warm(client)
    for path in PAGES:
        with django_assert_num_queries(0):
            assert client.get(path).status_code == 200, path


def database_down():
    return mock.patch(
        "django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("the database is down")
    )


def test_with_the_database_down_the_guide_keeps_answering_from_memory(client):
    warm(client)
    with database_down():
        for path in PAGES:
            response = client.get(path)
            assert response.status_code == 200, path
        assert "isaystop" in client.get("/en/plan/?danger=no&seen=in_person&happened=LA&lives=BE").content.decode()


def test_a_worker_that_starts_with_the_database_down_answers_from_the_last_snapshot(client, settings, tmp_path):
    settings.DIRECTORY_SNAPSHOT = tmp_path / "snapshot.pickle"
    warm(client)  # writes the snapshot to disk
    assert settings.DIRECTORY_SNAPSHOT.exists()
    snapshot.forget()  # a new worker
    with database_down():
        page = client.get("/en/plan/?danger=yes&seen=in_person&happened=PH&lives=FR").content.decode()
    assert "where it happened" in page and "PNP Women and Children Protection Center" in page
    assert "We know of no official reporting mechanism" not in page


def test_without_database_or_snapshot_a_new_worker_answers_from_the_shipped_files(client, settings, tmp_path):
    settings.DIRECTORY_SNAPSHOT = tmp_path / "never-written" / "snapshot.pickle"
    cache.clear()
    snapshot.forget()
    with database_down(), mock.patch("directory.snapshot._save"):
        page = client.get("/en/emergency/?country=KE").content.decode()
    assert 'href="tel:999"' in page


def test_a_change_to_the_directory_shows_in_the_very_next_plan(client):
    warm(client)
    Channel.objects.filter(country_id="TH", kind="government").update(name="Renamed line")  # no signal: not seen
    path = "/en/plan/?danger=no&seen=in_person&happened=TH&lives=FR"
    assert "Renamed line" not in client.get(path).content.decode()
    channel = Channel.objects.filter(country_id="TH", kind="government").first()
    channel.name = "The line as the admin saved it"
    channel.save()  # what the admin does: the version moves on, in every worker that shares the cache
    assert "The line as the admin saved it" in client.get(path + "&nationality=").content.decode()


def test_the_back_office_says_plainly_that_it_is_down_with_the_database(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("coordinator", is_staff=True))
    client.raise_request_exception = False
    with database_down():
        response = client.get("/admin/directory/channel/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert b'href="/en/emergency/"' in response.content


def test_the_back_office_sign_in_says_it_is_down_before_a_maintainer_types_anything(client):
    client.raise_request_exception = False
    with database_down():
        response = client.get("/admin/login/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    page = response.content.decode()
    assert "could not be shown just now" in page and 'href="/en/emergency/"' in page
    assert 'type="password"' not in page
