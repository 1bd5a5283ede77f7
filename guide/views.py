import functools
import hashlib
import sys
from datetime import date
from functools import lru_cache

import segno
from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_from_path, override
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page

from directory.countries import ISO_CODES, browser_region, countries_by_name, language_name, normalise_code
from directory.snapshot import current_directory
from guide import report, usage
from guide.forms import PICKER, PlanForm
from guide.not_sure import CRIME_SOURCES, DOUBT_SOURCES, SIGNS, lanes
from guide.routing import build_plan
from lib.accept_language import preferred_language
from lib.dialling import dialling_place
from lib.page_cache import public_page
from lib.read_only import read_only

# Bump when the worker's own logic changes, so browsers replace their saved copies.
SERVICE_WORKER_REVISION = "6"


@read_only
def choose_language(request):
    """Send `/` to the visitor's language, chosen from the browser's header alone (no cookie)."""
    supported = [code for code, _ in settings.LANGUAGES]
    language = preferred_language(request.headers.get("Accept-Language"), supported, settings.LANGUAGE_CODE)
    with override(language):
        response = HttpResponseRedirect(reverse("home"))
    patch_vary_headers(response, ["Accept-Language"])
    return response


def _home_form(request) -> PlanForm:
    """An unbound form, pre-filled from a shared link's answers or the browser's language region."""
    initial = {name: request.GET[name] for name in PlanForm.base_fields if name in request.GET}
    if "lives" not in initial:
        hint = browser_region(request)
        if hint:
            initial["lives"] = hint
    return PlanForm(initial=initial)


@public_page(region=browser_region, reads=PlanForm.base_fields)
def home(request):
    response = render(request, "guide/home.html", {"form": _home_form(request)})
    patch_vary_headers(response, ["Accept-Language"])
    return response


def prefetched(request) -> bool:
    """Fetched ahead of time, not opened by a person: our service worker says `Purpose: prefetch` (a script
    may not set `Sec-` headers), browsers' own prefetching `Sec-Purpose: prefetch` (or `prefetch;prerender`)."""
    purposes = f"{request.headers.get('Purpose', '')};{request.headers.get('Sec-Purpose', '')}"
    return "prefetch" in purposes.lower()


def counted(view):
    """Count each completed plan, served from the cache or not (see guide/usage.py: nothing personal), unless the
    proxy in front counts it (every plan it serves, from its cache or not)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        counted_by_proxy = request.headers.get("X-Plans-Counted-By") == "proxy"
        if response.status_code == 200 and not prefetched(request) and not counted_by_proxy:
            answers = request.GET
            usage.record(answers.get("happened", ""), answers.get("lives", ""), answers.get("seen", ""))
        return response

    return wrapper


# Compressed here, not only by the proxy: a 400 page with the answers to fix is a page too, and nginx
# compresses only successful answers. Public pages hold no secret, so compression leaks nothing.
@gzip_page
@counted
@public_page(reads=PlanForm.base_fields)
def plan(request):
    form = PlanForm(request.GET)
    if not form.is_valid():
        return render(request, "guide/home.html", {"form": form, "invalid": True}, status=400)
    answers = form.answers()
    result = build_plan(answers, current_directory())
    plan_url = request.build_absolute_uri()
    context = {
        "plan": result,
        "steps": [(step, _dialled_from(step, answers.where_now)) for step in result.steps],
        "answers": answers,
        "query": request.GET.urlencode(),
        "plan_url": plan_url,
        "qr_svg": plan_qr(plan_url),
        "today": date.today(),
    }
    return render(request, "guide/plan.html", context)


def _dialled_from(step, where_now: str | None) -> str | None:
    """Where the step's numbers are dialled from, as far as they can tell: a rendered step then serves every
    plan whose witness is in any other country (the same numbers dial the same from all of them)."""
    numbers = [(channel.phone, channel.country) for channel in (*step.channels, *step.alternatives) if channel.phone]
    numbers += [(number.number, step.country) for number in step.police_numbers]
    return dialling_place(numbers, where_now)


@lru_cache(maxsize=1024)
def plan_qr(url: str) -> str:
    """The plan's address as a QR code, for the printed plan: one SVG path, drawn here, no request to anyone."""
    # A fixed mask: as valid as the best one, and choosing the best would cost more than the rest of the page.
    svg = segno.make(url, error="m", micro=False, mask=2).svg_inline(scale=2, border=4, omitsize=True)
    label = escape(_("QR code of this plan’s address"))
    return mark_safe(svg.replace("<svg ", f'<svg class="qr" role="img" aria-label="{label}" ', 1))  # noqa: S308 - segno's SVG


@public_page(region=browser_region, reads=("country",))
def emergency(request):
    """The one-tap path for a child in danger now: pick the country you are in, see its numbers."""
    code = normalise_code(request.GET.get("country", ""))
    if not code:
        hint = browser_region(request)
        context: dict[str, object] = {"chosen": None, "hint": hint, "countries": countries_by_name(), "picker": PICKER}
        response = render(request, "guide/emergency.html", context)
        patch_vary_headers(response, ["Accept-Language"])
        return response
    if code not in ISO_CODES:
        context = {"chosen": None, "error": True, "countries": countries_by_name(), "picker": PICKER}
        return render(request, "guide/emergency.html", context, status=400)
    record = current_directory().country(code)
    context = {"chosen": code, "record": record, "numbers": record.shown_emergency_numbers()}
    return render(request, "guide/emergency.html", context)


