"""'Not sure?' from a plan, and 'My reports' kept on the phone: a witness at 390 px, with JavaScript on and off."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
TRAVELLER = "danger=no&seen=in_person&happened=TH&lives=BE"


def not_ours(requests):
    """What the browser asked for, beyond the page's own address and its first-party static files."""
    return [url for url in requests if "/my-reports/" not in url and "/static/" not in url]


def test_a_traveller_not_sure_what_they_saw_finds_the_signs_and_both_lanes_of_their_plan(site, phone, artifacts):
    phone.goto(f"{site}/en/plan/?{TRAVELLER}")
    phone.get_by_role("link", name=re.compile("^Not sure what you saw")).click()

    expect(phone).to_have_url(re.compile(rf"/en/not-sure/\?{re.escape(TRAVELLER)}$"))
    expect(phone.get_by_role("heading", name="Signs to look for")).to_be_visible()
    signs = phone.locator("ul.signs > li")
    assert signs.count() >= 5
    for index in range(signs.count()):
        expect(signs.nth(index).locator(".cited a").first).to_have_attribute("href", re.compile("^https://"))
    crime = phone.get_by_role("region", name="A crime you saw")
    doubt = phone.get_by_role("region", name="A doubt")
    expect(crime.get_by_role("heading", name="Tourist Police call centre 1155")).to_be_visible()
    expect(crime.get_by_role("heading", name=re.compile("^Belgian police"))).to_be_visible()
    expect(doubt.get_by_role("heading", name=re.compile("^I say STOP!"))).to_be_visible()
    expect(doubt.get_by_role("heading", name="Childline Thailand")).to_be_visible()
    expect(doubt.get_by_role("heading", name=re.compile("police", re.I))).to_have_count(0)
    kinds = crime.locator(".channel .kind").all_inner_texts()
    assert kinds and all(re.match(r"(Police|Tourist police)\b", kind) for kind in kinds), kinds
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.screenshot(path=artifacts / "not-sure-390.png", full_page=True)


def test_a_note_of_where_they_reported_stays_on_the_phone_and_nothing_is_sent(site, phone, artifacts):
    phone.goto(f"{site}/en/my-reports/")
    phone.wait_for_load_state("networkidle")
    sent = []
    phone.on("request", lambda request: sent.append(request.url))

    expect(phone.locator("[data-no-script]")).to_be_hidden()
    phone.get_by_label("Where you reported").fill("I say STOP! — ECPAT Belgium")
    expect(phone.get_by_label("The date")).not_to_have_value("")  # today, on the device's own calendar
    phone.get_by_label("The date").fill("2026-12-03")
    phone.get_by_label("Reference number, if you were given one").fill("ISS-2026-0412")
    phone.get_by_role("button", name="Keep this note").click()

    note = phone.locator(".kept-report")
    expect(note).to_have_count(1)
    expect(note).to_contain_text("I say STOP! — ECPAT Belgium")
    expect(note).to_contain_text(re.compile("December 3, 2026|3 December 2026"))  # in the page's language
    expect(note).to_contain_text("ISS-2026-0412")
    expect(phone.get_by_role("status")).to_have_text("Kept on this device.")
    phone.wait_for_timeout(300)
    assert sent == []  # writing and keeping the note asked nothing of any server
    assert "ISS-2026-0412" in phone.evaluate("window.localStorage.getItem('dla-my-reports')")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.screenshot(path=artifacts / "my-reports-390.png", full_page=True)

    phone.reload()  # still there, on this device only
    expect(phone.locator(".kept-report")).to_have_count(1)
    expect(phone.locator(".kept-report")).to_contain_text("ISS-2026-0412")
    phone.wait_for_load_state("networkidle")
    sent.clear()
    phone.locator(".kept-report").get_by_role("button", name=re.compile("^Delete")).click()
    expect(phone.locator(".kept-report")).to_have_count(0)
    expect(phone.get_by_role("status")).to_have_text("Note deleted from this device.")
    expect(phone.get_by_text("No notes yet.")).to_be_visible()
    assert phone.evaluate("window.localStorage.getItem('dla-my-reports')") is None
    phone.reload()
    expect(phone.locator(".kept-report")).to_have_count(0)
    assert not_ours(sent) == []


def test_what_a_witness_types_is_shown_as_text_never_run_as_html(site, phone):
    phone.goto(f"{site}/en/my-reports/")
    phone.get_by_label("Where you reported").fill('<img src=x onerror="document.title=1">')
    phone.get_by_role("button", name="Keep this note").click()

    expect(phone.locator(".kept-report")).to_contain_text("<img src=x")
    expect(phone.locator(".kept-report img")).to_have_count(0)


def test_without_javascript_the_page_says_how_to_keep_a_note_by_printing_the_plan(site, phone_without_javascript):
    page = phone_without_javascript
    page.goto(f"{site}/en/my-reports/?{TRAVELLER}")

    expect(page.locator("[data-no-script]")).to_be_visible()
    expect(page.locator("[data-my-reports]")).to_be_hidden()
    page.get_by_role("link", name=re.compile("^Print your plan instead")).click()
    expect(page).to_have_url(re.compile(rf"/en/plan/\?{re.escape(TRAVELLER)}$"))
    expect(page.get_by_role("heading", name=re.compile("Your reporting plan"))).to_be_visible()


def test_without_javascript_not_sure_shows_both_lanes_too(site, phone_without_javascript):
    page = phone_without_javascript
    page.goto(f"{site}/en/not-sure/?{TRAVELLER}")

    expect(page.get_by_role("region", name="A crime you saw")).to_contain_text("Belgian police")
    expect(page.get_by_role("region", name="A doubt")).to_contain_text("Childline Thailand")
