"""Who may edit which countries, and the one-time recovery codes that stand in for a lost phone.

Coordinators edit everything; a country editor only their countries.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin, TimestampMixin

RECOVERY_CODES = 10
RECOVERY_DIGITS = 12  # digits, like the app's codes, so the same numeric field takes both


class EditorProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="editor_profile")
    countries = models.ManyToManyField("directory.Country", blank=True, related_name="editors")
    organisation = models.CharField(max_length=200, blank=True)
    changes_need_review = models.BooleanField(
        default=False,
        help_text="This editor's changes wait for a coordinator's approval before the public sees them.",
    )

    class Meta:
        verbose_name = _("editor's countries")
        verbose_name_plural = _("editors' countries")

    def __str__(self) -> str:
        return f"{self.user} ({', '.join(c.code for c in self.countries.all())})"


def normalise_code(token: str) -> str:
    """A code as typed or pasted: "4821 0937-5561" is 482109375561."""
    return "".join(character for character in token if character not in " -\u00a0")


def is_recovery_code(token: str) -> bool:
    code = normalise_code(token)
    return len(code) == RECOVERY_DIGITS and code.isascii() and code.isdigit()


def _digests(code: str) -> list[str]:
    """The code's keyed hash under the current secret key and each fallback, so that rotating it keeps codes."""
    keys = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    return [salted_hmac("maintainers.recovery-code", code, secret=key, algorithm="sha256").hexdigest() for key in keys]


class RecoveryCodes(TimestampMixin, ThrottlingMixin, Device):
    """A maintainer's one-time recovery codes, for a sign-in without the authenticator app.

    Threat: a copy of the database (a backup, a dump) used to sign in. Only a hash of each code is kept,
    keyed by the secret key, which is not in the database; a code is shown once, when it is made.
    Each code is deleted by the sign-in that uses it, in one statement, so two sign-ins racing with the
    same code cannot both succeed; wrong guesses slow down like the app's codes do (ThrottlingMixin).
    """

    class Meta:
        verbose_name = "recovery codes"
        verbose_name_plural = "recovery codes"

    def get_throttle_factor(self) -> int:
        return 1

    def verify_token(self, token) -> bool:
        allowed, _ = self.verify_is_allowed()
        if not allowed or not is_recovery_code(str(token)):
            return False
        used, _ = self.codes.filter(digest__in=_digests(normalise_code(str(token)))).delete()
        if used:
            self.throttle_reset(commit=False)
            self.set_last_used_timestamp(commit=False)
            self.save()
        else:
            self.throttle_increment()
        return bool(used)

    def replace_codes(self) -> list[str]:
        """New codes, which invalidate the old ones; the only time they exist in plain text is the answer."""
        self.codes.all().delete()
        codes = [f"{secrets.randbelow(10**RECOVERY_DIGITS):0{RECOVERY_DIGITS}d}" for _ in range(RECOVERY_CODES)]
        RecoveryCode.objects.bulk_create(RecoveryCode(device=self, digest=_digests(code)[0]) for code in codes)
        return [f"{code[:4]}-{code[4:8]}-{code[8:]}" for code in codes]

    def remaining(self) -> int:
        return self.codes.count()


class RecoveryCode(models.Model):
    device = models.ForeignKey(RecoveryCodes, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(max_length=64, db_index=True)

    def __str__(self) -> str:
        return f"a recovery code of {self.device.user}"
