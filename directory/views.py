from django.http import Http404
from django.shortcuts import redirect, render

from directory.countries import ISO_CODES, countries_by_name, normalise_code
from directory.snapshot import current_directory
from lib.page_cache import public_page


@public_page
def country_list(request):
    directory = current_directory()
    countries = [
        (
            code,
            name,
            bool(record.mechanisms("in_person")),
            bool(record.mechanisms("online")),
            bool(record.police_numbers()),
        )
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
