"""Who may edit which countries. Coordinators edit everything; a country editor only their countries."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
