"""The directory in the database: countries, their reporting channels, emergency numbers and law."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from directory import records
from directory.choices import (
    OFFICIAL_KINDS,
    SHOWABLE_CONFIDENCE,
    ChannelKind,
    Confidence,
    LinkStatus,
    Scope,
    Service,
)
from directory.countries import country_name


class Country(models.Model):
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


class SourcedFact(models.Model):
    """Every fact shown to a witness says where it was read and when."""

    source_url = models.URLField(max_length=500)
    source_title = models.CharField(max_length=300)
    verified_on = models.DateField()
    confidence = models.CharField(max_length=12, choices=Confidence.choices)

    class Meta:
        abstract = True

    def source_record(self) -> records.Source:
        return records.Source(self.source_url, self.source_title, self.verified_on, self.confidence)


class ChannelQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(active=True, confidence__in=SHOWABLE_CONFIDENCE)

    def for_country(self, code: str):
        return self.filter(country_id=code)

    def international(self):
        return self.filter(country__isnull=True)

    def countries_with_mechanism(self) -> set[str]:
        """Codes of the countries with at least one official mechanism shown to witnesses."""
        return set(self.shown().filter(kind__in=OFFICIAL_KINDS).values_list("country_id", flat=True))


class Channel(SourcedFact):
    country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="channels",
        help_text=_("Empty for channels that serve every country."),
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=ChannelKind.choices)
    scope = models.CharField(max_length=10, choices=Scope.choices)
    url = models.URLField(max_length=500, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    phone_override = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("Why this short number stands although libphonenumber does not know it."),
    )
    email = models.EmailField(blank=True)
    languages = models.JSONField(default=list, blank=True)
    anonymous = models.BooleanField(null=True, blank=True)
    hours = models.CharField(max_length=200, blank=True)
    how_to = models.TextField(blank=True)
    inhope_member = models.BooleanField(default=False)
    active = models.BooleanField(default=True)
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
        ]

    def __str__(self) -> str:
        return self.name

    def to_record(self) -> records.Channel:
        return records.Channel(
            name=self.name,
            kind=self.kind,
            scope=self.scope,
            source=self.source_record(),
            country=self.country_id,
            url=self.url,
            phone=self.phone,
            phone_override=self.phone_override,
            email=self.email,
            languages=tuple(self.languages),
            anonymous=self.anonymous,
            hours=self.hours,
            how_to=self.how_to,
            inhope_member=self.inhope_member,
            active=self.active,
            link_status=self.link_status,
            link_checked_at=self.link_checked_at,
        )


class EmergencyNumber(SourcedFact):
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="emergency_numbers")
    service = models.CharField(max_length=20, choices=Service.choices)
    number = models.CharField(max_length=20)
    note = models.CharField(max_length=300, blank=True)
    override = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("Why this number stands although libphonenumber does not list it."),
    )
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
        return records.EmergencyNumber(
            service=self.service,
            number=self.number,
            source=self.source_record(),
            note=self.note,
            override=self.override,
        )


class Jurisdiction(SourcedFact):
    """What is known of a country's power to prosecute offences its people commit abroad."""

    country = models.OneToOneField(Country, on_delete=models.CASCADE, related_name="jurisdiction")
    nationals = models.BooleanField(null=True, blank=True)
    residents = models.BooleanField(null=True, blank=True)
    summary = models.TextField(blank=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Jurisdiction of {self.country_id}"

    def to_record(self) -> records.Jurisdiction:
        return records.Jurisdiction(
            source=self.source_record(),
            nationals=self.nationals,
            residents=self.residents,
            summary=self.summary,
        )


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
