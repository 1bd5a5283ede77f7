"""What the public tells the maintainers is wrong or out of date on a country page or a plan.

Threat: a note kept by the site could help identify the person who wrote it, or what they saw. A row holds
the note, the country it is for, the page's path (never its query: a plan's query is the witness's answers)
and the day it came. No address, no time of day, no cookie or browser detail; and it is deleted after
KEPT_DAYS (`manage.py forget_old_corrections`, and on every new note).
"""

from datetime import timedelta

from django.db import models
from django.utils import timezone

KEPT_DAYS = 90
MAX_LENGTH = 2000


class State(models.TextChoices):
    NEW = "new", "new"
    DONE = "done", "done"
    NOT_RELEVANT = "not_relevant", "not relevant"


class CorrectionQuerySet(models.QuerySet):
    def older_than_kept(self, today=None):
        today = today or timezone.localdate()
        return self.filter(received_on__lt=today - timedelta(days=KEPT_DAYS))

    def forget_old(self, today=None) -> int:
        """Delete the notes older than KEPT_DAYS; the number deleted."""
        deleted, _ = self.older_than_kept(today).delete()
        return deleted


class Correction(models.Model):
    country = models.ForeignKey("directory.Country", on_delete=models.CASCADE, related_name="corrections")
    page = models.CharField(max_length=200, help_text="The path of the page it was sent from, without its query.")
    page_countries = models.CharField(
        max_length=20,
        blank=True,
        help_text="The countries that page was about, in alphabetical order (a plan's, not which was which).",
    )
    text = models.TextField(max_length=MAX_LENGTH)
    received_on = models.DateField(default=timezone.localdate, help_text="The day only: no time is kept.")
    state = models.CharField(max_length=12, choices=State.choices, default=State.NEW)

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["received_on"])]

    def __str__(self) -> str:
        return f"{self.country_id} {self.received_on}: {self.text[:60]}"
