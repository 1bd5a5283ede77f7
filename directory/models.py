"""The directory in the database: countries, their reporting channels, emergency numbers and law.

The columns of each fact come from its record class (`directory/records.py`), where each fact's shape is
written once: `facts_model` turns those declarations into an abstract model that the tables below extend.
"""

from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from directory import records
from directory.choices import SHOWABLE_CONFIDENCE, LinkStatus
from directory.countries import country_name
from directory.records import Fact, Type, column_of, facts


def _model_field(spec: Fact, default: Any) -> models.Field:
    optional = not spec.required
    common: dict[str, Any] = {"help_text": spec.help} if spec.help else {}
    match spec.type:
        case Type.TEXT | Type.PHONE | Type.DIGITS | Type.ROUGH_DATE:
            return models.CharField(max_length=spec.max_length, blank=optional, **common)
        case Type.LONG_TEXT:
            return models.TextField(blank=True, **common)
        case Type.NOTE:  # {"en": …, "fr": …}; {} when there is none
            return models.JSONField(default=dict, blank=True, **common)
        case Type.URL:
            return models.URLField(max_length=spec.max_length, blank=optional, **common)
        case Type.EMAIL:
            return models.EmailField(max_length=spec.max_length, blank=optional, **common)
        case Type.LANGUAGES:
            return models.JSONField(default=list, blank=True, **common)
        case Type.FLAG if default is None:
            return models.BooleanField(null=True, blank=True, **common)
        case Type.FLAG:
            return models.BooleanField(default=default, **common)
        case Type.CHOICE:
            longest = max(len(choice.value) for choice in spec.choices)
            return models.CharField(max_length=max(longest, 20), choices=spec.choices.choices, **common)
        case Type.DATE:
            return models.DateField(null=optional, blank=optional, **common)
    raise AssertionError(f"no column for {spec.type}")  # pragma: no cover - every Type is handled above


def facts_model(name: str, record_class: type) -> type[models.Model]:
    """An abstract model with one column per fact of `record_class` (nested records excluded)."""
    attributes: dict[str, Any] = {"__module__": __name__, "Meta": type("Meta", (), {"abstract": True})}
    for field_name, spec, default in facts(record_class):
        attributes[column_of(field_name, spec)] = _model_field(spec, default)
    return type(name, (models.Model,), attributes)


def record_values(row: models.Model, record_class: type) -> dict[str, Any]:
    """A row's facts as the keyword arguments of its record class."""
    values = {}
    for field_name, spec, _default in facts(record_class):
        values[field_name] = _record_value(getattr(row, column_of(field_name, spec)), spec)
    return values


def _record_value(value: Any, spec: Fact) -> Any:
    if spec.type == Type.LANGUAGES:
        return tuple(value)
    if spec.type == Type.NOTE:
        return records.Note.of(value)
    return value


def _column_value(value: Any, spec: Fact) -> Any:
    if spec.type == Type.LANGUAGES:
        return list(value)
    if spec.type == Type.NOTE:
        return records.Note.of(value).as_mapping()
    return value


def column_values(record: Any) -> dict[str, Any]:
    """A record's facts (its source's too) as column values: what the loader writes."""
    values = {}
    for field_name, spec, _default in facts(type(record)):
        values[column_of(field_name, spec)] = _column_value(getattr(record, field_name), spec)
    source = getattr(record, "source", None)
    return {**values, **(column_values(source) if source else {})}


class Country(models.Model):  # type: ignore[django-manager-missing]  # its rows' models are made from records
    """One row per ISO 3166-1 country; its name comes from CLDR in the visitor's language."""

    code = models.CharField(max_length=2, primary_key=True)

    class Meta:
        ordering = ["code"]
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return f"{country_name(self.code)} ({self.code})"

    @property
    def name(self) -> str:
        return country_name(self.code)


class SourcedFact(facts_model("SourceFacts", records.Source)):  # type: ignore[misc]  # its fields come from records
    """Every fact shown to a witness says where it was read and when."""

    class Meta:
        abstract = True

    def source_record(self) -> records.Source:
        return records.Source(**record_values(self, records.Source))


class ChannelQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(active=True, confidence__in=SHOWABLE_CONFIDENCE)

    def for_country(self, code: str):
        return self.filter(country_id=code)

    def international(self):
        return self.filter(country__isnull=True)


