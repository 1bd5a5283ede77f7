"""The directory as plain, immutable values — and the one place where each fact's shape is written.

The data files are parsed into these, the database is read into these, and the routing function takes
these: so the guide can be computed and tested without a database or a request.

Each field that is a fact of the directory carries a `Fact` in its metadata (`fact(...)`). That one
declaration drives everything that handles the fact: the data-file checker, the database columns, the
loader, the exporter, the API, its OpenAPI description and the CSV downloads (see `facts()`). Adding a
field to a channel is one line here and a migration.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from directory.choices import (
    REPORTING_KINDS,
    SHOWABLE_CONFIDENCE,
    ChannelKind,
    Confidence,
    Scope,
    Service,
)


class Type(StrEnum):
    """How a fact is written in a data file, checked, stored and published."""

    TEXT = "text"  # one line, up to `max_length` characters
    LONG_TEXT = "long_text"  # one or two plain sentences, no length limit
    NOTE = "note"  # plain words in English, and the same words in other languages where a maintainer gives them
    URL = "url"  # a full https:// address without tracking parameters
    EMAIL = "email"
    PHONE = "phone"  # checked with libphonenumber for the channel's country
    DIGITS = "digits"  # an emergency number, as dialled inside its country
    LANGUAGES = "languages"  # a list of ISO 639-1 codes
    FLAG = "flag"  # true | false; with `default=None`, absent means unknown
    CHOICE = "choice"  # one of `choices`
    DATE = "date"  # YYYY-MM-DD, never in the future
    ROUGH_DATE = "rough_date"  # YYYY, YYYY-MM or YYYY-MM-DD, as precisely as a page gives it; never in the future


@dataclass(frozen=True)
class Fact:
    type: Type
    max_length: int | None = None
    required: bool = False
    choices: Any = None  # a TextChoices class, for Type.CHOICE
    public: bool = True  # published in the API and the downloads; False: for maintainers only
    column: str = ""  # the database column (and CSV column), when it is not the field's name
    help: str = ""  # what the field means: the OpenAPI description and the admin's help text


def fact(type: Type, default: Any = "", **options: Any) -> Any:
    if type == Type.NOTE:
        default = NO_NOTE
    return field(default=default, metadata={"fact": Fact(type, **options)})


def facts(record_class: type) -> Iterator[tuple[str, Fact, Any]]:
    """(name, Fact, default) of each fact of a record class, in the order the data files write them."""
    for item in fields(record_class):
        if "fact" in item.metadata:
            yield item.name, item.metadata["fact"], item.default


def column_of(name: str, spec: Fact) -> str:
    return spec.column or name


def has_source(record_class: type) -> bool:
    """Whether a record class carries a nested `source` (every fact but the source itself does)."""
    return "source" in {item.name for item in fields(record_class)}


def first_day(rough: str) -> date:
    """The first day of a rough date: "2010" → 2010-01-01, "2010-05" → 2010-05-01; ValueError if not a date."""
    return date.fromisoformat((rough + "-01-01")[:10])


ENGLISH = "en"


@dataclass(frozen=True)
class Note:
    """Words for the public in English, and the same words in other languages where a maintainer gave them.

    A data file writes one as text (English) or as a mapping of interface languages, English first:
    `{en: "Call 1300, free.", fr: "Appelez le 1300, gratuit."}`. A page shows the words in its own language,
    else English, marked as English (`in_language`), so a screen reader reads them with the right voice.
    """

    texts: tuple[tuple[str, str], ...] = ()  # (language, words), English first, the others by code

    @classmethod
    def of(cls, value: "str | Mapping[str, str] | Note | None") -> "Note":
        """A note from what a record, a row or a form holds: a Note, English text, or a mapping by language."""
        if isinstance(value, Note):
            return value
        if not value:
            return NO_NOTE
        if isinstance(value, str):
            return cls(((ENGLISH, value),))
        given = {language: words for language, words in value.items() if words}
        english = [(ENGLISH, given.pop(ENGLISH))] if ENGLISH in given else []
        return cls((*english, *sorted(given.items())))

    def __bool__(self) -> bool:
        return bool(self.english)

    def __str__(self) -> str:
        return self.english

    @property
    def english(self) -> str:
        return dict(self.texts).get(ENGLISH, "")

    def in_language(self, language: str) -> tuple[str, str]:
        """(words, the language they are in): the page's language, else its parent ("pt" for "pt-br"), else
        English."""
        texts = dict(self.texts)
        for candidate in (language, language.split("-")[0]):
            if texts.get(candidate):
                return texts[candidate], candidate
        return self.english, ENGLISH

    def as_mapping(self) -> dict[str, str]:
        return dict(self.texts)

    def as_data(self) -> str | dict[str, str]:
        """As a data file writes it: plain text while only English is given."""
        return self.english if len(self.texts) == 1 and self.english else self.as_mapping()

    def translations(self) -> dict[str, str]:
        return {language: words for language, words in self.texts if language != ENGLISH}

    def written(self, separator: str) -> str:
        """As a person reads or types it: the English words alone, or `code: words` for each language."""
        if not self.translations():
            return self.english
        return separator.join(f"{language}: {words}" for language, words in self.texts)


NO_NOTE = Note()


class HoldsNotes:
    """A record with notes holds each as a Note, whether it was given one, English text or a mapping."""

    def __post_init__(self) -> None:
        for name, spec, _default in facts(type(self)):
            if spec.type == Type.NOTE and not isinstance(getattr(self, name), Note):
                object.__setattr__(self, name, Note.of(getattr(self, name)))


@dataclass(frozen=True, kw_only=True)
class Source:
    url: str = fact(Type.URL, max_length=1000, required=True, column="source_url")
    title: str = fact(Type.TEXT, max_length=300, required=True, column="source_title")
    verified_on: date = fact(
        Type.DATE, None, required=True, help="The day the source was read or checked (never in the future)."
    )
    confidence: str = fact(Type.CHOICE, required=True, choices=Confidence, column="confidence")
    published: str = fact(
        Type.ROUGH_DATE,
        max_length=10,
        column="source_published",
        help="The page's own date (published or updated) as precisely as it shows it: YYYY, YYYY-MM or "
        "YYYY-MM-DD; null when it shows none.",
    )

    @property
    def showable(self) -> bool:
        return self.confidence in SHOWABLE_CONFIDENCE

    @property
    def published_year(self) -> int | None:
        return int(self.published[:4]) if self.published else None

    @property
    def dated(self) -> date:
        """How current the fact is: the page's own date where known (its first day, if only a year or a month
        is known), else the day it was read."""
        return min(first_day(self.published), self.verified_on) if self.published else self.verified_on


@dataclass(frozen=True, kw_only=True)
class EmergencyNumber(HoldsNotes):
    service: str = fact(Type.CHOICE, required=True, choices=Service)
    number: str = fact(Type.DIGITS, max_length=20, required=True)
    note: Note = fact(Type.NOTE, max_length=300)
    override: str = fact(
        Type.TEXT, max_length=300, public=False, help="Why this number stands although libphonenumber does not list it."
    )
    source: Source


@dataclass(frozen=True, kw_only=True)
class Channel(HoldsNotes):
    name: str = fact(Type.TEXT, max_length=200, required=True)
    kind: str = fact(Type.CHOICE, required=True, choices=ChannelKind)
    official: bool = fact(
        Type.FLAG,
        False,
        required=True,
        help="Run by the state (police, ministry, public body): an official reporting mechanism.",
    )
    scope: str = fact(
        Type.CHOICE,
        required=True,
        choices=Scope,
        help="What it takes reports of: situations in person, material online, or both.",
    )
    url: str = fact(Type.URL, max_length=500, help="The page where one reports.")
    phone: str = fact(Type.PHONE, max_length=40, help="As dialled inside the channel's country.")
    phone_override: str = fact(
        Type.TEXT,
        max_length=300,
        public=False,
        help="Why this short number stands although libphonenumber does not know it.",
    )
    email: str = fact(Type.EMAIL, max_length=254)
    languages: tuple[str, ...] = fact(Type.LANGUAGES, (), help="ISO 639-1 codes of the languages reports are taken in.")
    anonymous: bool | None = fact(Type.FLAG, None, help="Whether anonymous reports are accepted; null if unknown.")
    reports_from_abroad: bool | None = fact(
        Type.FLAG, None, help="Whether reports are accepted from outside the country; null if unknown."
    )
    contact_required: bool | None = fact(
        Type.FLAG, None, help="Whether the person reporting must give contact details; null if unknown."
    )
    reference_number: bool | None = fact(
        Type.FLAG, None, help="Whether the person reporting gets a reference number; null if unknown."
    )
    response_time: Note = fact(Type.NOTE, max_length=200, help="Any response time the channel promises.")
    run_by: str = fact(Type.TEXT, max_length=200, help="Who runs it, for a reporting point run by an organisation.")
    passes_to: str = fact(Type.TEXT, max_length=200, help="Whom it passes reports to (a reporting point).")
    hours: Note = fact(Type.NOTE, max_length=200, help="When it answers, as its source gives it.")
    how_to: Note = fact(Type.NOTE, help="How to use it, in one or two plain sentences from its source.")
    inhope_member: bool = fact(Type.FLAG, False)
    active: bool = fact(Type.FLAG, True, public=False, help="False keeps the entry but hides it.")
    source: Source
    country: str | None = None  # None for international channels; from the file name, not a field of it
    link_status: str = ""  # filled in by the link checker; empty when never checked
    link_checked_at: datetime | None = None

    @property
    def unreachable(self) -> bool:
        return self.link_status in ("broken", "unreachable")

    @property
    def key(self) -> tuple[str | None, str, str]:
        """What makes a channel the same channel across loads and exports."""
        return (self.country, self.kind, self.name)

    @property
    def shown(self) -> bool:
        return self.active and self.source.showable

    @property
    def place_to_report(self) -> bool:
        """Takes reports itself: an official mechanism, or a reporting point that passes them to the police.

        Anything else (a child helpline, a partner organisation, a directory) is an alternative and is
        labelled as one.
        """
        return self.official or self.kind in REPORTING_KINDS

    def takes(self, seen: str) -> bool:
        return self.scope in (seen, "both")


@dataclass(frozen=True, kw_only=True)
class Jurisdiction(HoldsNotes):
    nationals: bool | None = fact(Type.FLAG, None, help="Can prosecute its nationals for offences abroad.")
    residents: bool | None = fact(Type.FLAG, None, help="Can prosecute its habitual residents for offences abroad.")
    summary: Note = fact(Type.NOTE, help="What the law says, in plain words, for the public.")
    maintainer_note: str = fact(
        Type.LONG_TEXT, public=False, help="What was not read or checked: for maintainers, never shown to witnesses."
    )
    source: Source


@dataclass(frozen=True)
class CountryRecord:
    code: str
    emergency_numbers: tuple[EmergencyNumber, ...] = ()
    channels: tuple[Channel, ...] = ()
    jurisdiction: Jurisdiction | None = None

    def shown_channels(self) -> tuple[Channel, ...]:
        return tuple(channel for channel in self.channels if channel.shown)

    def shown_emergency_numbers(self) -> tuple[EmergencyNumber, ...]:
        return tuple(number for number in self.emergency_numbers if number.source.showable)

    def mechanisms(self, seen: str) -> tuple[Channel, ...]:
        """The one definition of "has a mechanism": the shown places to report that take what was seen.

        The routing, the coverage report, the admin map, the country list and the API all ask this.
        """
        return tuple(c for c in self.shown_channels() if c.place_to_report and c.takes(seen))

    def alternatives(self, seen: str) -> tuple[Channel, ...]:
        return tuple(c for c in self.shown_channels() if not c.place_to_report and c.takes(seen))

    def police_numbers(self) -> tuple[EmergencyNumber, ...]:
        """The numbers that reach the police: the police's own first, then the general emergency number."""
        shown = self.shown_emergency_numbers()
        return tuple(n for n in shown if n.service == "police") + tuple(n for n in shown if n.service == "general")

    def shown_jurisdiction(self) -> Jurisdiction | None:
        law = self.jurisdiction
        return law if law and law.source.showable else None


@dataclass(frozen=True)
class Directory:
    """Every country's record (absent countries have none) and the international channels."""

    countries: dict[str, CountryRecord] = field(default_factory=dict)
    international: tuple[Channel, ...] = ()

    def country(self, code: str) -> CountryRecord:
        return self.countries.get(code) or CountryRecord(code=code)

    def channel_with_email(self, email: str) -> Channel | None:
        """The shown channel that gives this e-mail address, if any: only the directory's own addresses."""
        everywhere = (*self.international, *(c for record in self.countries.values() for c in record.channels))
        return next((c for c in everywhere if c.shown and c.email and c.email == email), None)
