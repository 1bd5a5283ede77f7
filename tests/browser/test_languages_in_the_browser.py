"""Switching language keeps the page and the answers; Arabic reads right to left."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_accessibility import AXE_OPTIONS

pytestmark = pytest.mark.browser


def test_switching_language_keeps_the_plan(site, phone):
    phone.goto(f"{site}/en/plan/?danger=no&seen=in_person&happened=TH&lives=BE&nationality=")
    phone.get_by_role("link", name="Français", exact=True).click()
    expect(phone).to_have_url(re.compile(r"/fr/plan/\?danger=no&seen=in_person&happened=TH&lives=BE&nationality=$"))
    expect(phone.locator("h1")).to_have_text("Votre plan de signalement")
    assert phone.locator("html").get_attribute("lang") == "fr"


def test_arabic_pages_read_right_to_left(site, phone, artifacts):
    phone.goto(f"{site}/ar/")
    assert phone.locator("html").get_attribute("dir") == "rtl"
    brand = phone.locator(".brand").bounding_box()
    assert brand["x"] > 390 / 2, "the site name starts on the right"
    number = phone.locator(".question .number").first.bounding_box()
    legend = phone.locator(".question legend").first.bounding_box()
    assert number["x"] + number["width"] > legend["x"] + legend["width"] - 30, "question numbers sit on the right"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.screenshot(path=artifacts / "home-ar-390.png", full_page=True)
    phone.goto(f"{site}/ar/plan/?danger=yes&seen=in_person&happened=TH&lives=FR")
    phone.screenshot(path=artifacts / "plan-ar-390.png", full_page=True)
    assert phone.evaluate("getComputedStyle(document.body).direction") == "rtl"


def test_an_article_has_no_accessibility_violation(site, phone, artifacts):
    phone.goto(f"{site}/en/news/")
    phone.locator(".articles a").first.click()
    expect(phone.locator("article h1")).to_be_visible()
    results = Axe().run(phone, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    phone.screenshot(path=artifacts / "article-390.png", full_page=True)


@pytest.mark.parametrize("language", ["ar", "th", "km", "vi", "hi", "zh-hans"])
def test_the_plan_reads_in_the_destinations_scripts_on_a_phone(site, phone, artifacts, language):
    from django.utils.translation import gettext, override

    phone.goto(f"{site}/{language}/plan/?danger=yes&seen=in_person&happened=TH&lives=BE&nationality=FR")
    assert phone.locator("html").get_attribute("lang") == language
    with override(language):
        heading = gettext("Your reporting plan")
    assert heading != "Your reporting plan", "the catalogue translates the plan's heading"
    expect(phone.locator("h1")).to_have_text(heading)
    # Nothing wider than the phone; Thailand's police number reads left to right, in Western digits, in any script.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    number = phone.locator("a[href='tel:191'] bdi").first
    expect(number).to_have_text("191")
    assert number.get_attribute("dir") == "ltr"
    phone.screenshot(path=artifacts / f"plan-{language}-390.png", full_page=True)


ARABIC_PAGES = {
    "home": "/ar/",
    "plan": "/ar/plan/?danger=yes&seen=in_person&happened=TH&lives=BE&nationality=FR",
    "emergency": "/ar/emergency/?country=TH",
    "countries": "/ar/countries/",
    "country": "/ar/countries/th/",
    "not-sure": "/ar/not-sure/?danger=no&seen=in_person&happened=TH&lives=BE",
    "write-it-down": "/ar/write-it-down/",
    "my-reports": "/ar/my-reports/",
    "offline": "/ar/offline/",
    "how-to-report": "/ar/pages/how-to-report/",
    "news": "/ar/news/",
    "about-our-data": "/ar/about-our-data/",
    "partners": "/ar/partners/",
}


@pytest.mark.parametrize("width", [390, 1280])
def test_every_page_in_arabic_reads_right_to_left_and_numbers_left_to_right(site, phone, artifacts, width):
    phone.set_viewport_size({"width": width, "height": 900})
    for name, path in ARABIC_PAGES.items():
        phone.goto(site + path)
        assert phone.locator("html").get_attribute("dir") == "rtl", name
        assert phone.evaluate("document.documentElement.scrollWidth") <= width, f"{name} is wider than the screen"
        # Every phone number and address isolated, left to right: "+66 53 750 167" never reads reversed.
        for link in phone.locator("a[href^='tel:'], a[href^='mailto:']").all():
            if not re.search(r"[0-9@]", link.inner_text()):
                continue  # a button such as "Send by e-mail": no number or address written in it
            isolated = link.locator("bdi[dir='ltr'], [dir='ltr']")
            assert isolated.count() or link.get_attribute("dir") == "ltr", f"{name}: {link.inner_text()}"
        phone.screenshot(path=artifacts / f"ar-{name}-{width}.png", full_page=True)
