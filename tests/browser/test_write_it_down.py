"""'Write it down now': a witness writes the report on the phone; it never leaves the device unless they send it."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_the_report_is_written_on_the_phone_and_nothing_is_sent(site, phone, artifacts):
    phone.goto(f"{site}/en/plan/?danger=no&seen=in_person&happened=TH&lives=BE")
    phone.get_by_role("link", name="Write it down now").click()
    expect(phone).to_have_url(re.compile(r"/en/write-it-down/$"))
    sent = []
    phone.on("request", lambda request: sent.append(request.url))

    phone.get_by_label(re.compile("^What you saw")).fill("A man took a girl of about 12 into room 214.")
    phone.get_by_label(re.compile("^Where:")).fill("Hotel Sunrise, Beach Road, Pattaya")
    phone.get_by_label(re.compile("^When:")).fill("3 December, about 22:00")
    report = phone.get_by_role("textbox", name="Your report")
    expect(report).to_have_value(re.compile(r"^Report: sexual exploitation of a child\n\nWhat you saw.*\nA man took"))
    assert "Hotel Sunrise" in report.input_value() and "Who:" not in report.input_value()  # empty parts left out
    mail = phone.get_by_role("link", name="Send by e-mail")
    assert "body=" in mail.get_attribute("href") and "room%20214" in mail.get_attribute("href")
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"])
    phone.get_by_role("button", name="Copy the report").click()
    expect(phone.get_by_role("status")).to_have_text(re.compile("^Copied"))
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.screenshot(path=artifacts / "write-it-down-390.png", full_page=True)

    phone.reload()  # the draft is still there, on this device
    expect(phone.get_by_label(re.compile("^Where:"))).to_have_value("Hotel Sunrise, Beach Road, Pattaya")
    sent.clear()
    phone.get_by_role("button", name="Delete now").click()
    expect(phone.get_by_role("status")).to_have_text("Deleted from this device.")
    assert phone.evaluate("window.localStorage.length") == 0
    phone.reload()
    expect(phone.get_by_label(re.compile("^Where:"))).to_have_value("")
    assert [url for url in sent if "write-it-down" not in url and "/static/" not in url] == []


def test_writing_makes_no_request_at_all(site, phone):
    phone.goto(f"{site}/en/write-it-down/")
    phone.wait_for_load_state("networkidle")
    sent = []
    phone.on("request", lambda request: sent.append(request.url))
    phone.get_by_label(re.compile("^Who:")).fill("Man, about 50, grey hair, British accent; girl about 12")
    phone.get_by_label("Anything else").fill("A taxi waited outside, plate 1กข 2345")
    phone.get_by_role("button", name="Copy the report").click()
    phone.wait_for_timeout(300)
    assert sent == []


def test_a_channel_address_is_used_only_when_the_directory_gives_it(site, phone):
    phone.goto(f"{site}/en/write-it-down/?to=someone%40example.org")
    assert phone.get_by_role("link", name="Send by e-mail").get_attribute("href").startswith("mailto:?")


def test_without_javascript_the_page_says_to_write_it_down_elsewhere(site, phone_without_javascript):
    page = phone_without_javascript
    page.goto(f"{site}/fr/write-it-down/")
    expect(page.locator("[data-no-script]")).to_be_visible()
    expect(page.locator("[data-report]")).to_be_hidden()


def test_for_a_channel_that_reads_german_the_report_is_headed_in_german_and_english(site, phone):
    """Austria's federal police take reports in German (the shipped directory): an English-speaking witness's
    report is headed in both, so that the officer and the witness each read the headings."""
    phone.goto(f"{site}/en/write-it-down/?to=meldestelle%40interpol.at")
    expect(phone.get_by_text("The headings of your report are in German, followed by yours")).to_be_visible()
    phone.get_by_label(re.compile("^What you saw")).fill("A man took a girl of about 12 into room 214.")
    report = phone.get_by_role("textbox", name="Your report").input_value()
    assert report.startswith("Meldung: sexuelle Ausbeutung eines Kindes / Report: sexual exploitation of a child")
    assert "/ What you saw, as precisely as you can" in report and "room 214" in report
    href = phone.get_by_role("link", name=re.compile("^Send by e-mail to")).get_attribute("href")
    assert href.startswith("mailto:meldestelle@interpol.at?subject=Meldung")
