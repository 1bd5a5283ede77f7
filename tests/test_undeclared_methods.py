"""A request with a method a page or the API does not take gets 405 and the methods it does take, never a
page that pretends the request worked, nor the CSRF failure page."""

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver

pytestmark = pytest.mark.usefixtures("loaded_directory")

# One address for every public route (the admin has its own rules); the first test below fails when a route
# is added without one here.
PAGES = {
    "root": "/",
    "service_worker": "/sw.js",
    "robots": "/robots.txt",
    "sitemap": "/sitemap.xml",
    "django.contrib.sitemaps.views.sitemap": "/sitemap-pages.xml",
    "home": "/en/",
    "plan": "/fr/plan/?danger=yes&seen=in_person&happened=TH&lives=BE",
    "emergency": "/en/emergency/?country=TH",
    "write_it_down": "/en/write-it-down/",
    "not_sure": "/en/not-sure/?danger=no&seen=in_person&happened=TH&lives=BE",
    "my_reports": "/en/my-reports/",
    "offline": "/en/offline/",
    "manifest": "/en/manifest.webmanifest",
    "country_list": "/de/countries/",
    "country_detail": "/en/countries/th/",
    "about_data": "/en/about-our-data/",
    "coverage_map": "/en/about-our-data/map.svg",
    "partners": "/en/partners/",
    "api_documentation": "/en/partners/api/",
    "widget": "/en/partners/embed/th/",
    "poster": "/en/partners/posters/th/a4.svg",
    "page": "/en/pages/privacy/",
    "article_list": "/en/news/",
    "article_feed": "/en/news/feed/",
    "article": "/en/news/any-article/",
    "preview": "/en/preview/privacy/",
}
API = {
    "api_plan": "/api/v1/plan?happened=TH&lives=BE&danger=no&seen=in_person",
    "api_countries": "/api/v1/countries",
    "api_country": "/api/v1/countries/th",
    "api_channels": "/api/v1/channels",
    "api_openapi": "/api/v1/openapi.json",
    "download_json": "/api/v1/directory.json",
    "download_channels_csv": "/api/v1/channels.csv",
    "download_numbers_csv": "/api/v1/emergency-numbers.csv",
    "api_not_found": "/api/v1/no-such-thing",
}
# The one public address that takes a POST: the corrections form (corrections/views.py), without a CSRF cookie.
FORMS = {"send_correction": "/en/corrections/"}
UNDECLARED = ("POST", "PUT", "PATCH", "DELETE")


def public_route_names(resolver=None) -> set[str]:
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name != "admin":
                names |= public_route_names(pattern)
        elif pattern.name:
            names.add(pattern.name)
    return names


@pytest.fixture
def browser():
    """A client that checks CSRF as the site does for a real browser."""
    return Client(enforce_csrf_checks=True)


def test_every_public_route_is_in_the_sample():
    assert public_route_names() == set(PAGES) | set(API) | set(FORMS)


@pytest.mark.parametrize("method", UNDECLARED)
@pytest.mark.parametrize("address", PAGES.values())
def test_a_page_refuses_a_method_it_does_not_take_and_says_which_it_does(browser, address, method):
    response = browser.generic(method, address)
    assert response.status_code == 405, response.content[:200]
    assert response["Allow"] == "GET, HEAD"
    assert "can only be read" in response.content.decode()
    assert not response.cookies


@pytest.mark.parametrize("method", UNDECLARED)
@pytest.mark.parametrize("address", API.values())
def test_the_api_refuses_a_method_it_does_not_take_in_json(browser, address, method):
    response = browser.generic(method, address)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.json()["error"]["parameter"] == "method"


@pytest.mark.parametrize("method", ("PUT", "PATCH", "DELETE"))
def test_the_corrections_form_takes_only_a_post_and_says_so(browser, method):
    response = browser.generic(method, FORMS["send_correction"])
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert not response.cookies


def test_opening_the_corrections_address_leads_to_the_guide_in_its_language(browser):
    # The answer page's language links go there: /fr/corrections/ opens the French guide.
    response = browser.get("/fr/corrections/")
    assert response.status_code == 302 and response["Location"] == "/fr/"
    assert not response.cookies


def test_the_corrections_form_answers_a_post_itself_not_with_the_csrf_failure_page(browser):
    response = browser.post(FORMS["send_correction"], {"text": "A number is wrong."})
    assert response.status_code == 400
    assert "did not come from our page" in response.content.decode()
    assert not response.cookies


def test_the_methods_a_page_takes_still_answer(browser):
    assert browser.get("/en/countries/th/").status_code == 200
    assert browser.head("/en/countries/th/").status_code == 200


def test_an_address_under_the_api_that_names_no_operation_is_a_json_404(browser):
    response = browser.get("/api/v1/countries/th/numbers")
    assert response.status_code == 404
    assert "openapi.json" in response.json()["error"]["message"]
