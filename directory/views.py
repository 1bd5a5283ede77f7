from django.http import Http404
from django.shortcuts import redirect, render

from directory.countries import ISO_CODES, countries_by_name, normalise_code
from directory.loading import read_directory
from directory.models import Channel
from dontlookaway.caching import public_page


@public_page
def country_list(request):
    with_mechanism = Channel.objects.countries_with_mechanism()
    countries = [(code, name, code in with_mechanism) for code, name in countries_by_name()]
    return render(request, "directory/country_list.html", {"countries": countries})


@public_page
def country_detail(request, code: str):
    if normalise_code(code) in ISO_CODES and code != code.lower():
        return redirect("country_detail", code=code.lower(), permanent=True)
    code = normalise_code(code)
    if code not in ISO_CODES:
        raise Http404("No such country")
    directory = read_directory([code])
    record = directory.country(code)
    channels = record.shown_channels()
    context = {
        "code": code,
        "record": record,
        "numbers": record.shown_emergency_numbers(),
        "official": [c for c in channels if c.official],
        "alternatives": [c for c in channels if not c.official],
        "international": [c for c in directory.international if c.shown],
        "law": record.jurisdiction if record.jurisdiction and record.jurisdiction.source.showable else None,
    }
    return render(request, "directory/country_detail.html", context)
