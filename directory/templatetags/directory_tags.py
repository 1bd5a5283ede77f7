"""Template helpers that present directory facts in the visitor's language."""

from datetime import date
from urllib.parse import urlsplit

import phonenumbers
from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from directory.choices import ChannelKind, Service
from directory.countries import country_name, language_name

register = template.Library()


@register.filter
def country(code: str | None) -> str:
    return country_name(code) if code else ""


@register.filter
def languages(codes) -> str:
    return ", ".join(language_name(code) for code in codes)


@register.filter
def kind_label(kind: str) -> str:
    return ChannelKind(kind).label


@register.filter
def service_label(service: str) -> str:
    return Service(service).label


@register.filter
def tel_href(number: str, region: str | None = None) -> str:
    """A tel: link that dials from a phone in the country (short numbers stay short)."""
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return "tel:" + "".join(char for char in number if char.isdigit() or char == "+")
    if phonenumbers.is_valid_number(parsed) and number.strip().startswith("+"):
        return "tel:" + phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return "tel:" + "".join(char for char in number if char.isdigit())


@register.filter
def web_address(url: str) -> str:
    """The address if it is a web page; nothing otherwise.

    Threat: a `javascript:` or `data:` address typed into the admin (or forced into the database) would run
    in a witness's browser when clicked; escaping does not stop it, so only http(s) may become a link.
    """
    return url if urlsplit(url or "").scheme in ("https", "http") else ""


@register.filter
def anonymous_label(value: bool | None) -> str:
    if value is True:
        return _("Anonymous reports accepted")
    if value is False:
        return _("Anonymous reports not accepted")
    return ""


@register.filter
def age(day: date, today: date | None = None) -> str:
    """How long ago a fact was checked, in whole days, weeks, months or years ("1 year, 4 months").

    Our own words rather than Django's `timesince`: it counts hours from midnight (a fact checked today
    read "5 hours ago"), and Django has no Lithuanian or Maltese for it; every language we offer is complete.
    An empty answer means today.
    """
    days = ((today or date.today()) - day).days
    years, months = divmod(days * 12 // 365, 12)
    if years:
        parts = [ngettext("%(num)d year", "%(num)d years", years) % {"num": years}]
        if months:
            parts.append(ngettext("%(num)d month", "%(num)d months", months) % {"num": months})
        return ", ".join(parts)
    if months:
        return ngettext("%(num)d month", "%(num)d months", months) % {"num": months}
    if days >= 7:
        return ngettext("%(num)d week", "%(num)d weeks", days // 7) % {"num": days // 7}
    if days >= 1:
        return ngettext("%(num)d day", "%(num)d days", days) % {"num": days}
    return ""
