"""The cache makes pages fast; it is never needed for them. With the cache server down every page still
answers in full, and junk in an address does not fill the cache with copies of a page."""

import socket

import pytest
from django.core.cache import cache

from directory import snapshot
from directory.models import Channel

pytestmark = pytest.mark.usefixtures("loaded_directory")
PLAN = "/en/plan/?danger=yes&seen=in_person&happened=TH&lives=BE&nationality=FR"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free now, and nothing listens on it once closed


@pytest.fixture(params=["redis-stopped", "every-call-fails"])
def cache_down(request, settings):
    """Django's own Redis backend with no Redis to talk to, or a backend whose every call raises."""
    if request.param == "redis-stopped":
        backend = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},  # as in production
        }
    else:
        backend = {"BACKEND": "tests.broken_cache.BrokenCache"}
    settings.CACHES = {"default": backend}
    yield
    snapshot.forget()  # what this worker read while the cache was down must not outlive the test


@pytest.mark.usefixtures("cache_down")
@pytest.mark.parametrize(
    ("address", "content"),
    [
        ("/en/", "Is a child in danger right now?"),
        (PLAN, "191"),
        ("/en/countries/th/", "191"),
        ("/en/emergency/?country=TH", "191"),
        ("/en/news/", "News"),
        ("/api/v1/countries/th", '"number": "191"'),
    ],
)
def test_with_the_cache_server_down_a_page_still_answers_in_full(client, address, content):
    response = client.get(address)
    assert response.status_code == 200
    assert content in response.content.decode()


@pytest.mark.usefixtures("cache_down")
def test_with_the_cache_server_down_an_edit_is_saved_and_shows(client, monkeypatch):
    assert "Monday to Friday" not in client.get("/en/countries/be/").content.decode()  # the worker holds it
    monkeypatch.setattr(snapshot, "RETRY_SECONDS", 0)  # the few seconds a worker trusts what it holds, passed
    channel = Channel.objects.filter(country="BE").exclude(kind="directory").first()
    channel.hours = "Monday to Friday, 9:00–17:00"
    channel.save()
    assert "Monday to Friday, 9:00–17:00" in client.get("/en/countries/be/").content.decode()


@pytest.fixture
def empty_cache():
    cache.clear()


def entries() -> int:
    return len(cache._cache)  # the test cache is Django's in-memory one


@pytest.mark.usefixtures("empty_cache")
@pytest.mark.parametrize("junk", ["x=1", "utm_source=newsletter&utm_campaign=spring", "happened=FR"])
def test_a_parameter_the_page_does_not_read_is_served_from_the_same_entry(client, junk):
    first = client.get("/en/countries/th/")
    kept = entries()
    again = client.get(f"/en/countries/th/?{junk}")
    assert entries() == kept
    assert again.content == first.content


@pytest.mark.usefixtures("empty_cache")
def test_a_page_served_for_an_address_with_junk_needs_no_query_once_cached(client, django_assert_num_queries):
    first = client.get("/en/news/")
    with django_assert_num_queries(0):
        again = client.get("/en/news/?x=1")
    assert again.content == first.content


@pytest.mark.usefixtures("empty_cache")
def test_junk_in_a_plans_address_stays_out_of_its_links_and_its_cache_entry(client):
    plan = client.get(PLAN).content.decode()
    with_junk = client.get(PLAN + "&utm_source=newsletter").content.decode()
    assert with_junk == plan and "utm_source" not in with_junk


@pytest.mark.usefixtures("empty_cache")
def test_the_parameters_a_page_reads_still_make_their_own_entries(client):
    thailand = client.get("/en/emergency/?country=TH").content.decode()
    belgium = client.get("/en/emergency/?country=BE&x=1").content.decode()
    assert "191" in thailand and "191" not in belgium and "101" in belgium


@pytest.mark.usefixtures("empty_cache")
def test_a_page_cached_before_an_edit_never_comes_back_when_the_cache_loses_its_version(client):
    assert "Monday to Friday" not in client.get("/en/countries/be/").content.decode()  # cached, before the edit
    channel = Channel.objects.filter(country="BE").exclude(kind="directory").first()
    channel.hours = "Monday to Friday, 9:00–17:00"
    channel.save()
    assert "Monday to Friday" in client.get("/en/countries/be/").content.decode()
    cache.delete("public-pages-version")  # evicted under memory pressure, as allkeys-lru may
    assert "Monday to Friday" in client.get("/en/countries/be/").content.decode()
