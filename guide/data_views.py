"""About our data: how complete and fresh the directory is, and how the guide is used (counts only)."""

from datetime import date, timedelta

from django.db.models import Sum
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from directory.coverage import CountryCoverage, coverage_report
from directory.snapshot import current_directory
from directory.world_map import STATUS_COLOURS, coverage_map, status_of
from guide.models import PlanCount
from guide.usage import public_figure
from lib.page_cache import public_page


def _coverage():
    report = coverage_report(current_directory(), today=date.today())
    entries = [CountryCoverage(**row) for row in report["countries"]]
    return report, entries


def _status_labels() -> dict[str, str]:
    return {
        "complete": _("verified mechanism, checked recently"),
        "partial": _("mechanism known, not yet verified on the official site"),
        "stale": _("mechanism known, but not checked for more than two years"),
        "missing": _("no known official mechanism"),
        "map": _("World map of the countries by the state of their reporting information"),
    }


@public_page
def about_data(request):
    report, entries = _coverage()
    labels = _status_labels()
    counts = {status: 0 for status in STATUS_COLOURS}
    for entry in entries:
        counts[status_of(entry)] += 1
    since = date.today() - timedelta(days=30)
    by_country = (
        PlanCount.objects.filter(day__gt=since).values("happened").annotate(total=Sum("count")).order_by("-total")
    )
    context = {
        "plans": [(row["happened"], public_figure(row["total"])) for row in by_country[:20]],
        "report": report,
        "statuses": [(status, labels[status], STATUS_COLOURS[status], counts[status]) for status in STATUS_COLOURS],
    }
    return render(request, "guide/about_data.html", context)


@public_page
def coverage_map_svg(request):
    _report, entries = _coverage()
    svg = coverage_map(entries, _status_labels())
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
