"""sitemap.xml: every public page in every language, each with its hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from content.models import Entry, Kind
from directory.countries import ISO_CODES


class _Multilingual(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 2000


class Guide(_Multilingual):
    priority = 1.0

    def items(self):
        return ["home", "emergency", "country_list", "article_list", "partners"]

    def location(self, name):
        return reverse(name)


class Countries(_Multilingual):
    priority = 0.8

    def items(self):
        return sorted(ISO_CODES)

    def location(self, code):
        return reverse("country_detail", args=[code.lower()])


class Entries(_Multilingual):
    def items(self):
        return list(Entry.objects.published().order_by("slug"))

    def location(self, entry):
        return reverse("article" if entry.kind == Kind.ARTICLE else "page", args=[entry.slug])

    def lastmod(self, entry):
        return entry.published_at


SITEMAPS = {"guide": Guide, "countries": Countries, "entries": Entries}
