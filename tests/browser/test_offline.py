"""A witness loses the connection: the guide still gives a plan for the countries already looked at."""

import re
import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_accessibility import AXE_OPTIONS

pytestmark = pytest.mark.browser


def wait_until_saved(page, address: str, containing: str = "", seconds: float = 15) -> None:
    """Poll the worker's cache (evaluate awaits the promise; wait_for_function would not)."""
    check = """async ([address, containing]) => {
        const saved = await caches.match(address);
        return Boolean(saved) && (await saved.text()).includes(containing);
    }"""
    deadline = time.monotonic() + seconds
    while not page.evaluate(check, [address, containing]):
        assert time.monotonic() < deadline, f"{address} was not saved for offline use"
        time.sleep(0.2)


def test_a_plan_for_the_countries_visited_works_offline(site, phone, artifacts):
    phone.goto(f"{site}/en/")
    phone.evaluate("navigator.serviceWorker.ready.then(() => true)")
    phone.reload()  # now the page is looked after by the worker
    phone.get_by_role("radio", name="No", exact=True).check()
    phone.get_by_label("A situation, in person").check()
    phone.get_by_label("Where did it happen?").select_option("TH")
    phone.get_by_label("Where do you live?").select_option("BE")
    phone.get_by_role("button", name="Show me where to report").click()
    phone.wait_for_url("**/en/plan/**")
    other_answers = "/en/plan/?danger=yes&seen=online&happened=TH&lives=BE&nationality="
    wait_until_saved(phone, other_answers)
    wait_until_saved(phone, "/en/offline/", containing="Emergency numbers in Thailand")

    phone.context.set_offline(True)
    phone.goto(f"{site}/en/")
    phone.get_by_role("radio", name="Yes", exact=True).check()
    phone.get_by_label("Material online: images, video, a live stream, or contact with a child").check()
    phone.get_by_label("Where did it happen?").select_option("TH")
    phone.get_by_label("Where do you live?").select_option("BE")
    phone.get_by_role("button", name="Show me where to report").click()
    phone.wait_for_url("**/en/plan/**")
    headings = phone.locator("ol.steps > li > h2").all_inner_texts()
    assert headings[0] == "A child is in danger: if you are still in Thailand, call now"
    assert "Report the material online" in headings

    phone.goto(f"{site}/en/countries/fj/")  # never visited: the offline page, with Thailand's numbers
    assert phone.locator("h1").inner_text() == "You are offline"
    assert "Emergency numbers in Thailand" in phone.content()
    phone.screenshot(path=artifacts / "offline-390.png", full_page=True)


def test_the_plans_the_worker_keeps_for_later_are_not_counted_as_plans_made(site, phone):
    from guide import usage

    usage.flush()  # counts left by earlier tests
    phone.goto(f"{site}/en/")
    phone.evaluate("navigator.serviceWorker.ready.then(() => true)")
    phone.goto(f"{site}/en/plan/?danger=no&seen=in_person&happened=TH&lives=BE&nationality=")  # looked after
    wait_until_saved(phone, "/en/plan/?danger=yes&seen=online&happened=TH&lives=BE&nationality=")
    wait_until_saved(phone, "/en/plan/?danger=yes&seen=in_person&happened=TH&lives=BE&nationality=")
    wait_until_saved(phone, "/en/plan/?danger=no&seen=online&happened=TH&lives=BE&nationality=")
    assert usage.flush() == 1  # the plan the witness opened; not the three fetched to keep


def test_the_offline_page_lists_what_the_device_kept_and_the_composer_works_offline(site, phone, artifacts):
    phone.goto(f"{site}/en/")
    phone.evaluate("navigator.serviceWorker.ready.then(() => true)")
    phone.goto(f"{site}/en/plan/?danger=no&seen=in_person&happened=TH&lives=BE&nationality=")
    phone.goto(f"{site}/en/countries/kh/")
    wait_until_saved(phone, "/en/plan/?danger=yes&seen=online&happened=TH&lives=BE&nationality=")
    wait_until_saved(phone, "/en/write-it-down/", containing="Write it down now")
    wait_until_saved(phone, "/en/my-reports/", containing="My reports")
    wait_until_saved(phone, "/en/offline/", containing="Emergency numbers in Cambodia")

    phone.context.set_offline(True)
    phone.goto(f"{site}/en/countries/fj/")  # never visited
    assert phone.locator("h1").inner_text() == "You are offline"
    kept = phone.get_by_role("region", name="Kept on this device, ready without a connection")
    kept.get_by_role("link").first.wait_for()
    names = kept.get_by_role("link").all_inner_texts()
    assert names[:2] == [  # a plan per answer to "seen how?", the one with the emergency number first
        "Your reporting plan: Material seen online · in Thailand · you live in Belgium",
        "Your reporting plan: Seen in person · in Thailand · you live in Belgium",
    ]
    assert "Reporting the sexual exploitation of children in Cambodia" in names
    assert {"Write it down now", "My reports"} <= set(names)
    assert all("offline" not in name.lower() for name in names)
    phone.screenshot(path=artifacts / "offline-kept-390.png", full_page=True)
    results = Axe().run(phone, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    phone.set_viewport_size({"width": 1280, "height": 900})
    phone.screenshot(path=artifacts / "offline-kept-1280.png", full_page=True)
    phone.set_viewport_size({"width": 390, "height": 844})

    kept.get_by_role("link", name="Your reporting plan: Seen in person · in Thailand · you live in Belgium").click()
    phone.wait_for_url("**/en/plan/?danger=yes&seen=in_person&happened=TH&lives=BE**")
    assert phone.locator("ol.steps > li > h2").first.inner_text().startswith("A child is in danger")

    # A channel's "Write your report here first" link, offline: the composer still opens and keeps the draft.
    phone.goto(f"{site}/en/write-it-down/?to=meldestelle%40interpol.at")
    assert phone.locator("h1").inner_text() == "Write it down now"
    phone.get_by_label(re.compile("^What you saw")).fill("A man with a boy at the night market")
    phone.reload()
    expect(phone.get_by_label(re.compile("^What you saw"))).to_have_value("A man with a boy at the night market")
