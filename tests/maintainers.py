"""Maintainers for tests: made by `create_maintainer`, set up through the set-up page, signed in by the form."""

import io
import re
import tempfile

from django.contrib.auth.models import User
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "a long pass phrase for tests 4711"


def create(username: str, *options) -> tuple[User, str]:
    """A new staff account and the set-up link's path that `create_maintainer` printed for it."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt") as secret:
        secret.write(PASSWORD)
        secret.flush()
        output = io.StringIO()
        call_command("create_maintainer", username, *options, "--password-file", secret.name, stdout=output)
    return User.objects.get(username=username), set_up_path(output.getvalue())


def set_up_path(printed: str) -> str:
    return re.search(r"https?://[^/\s]+(/admin/set-up/[^\s]+/)", printed).group(1)


def code_for(user: User, drift: int = 0) -> str:
    """The code the user's authenticator app shows now (drift 1: the next one, 30 seconds on)."""
    device = TOTPDevice.objects.get(user=user)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift):06d}"


def set_up(client, user: User, link: str) -> list[str]:
    """What the account's owner does with the link: password, then the app's first code. The recovery codes."""
    client.post(link, {"password": PASSWORD})
    response = client.post(link, {"otp_token": code_for(user)})
    assert response.status_code == 200, response.content.decode()[:2000]
    client.logout()
    return re.findall(r"<code>(\d{4}-\d{4}-\d{4})</code>", response.content.decode())


def sign_in(client, user: User, code: str | None = None):
    data = {"username": user.username, "password": PASSWORD, "next": "/admin/"}
    if code is not None:
        data["otp_token"] = code
    return client.post("/admin/login/?next=/admin/", data)


def a_few_seconds_later(user: User) -> None:
    """After a wrong code, the next try waits a second or more (django-otp's throttling): as if it had passed."""
    from maintainers.models import RecoveryCodes

    for model in (TOTPDevice, RecoveryCodes):
        model.objects.filter(user=user).update(throttling_failure_timestamp=None)
