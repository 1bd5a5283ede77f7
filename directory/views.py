from datetime import date, timedelta

from django.db.models import Sum
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from directory.countries import ISO_CODES, countries_by_name, normalise_code
from directory.coverage import CountryCoverage, coverage_report
from directory.snapshot import current_directory
from directory.world_map import STATUS_COLOURS, coverage_map, status_of
from dontlookaway.caching import public_page
from guide.models import PlanCount
from guide.usage import public_figure


@public_page
def country_list(request):
    directory = current_directory()
    countries = [
        (code, name, bool(record.mechanisms("in_person")), bool(record.mechanisms("online")))
        for code, name in countries_by_name()
        for record in [directory.country(code)]
    ]
    return render(request, "directory/country_list.html", {"countries": countries})


@public_page
def country_detail(request, code: str):
    if normalise_code(code) in ISO_CODES and code != code.lower():
        return redirect("country_detail", code=code.lower(), permanent=True)
    code = normalise_code(code)
    if code not in ISO_CODES:
        raise Http404("No such country")
    directory = current_directory()
    record = directory.country(code)
    channels = record.shown_channels()
    context = {
        "code": code,
        "record": record,
        "numbers": record.shown_emergency_numbers(),
        "police": record.police_numbers(),
        "places": [c for c in channels if c.place_to_report],
        "alternatives": [c for c in channels if not c.place_to_report],
        "international": [c for c in directory.international if c.shown],
        "law": record.shown_jurisdiction(),
    }
    return render(request, "directory/country_detail.html", context)


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
    return render(request, "directory/about_data.html", context)


@public_page
def coverage_map_svg(request):
    _report, entries = _coverage()
    svg = coverage_map(entries, _status_labels())
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
