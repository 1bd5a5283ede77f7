"""Setting up a maintainer's sign-in: a one-time link, the authenticator app's QR code, recovery codes.

Threat: someone who has only an account's password (guessed, phished, reused) adding their own
authenticator app. The QR code is never reached from the password: it takes a set-up link, which a
coordinator's `create_maintainer` or `reset_sign_in` prints, which is signed, expires, and is spent once
the app's first code is confirmed. The link alone is not enough either: the page asks for the account's
password before it shows the secret.
"""

from base64 import b32encode
from datetime import timedelta

import segno
from django.contrib.auth import authenticate, login
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from maintainers.models import RecoveryCodes, normalise_code

SALT = "maintainers.set-up"
VALID_FOR = timedelta(days=3)
CHECKED = "maintainers.set-up.password-checked"  # the session remembers which device's password was given
BACKEND = "django.contrib.auth.backends.ModelBackend"


def start_set_up(user) -> str:
    """A new, unconfirmed authenticator device for the user, replacing any other, and its set-up link's path.

    Until the link is used the account cannot sign in: the old app and the old recovery codes stop working.
    """
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        RecoveryCodes.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    token = signing.dumps({"device": device.pk, "user": user.pk}, salt=SALT)
    return reverse("admin:set_up", args=[token])


def _device_for(token: str, *, for_update: bool = False) -> TOTPDevice | None:
    """The unconfirmed device a link sets up, or None if the link is forged, expired, replaced or spent."""
    try:
        signed = signing.loads(token, salt=SALT, max_age=VALID_FOR)
    except signing.BadSignature:
        return None
    devices = TOTPDevice.objects.select_related("user").filter(
        pk=signed["device"], user_id=signed["user"], confirmed=False, user__is_active=True, user__is_staff=True
    )
    return (devices.select_for_update() if for_update else devices).first()


def qr_code(text: str) -> str:
    """The set-up address as an inline SVG, drawn here (no request to anyone), dark on white in either theme."""
    svg = segno.make(text, error="m", micro=False).svg_inline(scale=4, border=4, light="#fff", omitsize=True)
    label = escape("QR code to scan with your authenticator app")
    return mark_safe(svg.replace("<svg ", f'<svg class="set-up-qr" role="img" aria-label="{label}" ', 1))  # noqa: S308 - segno's SVG


def _in_groups(key: str) -> str:
    return " ".join(key[start : start + 4] for start in range(0, len(key), 4))


@never_cache
@sensitive_post_parameters("password", "otp_token")
def set_up(request, token: str, site):
    context = {**site.each_context(request), "title": "Set up your sign-in"}
    device = _device_for(token)
    if device is None:
        return render(request, "maintainers/set_up_spent.html", context, status=410)
    user = device.user
    context["username"] = user.get_username()
    checked = request.session.get(CHECKED) == device.pk

    if request.method == "POST" and "password" in request.POST:
        if authenticate(request, username=user.get_username(), password=request.POST["password"]) == user:
            request.session[CHECKED] = device.pk
            return redirect(request.path)
        else:  # a wrong password counts towards the account's lock (django-axes), as on the sign-in page
            context["wrong_password"] = True
    elif request.method == "POST" and checked:
        with transaction.atomic():
            device = _device_for(token, for_update=True)
            if device is None:
                return render(request, "maintainers/set_up_spent.html", context, status=410)
            if not device.verify_is_allowed()[0]:  # wrong codes slow the next tries down (ThrottlingMixin)
                context["code_error"] = "Too many wrong codes in a row: wait a few seconds, then type the new one."
            elif device.verify_token(normalise_code(request.POST.get("otp_token", ""))):
                return _finish(request, device, context)
            else:
                context["code_error"] = "That code is not right. Type the one the app shows for “Don’t Look Away”."

    if not checked:
        return render(request, "maintainers/set_up_password.html", context)
    context.update(
        qr_code=qr_code(device.config_url),
        config_url=device.config_url,
        key=_in_groups(b32encode(device.bin_key).decode()),
    )
    return render(request, "maintainers/set_up.html", context)


def _finish(request, device: TOTPDevice, context):
    """The app's code is right: the device is confirmed (which spends the link), and the maintainer is in."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    recovery = RecoveryCodes.objects.create(user=device.user, name="Recovery codes", confirmed=True)
    codes = recovery.replace_codes()
    request.session.pop(CHECKED, None)
    login(request, device.user, backend=BACKEND)
    otp_login(request, device)
    context.update(codes=codes, first_time=True, has_permission=True, title="Your recovery codes")
    return render(request, "maintainers/recovery_codes.html", context)


@never_cache
@sensitive_post_parameters("password")
def recovery_codes(request, site):
    """New recovery codes for the signed-in maintainer; the old ones stop working.

    The password is asked again, so that a session left open on a shared computer cannot be turned into
    lasting codes.
    """
    context = {**site.each_context(request), "title": "Recovery codes"}
    device = RecoveryCodes.objects.filter(user=request.user).first()
    if request.method == "POST":
        user = authenticate(request, username=request.user.get_username(), password=request.POST.get("password", ""))
        if user == request.user:
            if device is None:
                device = RecoveryCodes.objects.create(user=request.user, name="Recovery codes", confirmed=True)
            context["codes"] = device.replace_codes()
            return render(request, "maintainers/recovery_codes.html", context)
        context["wrong_password"] = True
    context["remaining"] = device.remaining() if device else 0
    return render(request, "maintainers/recovery_codes.html", context)
