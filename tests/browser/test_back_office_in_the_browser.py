"""An editor for Thailand signs in with a TOTP code, fixes a Thai channel, cannot open a Belgian one,
and the change shows in the history, from which it can be reverted."""

import io
import re

import pytest
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from directory.models import Channel

pytestmark = pytest.mark.browser
PASSWORD = "a long pass phrase for tests 4711"


def create(username: str, role: str, folder) -> None:
    secret = folder / "password"
    secret.write_text(PASSWORD)
    call_command("create_maintainer", username, *role.split(), "--password-file", str(secret), stdout=io.StringIO())
    confirm_app(username)


def confirm_app(username: str) -> None:
    """As its owner's set-up link does (tests/browser/test_sign_in_set_up_in_the_browser.py goes through it)."""
    TOTPDevice.objects.filter(user__username=username).update(confirmed=True)


def sign_in(page, site: str, username: str) -> None:
    page.goto(f"{site}/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("6-digit code from your authenticator app").fill(code_for(username))
    page.get_by_role("button", name=re.compile("Log in", re.I)).click()


def code_for(username: str) -> str:
    device = TOTPDevice.objects.get(user__username=username)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_a_thai_editor_fixes_a_thai_channel_and_the_change_can_be_reverted(site, desktop, tmp_path, artifacts):
    secret = tmp_path / "password"
    secret.write_text(PASSWORD)
    call_command(
        "create_maintainer", "thai-editor", "--countries", "TH", "--password-file", str(secret), stdout=io.StringIO()
    )
    confirm_app("thai-editor")
    thai = Channel.objects.filter(country="TH").first()
    hours_before = thai.hours
    belgian = Channel.objects.filter(country="BE").first()

    page = desktop
    sign_in(page, site, "thai-editor")
    expect(page.get_by_role("link", name="Channels").first).to_be_visible()

    page.goto(f"{site}/admin/directory/channel/{thai.pk}/change/")
    page.get_by_label("Hours").fill("24 hours a day")
    page.get_by_label("Change reason").fill("The hotline's own page says so")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    page.screenshot(path=artifacts / "admin-editor-saved.png", full_page=True)

    page.goto(f"{site}/admin/directory/channel/{thai.pk}/history/")
    expect(page.locator("body")).to_contain_text("The hotline's own page says so")
    page.screenshot(path=artifacts / "admin-history.png", full_page=True)
    expect(page.locator("body")).to_contain_text("24 hours a day")  # the diff of the change
    page.locator("table tbody tr").last.locator("a").first.click()  # the version before
    page.locator("input[type=submit]").first.click()
    thai.refresh_from_db()
    assert thai.hours == hours_before

    response = page.goto(f"{site}/admin/directory/channel/{belgian.pk}/change/")
    assert response.status in (403, 404) or "/admin/" in page.url and "change" not in page.url
    expect(page.locator("body")).not_to_contain_text(belgian.name)


def test_a_coordinator_creates_an_editor_for_thailand_in_the_admin(site, desktop, tmp_path, artifacts):
    from django.contrib.auth.models import User

    secret = tmp_path / "password"
    secret.write_text(PASSWORD)
    call_command(
        "create_maintainer", "coordinator", "--coordinator", "--password-file", str(secret), stdout=io.StringIO()
    )
    confirm_app("coordinator")
    page = desktop
    sign_in(page, site, "coordinator")

    page.goto(f"{site}/admin/auth/user/add/")
    page.get_by_label("Username").fill("somchai")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("input[name=_continue]").click()
    page.get_by_label("Staff status").check()
    page.locator("#id_groups_from").select_option(label="Country editors")  # the admin's chooser: pick, then
    page.locator("#id_groups_add").click()  # the "Choose" arrow
    page.locator("input[name=_save]").click()

    page.goto(f"{site}/admin/maintainers/editorprofile/add/")
    page.get_by_label("User").select_option(label="somchai")
    page.get_by_label("Countries").select_option("TH")
    page.locator("input[name=_save]").click()

    page.goto(f"{site}/admin/otp_totp/totpdevice/add/")
    page.get_by_label("User").fill(str(User.objects.get(username="somchai").pk))
    page.get_by_label("Name").fill("Phone")
    page.locator("input[name=_save]").click()
    page.screenshot(path=artifacts / "admin-editor-created.png", full_page=True)

    somchai = User.objects.get(username="somchai")
    assert somchai.is_staff and somchai.groups.filter(name="Country editors").exists()
    assert list(somchai.editor_profile.countries.values_list("code", flat=True)) == ["TH"]
    assert TOTPDevice.objects.filter(user=somchai).exists()


def test_maintainers_see_the_coverage_map_and_the_broken_links(site, desktop, tmp_path, artifacts):
    secret = tmp_path / "password"
    secret.write_text(PASSWORD)
    call_command(
        "create_maintainer", "coordinator", "--coordinator", "--password-file", str(secret), stdout=io.StringIO()
    )
    confirm_app("coordinator")
    broken = Channel.objects.filter(country="TH").exclude(url="").first()
    Channel.objects.filter(pk=broken.pk).update(link_status="broken", link_http_status=404)
    page = desktop
    sign_in(page, site, "coordinator")

    page.goto(f"{site}/admin/directory/country/")
    map_image = page.locator("img.coverage-map")
    expect(map_image).to_be_visible()
    assert page.evaluate("document.querySelector('img.coverage-map').naturalWidth") > 0
    page.screenshot(path=artifacts / "admin-coverage-map.png", full_page=False)
    page.get_by_role("link", name="Broken links").click()
    expect(page.locator("#result_list")).to_contain_text(broken.name)
    page.screenshot(path=artifacts / "admin-broken-links.png", full_page=False)
