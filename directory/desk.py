"""A country's desk in the back office: everything about one country on one page, for the editor who keeps it.

Its channels, numbers and law, each with its confidence, the age of its source and its link's state; what the
plan shows for the country when a witness saw something in person and online; the changes waiting for
approval; the country's whole history in one list; and "checked today" for many facts at once.
"""

from dataclasses import dataclass
from datetime import date

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render

from directory import reviews
from directory.countries import ISO_CODES, country_name, normalise_code
from directory.loading import read_directory
from directory.models import Channel, Country, EmergencyNumber, Jurisdiction, PendingChange
from directory.permissions import editable_countries
from directory.records import CountryRecord

HISTORY_LENGTH = 150
KINDS = {"channel": Channel, "number": EmergencyNumber, "law": Jurisdiction}


class CheckedTodayForm(forms.Form):
    """The facts read again today, and the source they were read in (else each one's own)."""

    facts = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, label="Facts checked today")
    source_url = forms.URLField(
        required=False,
        assume_scheme="https",
        label="Source read (https)",
        help_text="Empty: each fact's own source, read again today.",
    )
    source_title = forms.CharField(required=False, max_length=300, label="Its title")
    source_published = forms.RegexField(
        r"^\d{4}(-\d{2}(-\d{2})?)?$",
        required=False,
        label="The page's own date",
        help_text="YYYY, YYYY-MM or YYYY-MM-DD, as the page shows it; empty when it shows none.",
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facts"].choices = choices  # type: ignore[attr-defined]  # a MultipleChoiceField

    def clean(self):
        super().clean()
        data = self.cleaned_data
        url = data.get("source_url") or ""
        if url and not url.startswith("https://"):
            self.add_error("source_url", "Sources are https addresses.")
        if url and not data.get("source_title"):
            self.add_error("source_title", "Give the title of the page read.")
        return data


@dataclass(frozen=True)
class PlanShows:
    """What the plan says for this country, for one way of seeing it."""

    places: tuple[str, ...]
    police: tuple[str, ...]
    alternatives: tuple[str, ...]


def plan_shows(record: CountryRecord, seen: str) -> PlanShows:
    """The places to report the plan lists, else the police numbers it falls back to, and the alternatives."""
    places = record.mechanisms(seen)
    return PlanShows(
        places=tuple(channel.name for channel in places),
        police=() if places else tuple(number.number for number in record.police_numbers()),
        alternatives=tuple(channel.name for channel in record.alternatives(seen)),
    )


def _age(day: date | None, today: date) -> int | None:
    return (today - day).days if day else None


def _history(code: str) -> list:
    """The country's changes, newest first: every channel, number and law record in one list."""
    entries = []
    for model in KINDS.values():
        queryset = model.history.filter(country_id=code).select_related("history_user").order_by("-history_date")
        entries.extend(queryset[:HISTORY_LENGTH])
    entries.sort(key=lambda entry: entry.history_date, reverse=True)
    entries = entries[:HISTORY_LENGTH]
    for entry in entries:
        previous = entry.prev_record
        entry.changed_fields = (
            [change.field for change in entry.diff_against(previous).changes] if previous is not None else []
        )
    return entries


def _rows(code: str, today: date) -> dict[str, list]:
    channels = list(Channel.objects.filter(country_id=code).order_by("position"))
    numbers = list(EmergencyNumber.objects.filter(country_id=code).order_by("position"))
    law = list(Jurisdiction.objects.filter(country_id=code))
    for row in (*channels, *numbers, *law):
        row.source_age = _age(row.source_record().dated, today)
    return {"channel": channels, "number": numbers, "law": law}


def desk_view(request, code: str, admin_site):
    code = normalise_code(code)
    if code not in ISO_CODES:
        raise Http404("No such country.")
    allowed = editable_countries(request.user)
    if allowed is not None and code not in allowed:
        raise PermissionDenied("You may only see the countries assigned to you.")
    today = date.today()
    rows = _rows(code, today)
    choices = [(f"{kind}-{row.pk}", str(row)) for kind, kind_rows in rows.items() for row in kind_rows]
    form = CheckedTodayForm(request.POST or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        return _checked_today(request, code, rows, form.cleaned_data)
    record = read_directory([code]).country(code)
    context = {
        **admin_site.each_context(request),
        "title": f"{country_name(code, 'en')} ({code})",
        "code": code,
        "rows": rows,
        "in_person": plan_shows(record, "in_person"),
        "online": plan_shows(record, "online"),
        "pending": PendingChange.objects.filter(country_id=code, state=PendingChange.State.PENDING),
        # The public's notes (the corrections app), reached through the country so the directory imports no app.
        "notes": Country.objects.get(code=code).corrections.filter(state="new")[:50],
        "history": _history(code),
        "form": form,
        "stale_after": 730,
    }
    return render(request, "admin/directory/desk.html", context, status=400 if form.errors else 200)


def _checked_today(request, code: str, rows: dict[str, list], data: dict):
    """Today's date, and the source when one is given, on every fact ticked: each saved as its own change."""
    by_choice = {f"{kind}-{row.pk}": row for kind, kind_rows in rows.items() for row in kind_rows}
    fields = ["verified_on"] + (["source_url", "source_title", "source_published"] if data["source_url"] else [])
    reason = "checked today" + (f" in {data['source_title']}" if data["source_url"] else "")
    waiting = reviews.needs_review(request.user)
    for choice in data["facts"]:
        row = by_choice[choice]
        row.verified_on = date.today()
        if data["source_url"]:
            row.source_url, row.source_title = data["source_url"], data["source_title"]
            row.source_published = data["source_published"] or ""
        if waiting:
            reviews.propose(row, fields, request.user, reason[:100])
        else:
            row._history_user, row._change_reason = request.user, reason[:100]
            row.save()
    count = len(data["facts"])
    messages.success(
        request,
        f"{count} fact(s) of {code} marked as checked today"
        + (", waiting for a coordinator's approval." if waiting else "."),
    )
    return redirect("admin:directory_desk", code=code)
