"""Ana opens the set-up link a coordinator gave her, on her phone: her password, the QR code for her
authenticator app, its first code; she keeps her recovery codes, and signs in again the next day with the app."""

import re
from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.maintainers import PASSWORD, create

pytestmark = pytest.mark.browser


def app_code(key: str, drift: int = 0) -> str:
    """What an authenticator app shows for the key as it reads it from the page."""
    return f"{totp(b32decode(key.replace(' ', '')), step=30, t0=0, digits=6, drift=drift):06d}"


def set_up_in(page, site: str, link: str, screenshot) -> tuple[str, list[str]]:
    page.goto(f"{site}{link}")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    qr = page.get_by_role("img", name="QR code to scan with your authenticator app")
    expect(qr).to_be_visible()
    box = qr.bounding_box()
    assert box["width"] >= 200 and box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
    expect(page.get_by_role("link", name="Add it to the authenticator app on this phone")).to_have_attribute(
        "href", re.compile(r"^otpauth://totp/")
    )
    page.get_by_text("Cannot scan it? Type the key instead").click()
    key = page.locator("#set-up-key").inner_text()
    expect(page.locator("#set-up-address")).to_contain_text("otpauth://totp/")
    field = page.get_by_label("6-digit code from your authenticator app")
    assert field.get_attribute("inputmode") == "numeric" and field.get_attribute("autocomplete") == "one-time-code"
    page.screenshot(path=screenshot, full_page=True)
    field.fill(app_code(key))
    page.get_by_role("button", name="Confirm and sign in").click()
    expect(page.locator("body")).to_contain_text("Your sign-in is set up")
    codes = page.locator("#recovery-codes li").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"\d{4}-\d{4}-\d{4}", code) for code in codes)
    return key, codes


def sign_in(page, site: str, username: str, code: str) -> None:
    page.goto(f"{site}/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("6-digit code from your authenticator app").fill(code)
    page.get_by_role("button", name="Log in").click()


def sign_out(page) -> None:
    page.get_by_role("button", name="Log out").click()
    expect(page.locator("body")).to_contain_text("Logged out")


def test_a_thai_editor_sets_up_her_sign_in_on_her_phone_and_signs_in_with_the_app(site, phone, artifacts):
    _ana, link = create("ana", "--countries", "TH")
    page = phone
    key, _codes = set_up_in(page, site, link, artifacts / "sign-in-set-up-390.png")
    page.screenshot(path=artifacts / "sign-in-recovery-codes-390.png", full_page=True)
    page.get_by_role("link", name="continue to the back office").click()
    expect(page.get_by_role("link", name="Channels").first).to_be_visible()
    sign_out(page)

    page.goto(f"{site}/admin/login/")
    page.screenshot(path=artifacts / "sign-in-390.png", full_page=True)
    sign_in(page, site, "ana", app_code(key, drift=1))  # the app's next code: the first one is spent
    expect(page.get_by_role("link", name="Channels").first).to_be_visible()
    sign_out(page)

    page.goto(f"{site}{link}")  # the link is spent: no QR code any more, even with the password
    expect(page.locator("h1")).to_have_text("This set-up link no longer works")
    expect(page.get_by_role("img", name="QR code to scan with your authenticator app")).to_have_count(0)


def test_a_coordinator_sets_up_on_a_computer_and_signs_in_once_with_a_recovery_code(site, desktop, artifacts):
    _lek, link = create("lek", "--coordinator")
    page = desktop
    _key, codes = set_up_in(page, site, link, artifacts / "sign-in-set-up-1280.png")
    page.screenshot(path=artifacts / "sign-in-recovery-codes-1280.png", full_page=True)
    sign_out(page)

    sign_in(page, site, "lek", codes[0])
    expect(page.get_by_role("link", name="Users")).to_be_visible()
    page.screenshot(path=artifacts / "sign-in-with-a-recovery-code-1280.png", full_page=False)
    sign_out(page)
    sign_in(page, site, "lek", codes[0])
    expect(page.locator(".errornote")).to_be_visible()
    expect(page.get_by_role("link", name="Users")).to_have_count(0)
