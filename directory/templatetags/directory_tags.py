"""Template helpers that present directory facts in the visitor's language."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import urlsplit

from babel.dates import format_date
from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language, ngettext, to_locale
from django.utils.translation import gettext as _

from directory.choices import ChannelKind, Service
from directory.countries import country_name, language_name
from directory.records import ENGLISH, Note, Source
from lib.dialling import Dialling, dialling

register = template.Library()


@register.filter
def country(code: str | None) -> str:
    return country_name(code) if code else ""


@register.filter
def languages(codes) -> str:
    return ", ".join(language_name(code) for code in codes)


@register.filter
def isolated(text: str) -> str:
    """Text set apart from the sentence around it (`<bdi>`): a Latin name in an Arabic sentence keeps its own
    direction, and the sentence's punctuation stays where it belongs."""
    return format_html("<bdi>{}</bdi>", text)


@register.filter
def kind_label(kind: str) -> str:
    return str(ChannelKind(kind).label)


@register.filter
def service_label(service: str) -> str:
    return str(Service(service).label)


@register.simple_tag
def dial(number: str, region: str | None, where_now: str | None = None) -> Dialling:
    """The number as it dials from where the witness is (see lib/dialling.py)."""
    return dialling(number, region, where_now)


@register.filter
def shared_source(numbers) -> Source | None:
    """The source most of a list's numbers share, when at least two do: cited once, below the list."""
    counts = Counter(number.source for number in numbers)
    if not counts:
        return None
    source, count = counts.most_common(1)[0]
    return source if count >= 2 else None


@register.filter
def web_address(url: str) -> str:
    """The address if it is a web page; nothing otherwise.

    Threat: a `javascript:` or `data:` address typed into the admin (or forced into the database) would run
    in a witness's browser when clicked; escaping does not stop it, so only http(s) may become a link.
    """
    return url if urlsplit(url or "").scheme in ("https", "http") else ""


# Opening hours as the data files write a service that never closes (141 of the channels): shown in the page's
# language. Any other hours are the source's own words, shown as written, marked English.
AROUND_THE_CLOCK = frozenset({"24/7", "24 hours", "24/7, including weekends and holidays", "Any day, any time"})


@dataclass(frozen=True)
class Shown:
    """A note's words as a page shows them, and the attributes that mark them when they are in another
    language than the page's (`lang="en" dir="ltr"`): a screen reader then reads them with the right voice."""

    words: str
    marked: str = ""


def _shown(words: str, language: str, page: str) -> Shown:
    if language == page:
        return Shown(words)
    direction = "rtl" if language in settings.LANGUAGES_BIDI else "ltr"
    return Shown(words, format_html(' lang="{}" dir="{}"', language, direction))


@register.filter
def noted(note: Note | str) -> Shown:
    """A note in the page's language where a maintainer gave it, else in English, marked as English."""
    page = get_language() or settings.LANGUAGE_CODE
    return _shown(*Note.of(note).in_language(page), page)


@register.filter
def hours_noted(hours: Note | str) -> Shown:
    """A channel's hours: as a maintainer gave them in the page's language; else, where the English says
    "around the clock", in the page's language from the catalogue; else the English, marked as English."""
    note, page = Note.of(hours), get_language() or settings.LANGUAGE_CODE
    words, language = note.in_language(page)
    if language == ENGLISH and note.english.strip() in AROUND_THE_CLOCK:
        return Shown(_("Around the clock, every day"))
    return _shown(words, language, page)


@register.filter
def anonymous_label(value: bool | None) -> str:
    if value is True:
        return _("Anonymous reports accepted")
    if value is False:
        return _("Anonymous reports not accepted")
    return ""


@register.filter
def long_date(value: date | datetime | None) -> str:
    """A date as people write it in the visitor's language ("2 July 2025", "2 ta’ Lulju 2025").

    From CLDR through Babel rather than Django's formats: Django has no month names or date format for
    several of our languages (Maltese dates came out in English).
    """
    if not value:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return _long_date(value, to_locale(get_language() or "en"))


@lru_cache(maxsize=16384)
def _long_date(value: date, locale: str) -> str:
    # Babel reads the locale's patterns for every call: a tenth of a millisecond, for each fact on a plan.
    return format_date(value, format="long", locale=locale)


@register.filter
def age(day: date, today: date | None = None) -> str:
    """How long ago a fact was checked, in one unit: days, weeks, months or years ("16 months").

    Our own words rather than Django's `timesince`: it counts hours from midnight (a fact checked today
    read "5 hours ago"), and Django has no Lithuanian or Maltese for it; every language we offer is complete.
    One unit, because the exact date stands beside it. An empty answer means today.
    """
    days = ((today or date.today()) - day).days
    months = days * 12 // 365
    if months >= 24:
        return ngettext("%(num)d year", "%(num)d years", months // 12) % {"num": months // 12}
    if months:
        return ngettext("%(num)d month", "%(num)d months", months) % {"num": months}
    if days >= 7:
        return ngettext("%(num)d week", "%(num)d weeks", days // 7) % {"num": days // 7}
    if days >= 1:
        return ngettext("%(num)d day", "%(num)d days", days) % {"num": days}
    return ""
