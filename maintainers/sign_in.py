"""The back office's sign-in: password and TOTP code on one form, for every staff account."""

from django_otp import devices_for_user
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite


class SignInForm(OTPAdminAuthenticationForm):
    """django-otp asks which device to check; a maintainer has one authenticator app, so it is that one."""

    def _chosen_device(self, user):
        if not self.cleaned_data.get("otp_device"):
            devices = list(devices_for_user(user, confirmed=True))
            if len(devices) == 1:
                self.cleaned_data["otp_device"] = devices[0].persistent_id
        return super()._chosen_device(user)


class BackOfficeSite(OTPAdminSite):
    login_form = SignInForm
    site_header = "Don’t Look Away — back office"
    site_title = "Don’t Look Away"
