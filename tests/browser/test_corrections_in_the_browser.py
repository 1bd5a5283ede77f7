"""A traveller who found a wrong number on the Thailand page tells its maintainers, in a real browser and
without JavaScript; the Thai editor finds the note in the back office, a Belgian editor does not."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from corrections import tickets
from corrections.models import Correction
from tests.browser.test_accessibility import AXE_OPTIONS
from tests.browser.test_back_office_in_the_browser import create, sign_in

pytestmark = pytest.mark.browser
NOTE = "The tourist police number on this page now answers with a recorded message."
PLAN = "/en/plan/?danger=yes&seen=in_person&happened=TH&lives=BE&nationality=FR"


def wait_as_a_person_does(page):
    page.wait_for_timeout(tickets.MIN_AGE * 1000 + 200)


def test_a_note_from_the_thai_page_without_javascript_reaches_the_thai_desk_only(
    site, phone_without_javascript, desktop, tmp_path, artifacts
):
    page = phone_without_javascript
    page.goto(f"{site}/en/countries/th/")
    page.get_by_text("Is something here wrong or out of date?").click()  # a <details>: no script needed
    expect(page.get_by_text("This is not a way to report abuse.")).to_be_visible()
    page.get_by_label("What is wrong or out of date?").fill(NOTE)
    wait_as_a_person_does(page)
    page.get_by_role("button", name="Send to the maintainers").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("the information on Thailand right")
    assert page.context.cookies() == []
    page.get_by_role("link", name="Back to the page").click()
    expect(page).to_have_url(re.compile(r"/en/countries/th/$"))

    create("thai-editor", "--countries TH", tmp_path)
    create("belgian-editor", "--countries BE", tmp_path)
    sign_in(desktop, site, "thai-editor")
    desktop.goto(f"{site}/admin/corrections/correction/")
    expect(desktop.locator("#result_list")).to_contain_text(NOTE[:40])
    desktop.screenshot(path=artifacts / "admin-corrections-th.png", full_page=True)
    desktop.get_by_role("checkbox").nth(1).check()
    desktop.locator("select[name=action]").select_option("mark_done")
    desktop.get_by_role("button", name="Run").click()
    expect(desktop.locator(".messagelist")).to_contain_text("1 marked as done")
    assert Correction.objects.get().state == "done"

    desktop.context.clear_cookies()
    sign_in(desktop, site, "belgian-editor")
    desktop.goto(f"{site}/admin/corrections/correction/")
    expect(desktop.locator("body")).not_to_contain_text(NOTE[:40])


@pytest.mark.parametrize("width", [390, 1280])
def test_the_form_fits_a_country_page_and_a_plan(site, browser, artifacts, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="en-GB")
    page = context.new_page()
    for name, address in (("country", "/en/countries/th/"), ("plan", PLAN)):
        page.goto(f"{site}{address}")
        page.get_by_text("Is something here wrong or out of date?").click()
        form = page.locator("#correction")
        expect(form.get_by_label("What is wrong or out of date?")).to_be_visible()
        if name == "plan":
            expect(form.get_by_label("Which country is it about?")).to_have_value("TH")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        form.scroll_into_view_if_needed()
        form.screenshot(path=artifacts / f"corrections-{name}-{width}.png")
    page.get_by_label("Which country is it about?").select_option("BE")
    page.get_by_label("What is wrong or out of date?").fill("x" * 2000)
    wait_as_a_person_does(page)
    page.get_by_role("button", name="Send to the maintainers").click()
    expect(page.get_by_role("status")).to_contain_text("the information on Belgium right")
    page.screenshot(path=artifacts / f"corrections-thanks-{width}.png", full_page=True)
    assert Correction.objects.get().country_id == "BE" and context.cookies() == []
    context.close()


def test_the_open_form_and_a_refusal_have_no_accessibility_violation(site, phone, monkeypatch):
    # Sent "too soon" however slowly the machine runs axe: the live server runs in this process.
    monkeypatch.setattr(tickets, "MIN_AGE", 3600)
    phone.goto(f"{site}/en/countries/th/")
    phone.get_by_text("Is something here wrong or out of date?").click()
    assert Axe().run(phone, options=AXE_OPTIONS).violations_count == 0
    phone.get_by_label("What is wrong or out of date?").fill(NOTE)
    phone.get_by_role("button", name="Send to the maintainers").click()  # too soon: refused, the text given back
    expect(phone.get_by_role("heading", name="Your note was not sent")).to_be_visible()
    expect(phone.get_by_label("What is wrong or out of date?")).to_have_value(NOTE)
    results = Axe().run(phone, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
