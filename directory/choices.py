"""Fixed vocabularies of the directory, shared by the data files, the models and the guide."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Confidence(models.TextChoices):
    VERIFIED = "verified", _("verified")
    SECONDARY = "secondary", _("secondary source")
    UNCONFIRMED = "unconfirmed", _("unconfirmed")


# Only these are shown to witnesses; unconfirmed leads stay in the data for maintainers.
SHOWABLE_CONFIDENCE = frozenset({Confidence.VERIFIED.value, Confidence.SECONDARY.value})


class ChannelKind(models.TextChoices):
    POLICE = "police", _("Police")
    GOVERNMENT = "government", _("Official body")
    HOTLINE = "hotline", _("Hotline for abuse material online")
    IWF_PORTAL = "iwf_portal", _("IWF reporting portal")
    REPORTING_POINT = "reporting_point", _("National reporting point")
    HELPLINE = "helpline", _("Child helpline")
    PARTNER = "partner", _("Partner organisation")
    TOURIST_POLICE = "tourist_police", _("Tourist police")
    EMBASSY = "embassy", _("Embassy or consulate")
    DIRECTORY = "directory", _("International directory")


# Whether a channel is official is a fact of its own (`official` in the data files). A reporting point is a
# place to report although an organisation runs it: it passes every report to the police.
REPORTING_KINDS = frozenset({"reporting_point"})
ONLINE_MATERIAL_KINDS = ("hotline", "iwf_portal")


class Scope(models.TextChoices):
    IN_PERSON = "in_person", _("Situations seen in person")
    ONLINE = "online", _("Material online")
    BOTH = "both", _("Both")


class LinkStatus(models.TextChoices):
    OK = "ok", _("Works")
    REDIRECTED = "redirected", _("Redirected")
    BROKEN = "broken", _("Broken")
    UNREACHABLE = "unreachable", _("Unreachable")


class Service(models.TextChoices):
    GENERAL = "general", _("All emergencies")
    POLICE = "police", _("Police")
    TOURIST_POLICE = "tourist_police", _("Tourist police")
    AMBULANCE = "ambulance", _("Ambulance")
    FIRE = "fire", _("Fire")


# The order in which a witness in danger sees the numbers.
SERVICE_ORDER = [service.value for service in Service]
