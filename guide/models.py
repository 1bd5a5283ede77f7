"""Usage figures that describe no one: how many plans were made per day, by countries and kind of sighting."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanCount(models.Model):
    day = models.DateField()
    happened = models.CharField(max_length=7, help_text=_("ISO code, or 'online'"))
    lives = models.CharField(max_length=2)
    seen = models.CharField(max_length=10)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "happened", "lives", "seen"], name="one_count_per_day_and_route")
        ]
        ordering = ["-day"]
        verbose_name = _("plans made")
        verbose_name_plural = _("plans made")

    def __str__(self) -> str:
        return f"{self.day} {self.happened}→{self.lives} ({self.seen}): {self.count}"