class Channel(facts_model("ChannelFacts", records.Channel), SourcedFact):  # type: ignore[misc]  # one shape
    country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="channels",
        help_text=_("Empty for channels that serve every country."),
    )
    position = models.PositiveSmallIntegerField(default=0)
    # Filled in by `manage.py check_links`, never by the data files.
    link_status = models.CharField(max_length=12, choices=LinkStatus.choices, blank=True)
    link_http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    link_final_url = models.URLField(max_length=500, blank=True)
    link_checked_at = models.DateTimeField(null=True, blank=True)

    objects = ChannelQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["link_status", "link_http_status", "link_final_url", "link_checked_at"]
    )

    class Meta:
        ordering = ["country", "position"]
        constraints = [
            models.UniqueConstraint(fields=["country", "kind", "name"], name="unique_channel_per_country"),
            # International channels have no country, and NULLs never clash in a unique constraint; a partial
            # one keeps them single on SQLite and PostgreSQL alike (nulls_distinct=False is PostgreSQL only).
            models.UniqueConstraint(
                fields=["kind", "name"], condition=models.Q(country__isnull=True), name="unique_international_channel"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def to_record(self) -> records.Channel:
        return records.Channel(
            **record_values(self, records.Channel),
            source=self.source_record(),
            country=self.country_id,
            link_status=self.link_status,
            link_checked_at=self.link_checked_at,
        )


class EmergencyNumber(facts_model("EmergencyNumberFacts", records.EmergencyNumber), SourcedFact):  # type: ignore[misc]  # one shape
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="emergency_numbers")
    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["country", "position"]
        constraints = [
            models.UniqueConstraint(fields=["country", "service", "number"], name="unique_emergency_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.service})"

    def to_record(self) -> records.EmergencyNumber:
        return records.EmergencyNumber(**record_values(self, records.EmergencyNumber), source=self.source_record())


class Jurisdiction(facts_model("JurisdictionFacts", records.Jurisdiction), SourcedFact):  # type: ignore[misc]  # one shape
    """What is known of a country's power to prosecute offences its people commit abroad."""

    country = models.OneToOneField(Country, on_delete=models.CASCADE, related_name="jurisdiction")
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Jurisdiction of {self.country_id}"

    def to_record(self) -> records.Jurisdiction:
        return records.Jurisdiction(**record_values(self, records.Jurisdiction), source=self.source_record())


class DirectoryRevision(models.Model):
    """When the directory last changed: the Last-Modified of the API, downloads and cached pages."""

    changed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Directory changed at {self.changed_at:%Y-%m-%d %H:%M}"

    @classmethod
    def touch(cls) -> None:
        cls.objects.update_or_create(pk=1, defaults={"changed_at": timezone.now()})

    @classmethod
    def last_change(cls):
        row = cls.objects.filter(pk=1).first()
        return row.changed_at if row else None


class PendingChange(models.Model):
    """A change proposed by an editor whose changes wait for a coordinator's approval; the public sees none of it.

    `proposed` is the row as the editor saved it, in Django's serialised form, so that approving it writes
    exactly what the form checked. An addition has no `object_id` yet.
    """

    class State(models.TextChoices):
        PENDING = "pending", "waiting for approval"
        APPROVED = "approved", "approved"
        REJECTED = "rejected", "rejected"

    model_name = models.CharField(max_length=20)  # channel, emergencynumber or jurisdiction
    object_id = models.PositiveIntegerField(null=True, blank=True)
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.CASCADE, related_name="pending")
    proposed = models.JSONField()
    reason = models.CharField(max_length=100, blank=True)
    editor = models.ForeignKey("auth.User", on_delete=models.PROTECT, related_name="proposed_changes")
    proposed_at = models.DateTimeField(default=timezone.now)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    decided_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.PROTECT, related_name="decided_changes"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-proposed_at"]
        verbose_name = "change waiting for approval"
        verbose_name_plural = "changes waiting for approval"

    def __str__(self) -> str:
        what = self.proposed.get("fields", {}).get("name") or self.proposed.get("fields", {}).get("number") or ""
        return f"{self.country_id or 'international'}: {self.model_name} {what}".strip()
