"""The admin's forms for the directory: they refuse exactly what the data checker refuses.

Threat: a maintainer saves a number that does not connect, an `http://` address or a date in 2099; the
public sees it at once, and the next export no longer loads (a deploy would stop on it). So each form
builds the entry its row would be in the exported file — through the exporter itself, in YAML and back —
and asks the checker (`directory.dataset.entry_problems`) about it: the rules are written once, in the
checker, and each of its messages is shown beside the field it is about.
"""

from datetime import date
from functools import cache
from typing import Any

import yaml
from django import forms
from django.conf import settings
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.utils.html import format_html, format_html_join

from directory import records
from directory.choices import ChannelKind, Confidence
from directory.countries import language_name
from directory.dataset import KNOWN_LANGUAGES, entry_problems
from directory.export import dump, entry_of
from directory.models import Channel, EmergencyNumber, Jurisdiction
from directory.records import ENGLISH, Note, Source, Type, column_of, facts, has_source

# What each kind means: DATA.md, "Kinds of channel".
KIND_MEANINGS = {
    ChannelKind.POLICE: "a police reporting channel (web form, phone line, e-mail, a police station's page).",
    ChannelKind.GOVERNMENT: "another official body that takes reports (a ministry's portal, a regulator, a state "
    "child line that passes reports to the authorities).",
    ChannelKind.HOTLINE: "a hotline for child sexual abuse material online, usually an INHOPE member.",
    ChannelKind.IWF_PORTAL: "an IWF reporting portal for the country.",
    ChannelKind.REPORTING_POINT: "a national reporting point an organisation runs with the police, passing every "
    "report on to them; give “Run by” and “Passes to”. Always a place to report.",
    ChannelKind.HELPLINE: "the national child helpline (116 111, 1098 …) run by an organisation.",
    ChannelKind.PARTNER: "a partner organisation (an ECPAT member or similar) that can advise.",
    ChannelKind.TOURIST_POLICE: "a tourist police service that takes reports (it is the police: official).",
    ChannelKind.EMBASSY: "guidance on contacting one's embassy or consulate.",
    ChannelKind.DIRECTORY: "an international directory or global fallback: for channels without a country only.",
}
# What each confidence means: DATA.md, "Confidence" and "One rule for labels".
CONFIDENCE_MEANINGS = {
    Confidence.VERIFIED: "read on the body's own site or its government's, on the day above. Not press articles, "
    "press-release wires, NGO reposts or encyclopaedias.",
    Confidence.SECONDARY: "read in a reliable secondary source that names its own (a compiled list, an NGO "
    "network, a press article, Wikipedia); shown to witnesses with its date.",
    Confidence.UNCONFIRMED: "a lead only: kept for maintainers, never shown to witnesses.",
}


def _meanings(lead: str, meanings: dict) -> str:
    items = format_html_join("", "<li><b>{}</b>: {}</li>", ((choice.label, text) for choice, text in meanings.items()))
    return format_html('{}<ul class="choice-meanings">{}</ul>', lead, items)


HELP = {
    "kind": _meanings("What the channel is. Whether it is official is its own field, below.", KIND_MEANINGS),
    "official": "Tick when the state runs it: the police, a ministry, a public body, or a hotline the authorities "
    "recognise. Leave it unticked for an organisation's line. The guide lists official channels and national "
    "reporting points as places to report; everything else is shown as an alternative, labelled as one.",
    "scope": "What it takes reports of: situations seen in person, material online, or both. The guide offers it "
    "only to a witness who saw that.",
    "confidence": _meanings("How sure the fact is, from where it was read:", CONFIDENCE_MEANINGS),
    "languages": "The languages reports are taken in. Choose on the left (type to filter); the chosen ones are on "
    "the right.",
    "number": "Digits only, as dialled inside the country. It must be an emergency number of the country for "
    "libphonenumber, or have an override saying why it stands.",
}


@cache
def language_choices() -> tuple[tuple[str, str], ...]:
    """Every language the data files accept, by its English name from CLDR: ("th", "Thai (th)")."""
    named = ((code, language_name(code, "en")) for code in KNOWN_LANGUAGES)
    return tuple((code, f"{name} ({code})") for code, name in sorted(named, key=lambda pair: pair[1].casefold()))


def columns(record_class: type, *after: str) -> list[str]:
    """A form's fields: the row's country, its facts and its source's in the order of the data files, then `after`."""
    parts = [record_class, Source] if has_source(record_class) else [record_class]
    return ["country", *(column_of(name, spec) for part in parts for name, spec, _ in facts(part)), *after]


