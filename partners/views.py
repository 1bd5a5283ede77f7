from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.csp import CSP
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override

from api.openapi import openapi_document
from directory.countries import ISO_CODES, countries_by_name, country_name, normalise_code
from directory.snapshot import current_directory
from lib.page_cache import public_page
from partners.posters import FORMATS, channel_lines, poster_facts, qr_code, wrap

# The widget is made to be framed by partners' pages, anywhere; it runs no script and loads only our CSS.
WIDGET_CSP = {**settings.SECURE_CSP, "frame-ancestors": ["*"], "script-src": [CSP.NONE]}


def _country_or_404(code: str) -> str:
    if normalise_code(code) not in ISO_CODES:
        raise Http404("No such country")
    return normalise_code(code)


def _guide_url(request, code: str) -> str:
    return request.build_absolute_uri(reverse("home")) + f"?happened={code}"


@xframe_options_exempt
@csp_override(WIDGET_CSP)
@public_page
def widget(request, code: str):
    code = _country_or_404(code)
    numbers = current_directory().country(code).shown_emergency_numbers()
    context = {"code": code, "number": numbers[0] if numbers else None, "guide_url": _guide_url(request, code)}
    return render(request, "partners/widget.html", context)


@public_page(reads=("country", "language"))
def partners(request):
    """How partners link to the guide: the widget snippet for a chosen country and language, posters."""
    code = normalise_code(request.GET.get("country", ""))
    code = code if code in ISO_CODES else ""
    language = request.GET.get("language", request.LANGUAGE_CODE)
    language = language if language in dict(settings.LANGUAGES) else request.LANGUAGE_CODE
    context = {"countries": countries_by_name(), "chosen": code, "chosen_language": language}
    if code:
        with override(language):
            widget_path = reverse("widget", args=[code.lower()])
            context["poster_a4"] = reverse("poster", args=[code.lower(), "a4"])
            context["poster_card"] = reverse("poster", args=[code.lower(), "card"])
        context["widget_path"] = widget_path
        context["widget_url"] = request.build_absolute_uri(widget_path)
    return render(request, "partners/partners.html", context)


@public_page
def poster(request, code: str, size: str):
    code = _country_or_404(code)
    if size not in FORMATS:
        raise Http404("No such format")
    record = current_directory().country(code)
    number, channel = poster_facts(record)
    url = _guide_url(request, code)
    context = {
        "code": code,
        "format": FORMATS[size],
        "size": size,
        "number": number,
        "channel": channel,
        "guide_url": url,
        "qr": qr_code(url),
        "lines": channel_lines(channel, size),
        "danger": [
            (19 + 4 * index, line) for index, line in enumerate(wrap(_("A child in danger right now? Call:"), 26))
        ]
        if size == "card"
        else [(70, _("A child in danger right now? Call:"))],
        "heading": [
            (36 + 9 * index, line)
            for index, line in enumerate(
                wrap(_("Saw a child being sexually exploited in %(name)s?") % {"name": country_name(code)}, 40)[:2]
            )
        ],
    }
    svg = render_to_string("partners/poster.svg", context, request=request)
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")


@public_page
def api_documentation(request):
    """The OpenAPI description, readable: generated from the same document, so it cannot drift."""
    document = openapi_document(request.build_absolute_uri("/api/v1"))
    operations = [
        {
            "path": path,
            "summary": item["get"]["summary"],
            "parameters": [
                {
                    "name": parameter["name"],
                    "required": parameter["required"],
                    "description": parameter.get("description", ""),
                    "values": _values(parameter["schema"]),
                }
                for parameter in item["get"].get("parameters", [])
            ],
            "statuses": sorted(item["get"]["responses"]),
        }
        for path, item in document["paths"].items()
    ]
    return render(request, "partners/api.html", {"operations": operations})


def _values(schema: dict) -> str:
    """Allowed values in a line: short lists in full; country lists as "an ISO code", plus any extras."""
    if "pattern" in schema:
        return _("an ISO 3166-1 alpha-2 code")
    values = [value or "(empty)" for value in schema.get("enum", [])]
    if not values:
        return schema.get("type", "")
    if len(values) <= 6:
        return ", ".join(values)
    extras = [value for value in values if value not in ISO_CODES]
    return ", ".join([_("an ISO 3166-1 alpha-2 code"), *extras])
