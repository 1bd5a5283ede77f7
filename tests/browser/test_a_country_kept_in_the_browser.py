"""A Thai editor whose changes are reviewed changes a Thai channel; a coordinator approves it; the plan shows it;
exported to the files and loaded again on the next deploy, it stays."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from directory.dataset import read_directory
from directory.models import Channel
from maintainers.models import EditorProfile
from tests.browser.test_back_office_in_the_browser import create, sign_in

pytestmark = pytest.mark.browser
NEW_HOURS = "Every day, 6:00 to 22:00"


def plan_as_a_witness_sees_it(browser, url: str) -> str:
    """The plan in a browser of its own: a witness's, with nothing of the maintainers' visits in its cache."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        return page.locator("main").text_content()  # folded details included
    finally:
        context.close()


def test_a_reviewed_change_is_approved_shows_in_the_plan_and_survives_export_and_load(
    site, browser, desktop, tmp_path, artifacts
):
    create("thai-editor", "--countries TH", tmp_path)
    create("coordinator", "--coordinator", tmp_path)
    EditorProfile.objects.filter(user__username="thai-editor").update(changes_need_review=True)
    channel = Channel.objects.get(country="TH", name="Tourist Police call centre 1155")
    page = desktop

    sign_in(page, site, "thai-editor")
    page.goto(f"{site}/admin/directory/country/TH/desk/")
    expect(page.get_by_role("heading", name="What the plan shows for TH")).to_be_visible()
    page.get_by_role("link", name="Tourist Police call centre 1155").click()
    page.get_by_label("Hours").fill(NEW_HOURS)
    page.get_by_label("Change reason").fill("The bureau's page gives these hours")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("waits for a coordinator's approval")
    expect(page.locator("#result_list")).to_contain_text(NEW_HOURS)
    page.screenshot(path=artifacts / "admin-change-waiting.png", full_page=True)
    plan = f"{site}/en/plan/?danger=no&seen=in_person&happened=TH&lives=BE"
    assert NEW_HOURS not in plan_as_a_witness_sees_it(browser, plan)
    page.context.clear_cookies()  # another person, at another desk

    sign_in(page, site, "coordinator")
    page.goto(f"{site}/admin/directory/pendingchange/")
    page.locator("#result_list tbody input[type=checkbox]").first.check()
    page.locator("select[name=action]").select_option(label="Approve: the public sees them")
    page.get_by_role("button", name=re.compile("Go|Run", re.I)).click()
    expect(page.locator(".messagelist")).to_contain_text("approved")
    assert NEW_HOURS in plan_as_a_witness_sees_it(browser, plan)

    folder = tmp_path / "directory"
    call_command("export_directory", "--folder", str(folder), stdout=io.StringIO())
    assert read_directory(folder).country("TH").channels[channel.position].hours.english == NEW_HOURS
    call_command("load_directory", stdout=io.StringIO(), stderr=io.StringIO())  # the deploy, with the old files
    channel.refresh_from_db()
    assert channel.hours == {"en": NEW_HOURS}
    assert NEW_HOURS in plan_as_a_witness_sees_it(browser, plan)
