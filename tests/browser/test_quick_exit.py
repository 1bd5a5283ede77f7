"""Quick exit: a witness who is being watched leaves the site in one key or one tap, and Back does not return.

The neutral page is answered here by a stand-in (the tests never reach the internet).
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
NEUTRAL = "https://www.wikipedia.org/"
PLAN = "/en/plan/?danger=no&seen=in_person&happened=TH&lives=BE"


def stand_in_for_the_neutral_page(page):
    page.route(f"{NEUTRAL}**", lambda route: route.fulfill(body="<title>Wikipedia</title>", content_type="text/html"))


def test_esc_leaves_the_plan_and_back_does_not_bring_it_back(site, phone, artifacts):
    stand_in_for_the_neutral_page(phone)
    phone.goto(f"{site}/en/")
    phone.goto(site + PLAN)
    exit_link = phone.get_by_role("link", name=re.compile("Exit this page"))
    expect(exit_link).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390, "the exit fits a 390 px screen"
    phone.screenshot(path=artifacts / "quick-exit-390.png")

    phone.keyboard.press("Escape")
    expect(phone).to_have_url(NEUTRAL)
    phone.go_back()
    assert "/plan/" not in phone.url  # the plan's place in the history was taken by the neutral page


def test_a_tap_on_exit_leaves_too(site, phone):
    stand_in_for_the_neutral_page(phone)
    phone.goto(site + PLAN)
    phone.get_by_role("link", name=re.compile("Exit this page")).tap()
    expect(phone).to_have_url(NEUTRAL)
    phone.go_back()
    assert "/plan/" not in phone.url


def test_without_javascript_the_exit_is_a_plain_link_away_in_the_visitors_language(site, phone_without_javascript):
    page = phone_without_javascript
    stand_in_for_the_neutral_page(page)
    page.goto(f"{site}/fr/")
    page.get_by_role("link", name=re.compile("Quitter cette page")).click()
    expect(page).to_have_url(NEUTRAL)
