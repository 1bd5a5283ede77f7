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
    HELPLINE = "helpline", _("Child helpline")
    PARTNER = "partner", _("Partner organisation")
    TOURIST_POLICE = "tourist_police", _("Tourist police")
    EMBASSY = "embassy", _("Embassy or consulate")
    DIRECTORY = "directory", _("International directory")


# Official reporting mechanisms; every other kind is an alternative and is labelled as one.
OFFICIAL_KINDS = frozenset({"police", "government", "hotline", "iwf_portal"})
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
