"""The back office's sign-in: password and a code on one form, for every staff account.

The code is the authenticator app's 6 digits, or one of the account's one-time recovery codes.
"""

from django import forms
from django.urls import path
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_totp.models import TOTPDevice

from maintainers import set_up
from maintainers.models import RecoveryCodes, is_recovery_code


class SignInForm(OTPAdminAuthenticationForm):
    """django-otp asks which device to check; here the code's shape says it: 6 digits are the app's,
    12 a recovery code. A posted `otp_device` is ignored, so no field can point at another device."""

    otp_token = forms.CharField(
        required=False,
        label="6-digit code from your authenticator app",
        help_text="No phone to hand? Type one of your recovery codes instead.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "spellcheck": "false"}),
    )
    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": "Type the 6-digit code from your authenticator app.",
        "invalid_token": "That code is not right or was already used. The app shows a new one every 30 seconds.",
        "device_required": "This account's sign-in is not set up yet: open the set-up link you were given.",
    }

    def _chosen_device(self, user):
        model = RecoveryCodes if is_recovery_code(self.cleaned_data.get("otp_token") or "") else TOTPDevice
        # Locked for the check, so that one code cannot sign in twice at the same moment.
        return model.objects.devices_for_user(user, confirmed=True).select_for_update().first()


class BackOfficeSite(OTPAdminSite):
    login_form = SignInForm
    login_template = "maintainers/login.html"
    site_header = "Don’t Look Away — back office"
    site_title = "Don’t Look Away"

    def get_urls(self):
        return [
            path("set-up/<str:token>/", set_up.set_up, {"site": self}, name="set_up"),
            path("recovery-codes/", self.admin_view(set_up.recovery_codes), {"site": self}, name="recovery_codes"),
            *super().get_urls(),
        ]