@public_page(reads=("to",))
def write_it_down(request):
    """The report composer: the witness writes the report on their own device, and nothing comes back here.

    Threat: a link that names where to send the report (`?to=`) could send it to whoever made the link. Only
    an address the directory itself gives for a channel is used; any other is ignored.
    """
    channel = current_directory().channel_with_email(request.GET.get("to", ""))
    language = report.report_language(channel)
    titles = report.headings(language)
    context = {
        "channel": channel,
        "parts": [(name, question, rows, titles[name]) for name, question, rows in report.PARTS],
        "subject": titles["subject"],
        "report_language": language,
        "report_language_name": language_name(language) if language else "",
    }
    return render(request, "guide/write_it_down.html", context)


@public_page(reads=PlanForm.base_fields)
def not_sure(request):
    """The "Not sure?" page: the signs to look for, and two lanes — a crime seen goes to the police, a doubt to
    those who assess one. Reached from a plan (its answers in the address), the lanes name that plan's own channels."""
    context: dict[str, object] = {"signs": SIGNS, "crime_sources": CRIME_SOURCES, "doubt_sources": DOUBT_SOURCES}
    if not request.GET:
        return render(request, "guide/not_sure.html", context)
    form = PlanForm(request.GET)
    if not form.is_valid():
        context["errors"] = [error for field in form for error in field.errors]
        return render(request, "guide/not_sure.html", context, status=400)
    answers = form.answers()
    context |= {
        "lanes": lanes(build_plan(answers, current_directory())),
        "where": answers.where_now,
        "query": request.GET.urlencode(),
    }
    return render(request, "guide/not_sure.html", context)


@public_page(reads=("to", *PlanForm.base_fields))
def my_reports(request):
    """The "My reports" page: where and when the witness reported, and the reference number they were given, kept
    only in this browser (static/js/my-reports.js); the page itself holds nothing of theirs.

    Threat: as for the composer, a link could name a follow-up address (`?to=`) of whoever made it. Only an
    address the directory itself gives for a channel is offered; any other is ignored.
    """
    channel = current_directory().channel_with_email(request.GET.get("to", ""))
    plan = PlanForm(request.GET)
    query = request.GET.copy()
    query.pop("to", None)
    context = {"channel": channel, "plan_query": query.urlencode() if plan.is_valid() else ""}
    return render(request, "guide/my_reports.html", context)


@public_page(reads=("country",))
def offline(request):
    """What a witness sees with no connection: the emergency numbers of the country last looked at."""
    given = normalise_code(request.GET.get("country", ""))
    code = given if given in ISO_CODES else None
    numbers = current_directory().country(code).shown_emergency_numbers() if code else ()
    return render(request, "guide/offline.html", {"chosen": code, "numbers": numbers})


@read_only
def service_worker(request):
    """The offline worker, served from the root so that it can look after every page of the site."""
    # Only the few static files up front: pages are kept as they are visited, on a costly connection.
    # The scripts of the pages that work offline come too: a kept page without its script would do nothing.
    scripts = ("offline", "print", "quick-exit", "kept", "composer", "my-reports")
    precache = [static("css/site.css"), *(static(f"js/{name}.js") for name in scripts)]
    version = hashlib.sha256(("|".join(precache) + SERVICE_WORKER_REVISION).encode()).hexdigest()[:12]
    response = render(
        request, "guide/sw.js", {"precache": precache, "version": version}, content_type="text/javascript"
    )
    response["Cache-Control"] = "no-cache"
    return response


@public_page
def manifest(request):
    return render(request, "guide/manifest.webmanifest", content_type="application/manifest+json")


@public_page
def robots(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def server_error(request):
    """The 5xx page: the site's own, with the emergency link and the languages, and nothing from the database.

    When the database is what failed (the back office, with the database down), it says so with a 503 and a
    time to try again; the public guide answers from memory meanwhile (directory/snapshot.py).
    """
    failure = sys.exc_info()[1]
    status = 503 if isinstance(failure, DatabaseError) else 500
    if request.path_info.startswith("/api/"):
        # A program reads the API: it gets JSON in the API's own error shape, never an HTML page.
        message = "Please try again shortly." if status == 503 else "Something went wrong on our side."
        response: HttpResponse = JsonResponse({"error": {"parameter": "", "message": message}}, status=status)
    else:
        response = _error_page(request, status)
    if status == 503:
        response["Retry-After"] = "30"
    return response


def _error_page(request, status: int) -> HttpResponse:
    try:
        with override(get_language_from_path(request.path_info) or settings.LANGUAGE_CODE):
            return render(request, "500.html", status=status)
    except Exception:  # the error page must answer whatever broke
        return HttpResponse(
            '<!doctype html><title>Error</title><p>Something went wrong. <a href="/en/emergency/">Emergency</a>',
            status=status,
        )
