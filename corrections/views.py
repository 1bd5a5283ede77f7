"""Receiving a note: check its ticket and its text, keep it for the country's maintainers, say thank you.

Every refusal is a page in the witness's language with a 4xx status and, wherever the ticket allows it, the
form again with their text in it, so that nothing they wrote is lost. No answer here is ever cached, and
none sets a cookie.
"""

import re

from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from corrections import limits, tickets
from corrections.models import MAX_LENGTH, Correction
from directory.countries import ISO_CODES, country_name, normalise_code
from directory.models import Country

# Control characters other than tab and newline: a NUL would make PostgreSQL refuse the row (a 500).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def form_context(codes, path: str, back: str, *, plan: bool, text: str = "", chosen: str = "") -> dict:
    """What the form needs: a fresh ticket for these countries and this page, and what to put back in it."""
    countries = tuple(dict.fromkeys(code for code in (normalise_code(c or "") for c in codes) if code in ISO_CODES))
    return {
        "ticket": tickets.issue(countries, path),
        "countries": countries,
        "chosen": chosen or (countries[0] if countries else ""),
        "back": back,
        "text": text,
        "limit": number_format(MAX_LENGTH, force_grouping=True),
        "max_length": MAX_LENGTH,
        "plan": plan,
    }


def _is_plan(path: str) -> bool:
    try:
        return resolve(path).url_name == "plan"
    except Resolver404:
        return False


def _back(ticket: tickets.Ticket, back: str) -> str:
    """Where "Back to the page" goes: the ticket's page, with the query it was sent with (a plan's answers,
    used for this link only and never stored); nothing else, so the link cannot be sent anywhere."""
    if back == ticket.path or (back.startswith(ticket.path + "?") and "\n" not in back and "\r" not in back):
        return back
    return ticket.path


def _answer(request, status: int, message: str, ticket=None, back: str = "", **form):
    context = {"message": message, "sent": status == 200}
    if ticket is not None:
        back = _back(ticket, back)
        context["back"] = back
        if status != 200:
            context["form"] = form_context(ticket.countries, ticket.path, back, plan=_is_plan(ticket.path), **form)
    return render(request, "corrections/answer.html", context, status=status)


@csrf_exempt  # no CSRF cookie on a public page: the signed ticket (tickets.py) defends the form instead
@never_cache
def send(request):
    if request.method in ("GET", "HEAD"):
        # The answer page's language links and a reloaded answer land here: the guide, in that language.
        return redirect("home")
    if request.method != "POST":
        return HttpResponseNotAllowed(
            ["POST"],
            "This address only takes the corrections form of a country page or a plan (POST).\n",
            content_type="text/plain; charset=utf-8",
        )
    data = request.POST
    text = CONTROL.sub("", data.get("text", "").replace("\r\n", "\n").replace("\r", "\n")).strip()
    back = data.get("back", "")
    chosen = normalise_code(data.get("country", ""))
    try:
        ticket = tickets.read(data.get("ticket", ""))
    except tickets.TooSoon as refused:
        message = _("That was sent a moment after the page opened. Please check your text and send it again.")
        return _answer(request, 400, message, refused.ticket, back, text=text, chosen=chosen)
    except tickets.TicketError as refused:
        message = _("This form has expired or did not come from our page. Your text is below: please send it again.")
        return _answer(request, 400, message, refused.ticket, back, text=text, chosen=chosen)
    if chosen not in ticket.countries or not Country.objects.filter(code=chosen).exists():
        message = _("Choose one of the countries of this page.")
        return _answer(request, 400, message, ticket, back, text=text)
    thanks = _(
        "Your note has reached the people who keep the information on %(country)s right. "
        "We cannot reply, but every note is read."
    ) % {"country": country_name(chosen)}
    if data.get("website"):
        # Only a script fills the field that people never see: it is told what a person is, and nothing is kept.
        return _answer(request, 200, thanks, ticket, back)
    if not text:
        return _answer(request, 400, _("Write what is wrong or out of date."), ticket, back, chosen=chosen)
    if len(text) > MAX_LENGTH:
        message = _("Please shorten it to at most %(limit)s characters.") % {
            "limit": number_format(MAX_LENGTH, force_grouping=True)
        }
        return _answer(request, 400, message, ticket, back, text=text, chosen=chosen)
    if not limits.allow(chosen):
        message = _("We have received many notes today. Please send yours again tomorrow; your text is below.")
        return _answer(request, 429, message, ticket, back, text=text, chosen=chosen)
    Correction.objects.forget_old()
    Correction.objects.create(
        country_id=chosen,
        page=ticket.path[:200],
        page_countries=",".join(sorted(ticket.countries)),
        text=text,
    )
    return _answer(request, 200, thanks, ticket, back)