class NoteField(forms.Field):
    """A note in the admin: the English words, then a line `fr: …` for each other language given.

    A line that starts with a site language's code and a colon begins that language's words; lines without
    one go on with the language before (English at the start). Stored as {"en": …, "fr": …}.
    """

    widget = forms.Textarea(attrs={"rows": 3})
    help = (
        "The English words. To give the same words in another language of the site, add a line for each that "
        "starts with its code and a colon, e.g. “fr: Appelez le 1300.”. Pages in a language without a line show "
        "the English, marked as English."
    )

    def __init__(self, *, label: Any, max_length: int | None, help_text: str = ""):
        super().__init__(label=label, required=False, help_text=f"{help_text} {self.help}".strip())
        self.words_limit = max_length

    def prepare_value(self, value):
        return self.lines(self.to_python(value))

    @staticmethod
    def lines(value) -> str:
        """A note as the field shows it: the English words alone, or a line per language."""
        return Note.of(value).written("\n")

    def to_python(self, value) -> dict[str, str]:
        if not isinstance(value, str):  # the row's own value: a mapping (or, from old code, None)
            return Note.of(value).as_mapping()
        words: dict[str, list[str]] = {}
        language = ENGLISH
        for line in (value or "").splitlines():
            code, colon, rest = line.partition(":")
            if colon and code.strip() in settings.LANGUAGE_CODES:
                language, line = code.strip(), rest
            if line.strip():
                words.setdefault(language, []).append(line.strip())
        return {language: " ".join(lines) for language, lines in words.items()}

    def validate(self, value: dict[str, str]) -> None:
        if value and not value.get(ENGLISH):
            raise forms.ValidationError("Give the English words first: they are shown where no translation is.")
        for language, words in value.items():
            if self.words_limit and len(words) > self.words_limit:
                raise forms.ValidationError(
                    f"The {language} words are {len(words)} characters long; at most {self.words_limit} fit."
                )


class ReasonForm(forms.ModelForm):
    change_reason = forms.CharField(
        required=False, max_length=100, help_text="Why this change? Kept in the history with your name."
    )


class CheckedForm(ReasonForm):
    """A row's form that refuses what the data checker would refuse in the exported file (see the module)."""

    record_class: type

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, spec, _default in facts(self.record_class):
            column = column_of(name, spec)
            if spec.type == Type.NOTE and column in self.fields:
                field = self.fields[column]
                self.fields[column] = NoteField(label=field.label, max_length=spec.max_length, help_text=spec.help)
        for name, text in HELP.items():
            if name in self.fields:
                self.fields[name].help_text = text

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        country = cleaned.get("country")
        code = country.code if country is not None else None
        partial = bool(self.errors) or (code is None and self.record_class is not records.Channel)
        entry = self._entry(cleaned)
        for problem in entry_problems(self.record_class, entry, code, date.today(), partial=partial):
            field = self._field_of(problem.where)
            if field:
                self.add_error(field, problem.message)
            else:
                self.add_error(None, f"This {self._meta.model._meta.verbose_name} {problem.message}.")
        return cleaned

    def _entry(self, cleaned: dict) -> dict:
        """The row's entry as the export would write it and the loader read it back; fields refused already
        are left out."""
        missing: set[tuple[str, str]] = set()

        def values(record_class: type, part: str = "") -> dict:
            read = {}
            for name, spec, default in facts(record_class):
                column = column_of(name, spec)
                if column in cleaned:
                    value = cleaned[column]
                elif column in self.fields:
                    missing.add((part, name))
                    value = default
                else:
                    value = getattr(self.instance, column)
                read[name] = tuple(value or ()) if spec.type == Type.LANGUAGES else value
                if spec.type == Type.NOTE:
                    read[name] = Note.of(value)
            return read

        source = Source(**values(Source, "source")) if has_source(self.record_class) else None
        record = self.record_class(**values(self.record_class), **({"source": source} if source else {}))
        entry = yaml.safe_load(dump(entry_of(record)))
        for part, name in missing:
            (entry.get(part, {}) if part else entry).pop(name, None)
        return entry

    def _field_of(self, where: str) -> str | None:
        """The form field a problem is about ("source.url" → source_url), if the form has it."""
        part, _, name = where.rpartition(".")
        record_class = Source if part == "source" else self.record_class
        for fact_name, spec, _default in facts(record_class):
            if fact_name == name and column_of(fact_name, spec) in self.fields:
                return column_of(fact_name, spec)
        return None


class ChannelForm(CheckedForm):
    record_class = records.Channel
    languages = forms.MultipleChoiceField(
        choices=language_choices, required=False, widget=FilteredSelectMultiple("languages", is_stacked=False)
    )

    class Meta:
        model = Channel
        fields = columns(records.Channel, "position")

    def clean_languages(self) -> list[str]:
        """The chosen languages in the order the row already gives them, new ones after: an export diffs
        only by what changed."""
        chosen = self.cleaned_data["languages"]
        kept = [code for code in (self.initial.get("languages") or []) if code in chosen]
        return kept + [code for code in chosen if code not in kept]


class EmergencyNumberForm(CheckedForm):
    record_class = records.EmergencyNumber

    class Meta:
        model = EmergencyNumber
        fields = columns(records.EmergencyNumber, "position")


class JurisdictionForm(CheckedForm):
    record_class = records.Jurisdiction

    class Meta:
        model = Jurisdiction
        fields = columns(records.Jurisdiction)
