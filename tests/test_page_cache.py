"""Campaign spikes: cached pages cost no database query, and a directory change shows at once."""

import pytest
from django.core.cache import cache

from directory.models import Channel

pytestmark = pytest.mark.usefixtures("loaded_directory")
PLAN = "/en/plan/?danger=yes&seen=in_person&happened=TH&lives=BE&nationality=FR"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_a_cached_result_and_country_page_need_no_database_query(client, django_assert_num_queries):
    for path in (PLAN, "/en/countries/th/", "/fr/", "/en/countries/"):
        first = client.get(path)
        with django_assert_num_queries(0):
            again = client.get(path)
        assert again.content == first.content and again.status_code == 200


def test_a_change_to_a_channel_shows_at_once(client):
    assert "Monday to Friday, 9:00–17:00" not in client.get("/en/countries/be/").content.decode()
    channel = Channel.objects.filter(country="BE").exclude(kind="directory").first()
    channel.hours = "Monday to Friday, 9:00–17:00"
    channel.save()
    assert "Monday to Friday, 9:00–17:00" in client.get("/en/countries/be/").content.decode()


def test_pages_tell_browsers_and_proxies_they_may_keep_them(client):
    response = client.get("/en/countries/th/")
    assert response["Cache-Control"] == "public, max-age=300" and response["ETag"]
    assert client.get("/en/countries/th/", headers={"if-none-match": response["ETag"]}).status_code == 304


def test_the_home_page_is_cached_per_browser_region(client):
    belgian = client.get("/fr/", headers={"accept-language": "fr-BE"}).content.decode()
    swiss = client.get("/fr/", headers={"accept-language": "fr-CH"}).content.decode()
    assert '<option value="BE" selected>' in belgian and '<option value="CH" selected>' in swiss


def test_a_bad_answer_is_never_cached(client):
    """A cached 400 would answer the next witness without the form being checked: each one is made anew."""
    for _ in range(2):
        response = client.get("/en/plan/?danger=maybe")
        assert response.status_code == 400
        assert "guide/home.html" in [template.name for template in response.templates]  # rendered, not replayed
    assert [template.name for template in client.get(PLAN).templates]  # the first answer is made…
    assert not client.get(PLAN).templates  # …and the same good answer then comes from the cache
