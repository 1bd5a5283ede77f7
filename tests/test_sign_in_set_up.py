"""Ana, who will edit Thailand for a partner organisation, sets up her sign-in from the link a coordinator
gave her: her password, then the QR code for her authenticator app, then its first code. Someone who has only
her password never sees that QR code."""

import io
import re
import time

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from maintainers.models import RecoveryCode
from tests.maintainers import PASSWORD, a_few_seconds_later, code_for, create, set_up, set_up_path, sign_in

pytestmark = [pytest.mark.django_db]
QR = 'class="set-up-qr"'  # the QR code, drawn on the page


@pytest.fixture
def ana():
    return create("ana", "--countries", "TH")


def test_it_gives_a_new_maintainer_a_set_up_link_and_no_sign_in_before_it_is_used(client, ana):
    user, link = ana
    assert link.startswith("/admin/set-up/")
    assert sign_in(client, user, code_for(user)).status_code == 200  # the form again, with why
    assert client.get("/admin/").status_code == 302


def test_it_prints_no_secret_to_whoever_runs_the_command():
    output = io.StringIO()
    with open("/tmp/dla-test-password", "w", encoding="utf-8") as secret:  # noqa: S108 - a throwaway file
        secret.write(PASSWORD)
    call_command("create_maintainer", "ana", "--countries", "TH", "--password-file", secret.name, stdout=output)
    printed = output.getvalue()
    key = TOTPDevice.objects.get(user__username="ana").config_url.split("secret=")[1].split("&")[0]
    assert "otpauth" not in printed and key not in printed
    assert set_up_path(printed).startswith("/admin/set-up/")


def test_it_shows_the_qr_code_only_after_the_accounts_password(client, ana):
    user, link = ana
    first = client.get(link).content.decode()
    assert "Password" in first and QR not in first and "otpauth" not in first
    wrong = client.post(link, {"password": "not the password at all"}).content.decode()
    assert "not this account’s password" in wrong and QR not in wrong and "otpauth" not in wrong

    assert client.post(link, {"password": PASSWORD}).status_code == 302
    page = client.get(link)
    text = page.content.decode()
    device = TOTPDevice.objects.get(user=user)
    assert '<svg class="set-up-qr" role="img"' in text  # drawn on the page: no request to anyone
    assert device.config_url.replace("&", "&amp;") in text
    assert "6-digit code from your authenticator app" in text
    assert 'inputmode="numeric"' in text and 'autocomplete="one-time-code"' in text
    assert "no-cache" in page["Cache-Control"] and "no-store" in page["Cache-Control"]


def test_the_apps_first_code_confirms_it_signs_her_in_and_spends_the_link(client, ana):
    user, link = ana
    client.post(link, {"password": PASSWORD})
    wrong = client.post(link, {"otp_token": "000000" if code_for(user) != "000000" else "111111"})
    assert "That code is not right" in wrong.content.decode()
    assert not TOTPDevice.objects.get(user=user).confirmed
    hurried = client.post(link, {"otp_token": code_for(user)}).content.decode()
    assert "wait a few seconds" in hurried and not TOTPDevice.objects.get(user=user).confirmed

    a_few_seconds_later(user)
    done = client.post(link, {"otp_token": code_for(user)})
    assert done.status_code == 200 and "Your sign-in is set up" in done.content.decode()
    assert TOTPDevice.objects.get(user=user).confirmed
    assert client.get("/admin/").status_code == 200  # signed in, with password and code
    client.logout()
    spent = client.get(link)
    assert spent.status_code == 410 and "otpauth" not in spent.content.decode()
    assert sign_in(client, user, code_for(user, drift=1)).status_code == 302


def test_the_password_alone_never_reaches_the_qr_code_of_a_set_up_account(client, ana):
    user, link = ana
    set_up(client, user, link)
    for attempt in (client.post(link, {"password": PASSWORD}), client.get(link), sign_in(client, user)):
        assert QR not in attempt.content.decode() and "otpauth" not in attempt.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_forged_expired_or_replaced_link_is_refused(client, ana, monkeypatch):
    user, link = ana
    assert client.get(link[:-3] + "xx/").status_code == 410

    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() - 3 * 86400 - 60)  # made three days and a minute ago
    old_link = set_up_path(call_command_output("reset_sign_in", "ana"))
    monkeypatch.setattr(time, "time", real)
    assert client.get(old_link).status_code == 410

    new_link = set_up_path(call_command_output("reset_sign_in", "ana"))
    assert client.get(link).status_code == 410  # replaced by the new one
    assert client.get(new_link).status_code == 200


def test_a_lost_phone_is_replaced_by_a_new_set_up_and_the_old_app_stops_working(client, ana):
    user, link = ana
    set_up(client, user, link)
    old_code = code_for(user, drift=1)
    new_link = set_up_path(call_command_output("reset_sign_in", "ana"))
    assert not RecoveryCode.objects.filter(device__user=user).exists()
    assert sign_in(client, user, old_code).status_code == 200 and client.get("/admin/").status_code == 302
    assert set_up(client, user, new_link)  # new recovery codes


def test_the_sign_in_form_asks_for_the_6_digit_code_from_the_app(client):
    page = client.get("/admin/login/").content.decode()
    field = re.search(r"<input[^>]*name=\"otp_token\"[^>]*>", page).group(0)
    assert '<label for="id_otp_token" class="required">6-digit code from your authenticator app</label>' in page
    assert 'inputmode="numeric"' in field and 'autocomplete="one-time-code"' in field
    assert 'aria-describedby="id_otp_token_helptext"' in field and "recovery codes" in page


def call_command_output(*arguments) -> str:
    output = io.StringIO()
    call_command(*arguments, stdout=output)
    return output.getvalue()


def test_wrong_passwords_on_the_set_up_page_lock_the_account_as_on_the_sign_in_page(client, ana):
    _user, link = ana
    for _attempt in range(5):
        client.post(link, {"password": "a guess at the password"})
    locked = client.post(link, {"password": PASSWORD})
    assert locked.status_code == 429
    assert QR not in client.get(link).content.decode()
