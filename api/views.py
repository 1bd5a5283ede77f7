"""The read-only JSON API, /api/v1/: documented in docs/api.md and /api/v1/openapi.json."""

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import override

from api.http import json_error, open_data
from api.openapi import openapi_document
from api.serializers import channel_dict, channel_filters, country_dict, country_summary, plan_dict
from directory.countries import ISO_CODES, countries_by_name, normalise_code
from directory.records import Type
from directory.snapshot import current_directory
from guide.forms import PlanForm
from guide.routing import build_plan

LANGUAGES = [code for code, _ in settings.LANGUAGES]


def _language(request) -> str | None:
    language = request.GET.get("lang", settings.LANGUAGE_CODE)
    return language if language in LANGUAGES else None


def _bad_language() -> JsonResponse:
    return json_error("lang", f"Unknown language; use one of {', '.join(LANGUAGES)}.")


@open_data
def plan(request):
    """GET /api/v1/plan?happened=TH&lives=BE&nationality=FR&danger=yes&seen=in_person[&lang=fr]"""
    language = _language(request)
    if not language:
        return _bad_language()
    with override(language):
        form = PlanForm(request.GET)
        if not form.is_valid():
            parameter, messages = next(iter(form.errors.items()))
            return json_error(parameter, " ".join(str(message) for message in messages))
        answers = form.answers()
        return JsonResponse(plan_dict(build_plan(answers, current_directory())))


@open_data
def countries(request):
    language = _language(request)
    if not language:
        return _bad_language()
    with override(language):
        directory = current_directory()
        items = [country_summary(directory.country(code)) for code, _name in countries_by_name(language)]
        return JsonResponse({"countries": items})


@open_data
def country(request, code: str):
    language = _language(request)
    if not language:
        return _bad_language()
    code = normalise_code(code)
    if code not in ISO_CODES:
        return json_error("code", f"{code} is not an ISO 3166-1 alpha-2 country code.", status=404)
    with override(language):
        return JsonResponse(country_dict(current_directory().country(code)))


@open_data
def channels(request):
    """Every channel shown to witnesses, with its source.

    ?country=TH narrows to one country; each yes/no fact and fixed choice of a channel filters too
    (?anonymous=true&reports_from_abroad=true&kind=police): a channel whose answer is unknown is left out.
    """
    wanted = {}
    for name, spec in channel_filters().items():
        if name not in request.GET:
            continue
        value = request.GET[name]
        allowed = ["true", "false"] if spec.type == Type.FLAG else [choice.value for choice in spec.choices]
        if value not in allowed:
            return json_error(name, f"{value!r} is not one of {', '.join(allowed)}.")
        wanted[name] = value == "true" if spec.type == Type.FLAG else value
    directory = current_directory()
    if "country" in request.GET:
        code = normalise_code(request.GET["country"])
        if code not in ISO_CODES:
            return json_error("country", f"{code} is not an ISO 3166-1 alpha-2 country code.", status=404)
        shown = directory.country(code).shown_channels()
    else:
        shown = tuple(c for c in directory.international if c.shown) + tuple(
            channel for code in sorted(directory.countries) for channel in directory.countries[code].shown_channels()
        )
    chosen = [c for c in shown if all(getattr(c, name) == value for name, value in wanted.items())]
    return JsonResponse({"channels": [channel_dict(channel) for channel in chosen]})


@open_data
def openapi(request):
    return JsonResponse(openapi_document(request.build_absolute_uri("/api/v1")))


@open_data
def not_found(request, rest: str):
    """An address under /api/v1/ that names no operation: a JSON error, like every other the API gives."""
    return json_error("path", "No such operation; the operations are listed in /api/v1/openapi.json.", status=404)
