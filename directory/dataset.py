"""Reading and checking the directory's data files (schema in DATA.md).

Every file is checked in full before anything is loaded; each problem is reported with the file and the
entry it is in, so a maintainer can fix it without reading code. A number shown to a witness in danger
must be one that works: phone numbers are checked against libphonenumber.
"""

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import parse_qsl, urlsplit

import phonenumbers
import yaml
from babel import Locale
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from phonenumbers import shortnumberinfo

from directory.choices import ChannelKind
from directory.countries import ISO_CODES
from directory.records import (
    ENGLISH,
    Channel,
    CountryRecord,
    Directory,
    EmergencyNumber,
    Fact,
    Jurisdiction,
    Note,
    Source,
    Type,
    facts,
    first_day,
    has_source,
)
from lib.yaml_text import read_yaml

INTERNATIONAL = "international"
TOP_FIELDS = {"country", "emergency_numbers", "channels", "jurisdiction"}
KNOWN_LANGUAGES: frozenset[str] = frozenset(
    code for code in Locale.parse("en").languages if isinstance(code, str) and len(code) == 2
)
# Query parameters that only tell a site where a visitor came from: a witness's click must not carry them.
ROUGH_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
TRACKING_KEYS = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid", "igshid"})


class DatasetError(Exception):
    """One or more entries of the data files are wrong; `problems` lists each with its place."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class Problem(Exception):
    def __init__(self, where: str, message: str):
        self.where, self.message = where, message
        super().__init__(f"{where}: {message}")


@dataclass
class _Reader:
    """Checks one file; `where` names the entry being read in every message."""

    label: str
    today: date

    def fail(self, where: str, message: str) -> NoReturn:
        raise Problem(f"{self.label}: {where}" if where and self.label else where or self.label, message)

    def mapping(self, value: Any, where: str, allowed: set[str], required: set[str]) -> dict:
        if not isinstance(value, dict):
            self.fail(where, "must be a mapping of fields")
        unknown = sorted(set(value) - allowed)
        if unknown:
            self.fail(where, f"unknown field(s) {', '.join(map(str, unknown))}; allowed: {', '.join(sorted(allowed))}")
        missing = sorted(required - {key for key, item in value.items() if item not in (None, "")})
        if missing:
            self.fail(where, f"missing required field(s) {', '.join(missing)}")
        return value

    def record(self, record_class: type, value: Any, where: str, **extra: Any) -> Any:
        """Read one entry of a record class: each of its facts by its type, and its source.

        Any value of the wrong type, length or form is refused with its place; what is absent takes the
        fact's default (unknown, for a yes/no fact that may be unknown).
        """
        specs = list(facts(record_class))
        nested = has_source(record_class)
        allowed = {name for name, _, _ in specs} | ({"source"} if nested else set())
        required = {name for name, spec, _ in specs if spec.required} | ({"source"} if nested else set())
        if value is None:
            value = {}
        entry = self.mapping(value, where, allowed, required)
        read = {
            name: self.fact(entry[name], _at(where, name), spec) if entry.get(name) not in (None, "") else default
            for name, spec, default in specs
        }
        if nested:
            read["source"] = self.record(Source, entry["source"], _at(where, "source"))
        return record_class(**read, **extra)

    def fact(self, value: Any, where: str, spec: Fact) -> Any:
        match spec.type:
            case Type.TEXT | Type.LONG_TEXT | Type.PHONE | Type.DIGITS:
                if spec.type == Type.DIGITS and isinstance(value, int) and not isinstance(value, bool):
                    value = str(value)
                return self.text(value, where, spec.max_length)
            case Type.NOTE:
                return self.note(value, where, spec.max_length)
            case Type.URL:
                return self.https_url(value, where, spec.max_length)
            case Type.EMAIL:
                email = self.text(value, where, spec.max_length)
                try:
                    validate_email(email)
                except ValidationError:
                    self.fail(where, f"{email!r} is not an e-mail address")
                return email
            case Type.LANGUAGES:
                if not isinstance(value, list) or any(code not in KNOWN_LANGUAGES for code in value):
                    self.fail(where, "must be a list of ISO 639-1 language codes, like [en, fr]")
                return tuple(value)
            case Type.FLAG:
                if not isinstance(value, bool):
                    self.fail(where, "must be true or false")
                return value
            case Type.CHOICE:
                allowed = [item.value for item in spec.choices]
                if value not in allowed:
                    self.fail(where, f"{value!r} is not one of {', '.join(allowed)}")
                return value
            case Type.DATE:
                return self.day(value, where)
            case Type.ROUGH_DATE:
                return self.rough_day(value, where)
        raise AssertionError(f"no reader for {spec.type}")  # pragma: no cover - every Type is handled above

    def text(self, value: Any, where: str, limit: int | None = None) -> str:
        if not isinstance(value, str):
            self.fail(where, "must be text (put it in quotes)")
        value = value.strip()
        if limit and len(value) > limit:
            self.fail(where, f"is {len(value)} characters long; at most {limit} fit")
        return value

    def note(self, value: Any, where: str, limit: int | None) -> Note:
        """English text, or the same words by interface language with English first: {en: …, fr: …}."""
        if isinstance(value, str):
            return Note.of(self.text(value, where, limit))
        if not isinstance(value, dict) or not value:
            self.fail(where, "must be text, or a mapping of languages like {en: …, fr: …}")
        unknown = sorted(str(code) for code in value if code not in settings.LANGUAGE_CODES)
        if unknown:
            self.fail(
                where,
                f"{', '.join(unknown)}: not a language of the site; use one of {', '.join(settings.LANGUAGE_CODES)}",
            )
        if not value.get(ENGLISH):
            self.fail(where, "must give the English words first (en: …): they are shown where no translation is")
        return Note.of({code: self.text(words, _at(where, code), limit) for code, words in value.items()})

    def https_url(self, value: Any, where: str, limit: int | None) -> str:
        url = self.text(value, where, limit)
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.netloc or " " in url:
            self.fail(where, f"must be a full https:// address, not {url!r}")
        if not url.isascii():
            self.fail(where, "must be plain ASCII: write other letters percent-encoded, as the browser copies them")
        tracking = [key for key, _ in parse_qsl(parts.query) if key.startswith("utm_") or key in TRACKING_KEYS]
        if tracking:
            self.fail(where, f"carries tracking parameters ({', '.join(tracking)}); give the address without them")
        return url

    def day(self, value: Any, where: str) -> date:
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                self.fail(where, f"{value!r} is not a date (YYYY-MM-DD)")
        if not isinstance(value, date):
            self.fail(where, "must be a date (YYYY-MM-DD)")
        if value > self.today:
            self.fail(where, f"{value.isoformat()} is in the future")
        return value

    def rough_day(self, value: Any, where: str) -> str:
        """A date as precisely as a page gives it: 2010, 2010-05 or 2010-05-03 (YAML reads 2010 as a number)."""
        text = value.isoformat() if isinstance(value, date) else str(value)
        if not ROUGH_DATE.fullmatch(text):
            self.fail(where, f"{text!r} is not a year, a month or a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        try:
            first = first_day(text)
        except ValueError:
            self.fail(where, f"{text!r} is not a date")
        if first > self.today:
            self.fail(where, f"{text} is in the future")
        return text

    def phone(self, number: str, where: str, region: str | None, override: str) -> None:
        if override and region and number.replace(" ", "").isdigit():
            return  # a short number libphonenumber does not know, kept for the stated reason
        try:
            parsed = phonenumbers.parse(number, region)
        except phonenumbers.NumberParseException:
            self.fail(where, f"{number!r} is not a phone number" + ("" if region else " (write it with +country code)"))
        if phonenumbers.is_valid_number(parsed):
            return
        if region and shortnumberinfo.is_valid_short_number_for_region(parsed, region):
            return
        self.fail(
            where,
            f"{number!r} is not a valid number in {region or 'international format'}; if a source confirms it, "
            "add `phone_override` saying why it stands",
        )

    def emergency_number(self, value: Any, where: str, region: str) -> EmergencyNumber:
        number = self.record(EmergencyNumber, value, where)
        if not number.number.replace(" ", "").isdigit():
            self.fail(_at(where, "number"), f"{number.number!r} must be digits only, as dialled in the country")
        if not shortnumberinfo.is_emergency_number(number.number.replace(" ", ""), region) and not number.override:
            self.fail(
                _at(where, "number"),
                f"{number.number} is not an emergency number of {region} for libphonenumber; "
                "add an `override` saying why it stands, with its source",
            )
        return number

    def channel(self, value: Any, where: str, country: str | None) -> Channel:
        channel = self.record(Channel, value, where, country=country)
        if channel.kind == ChannelKind.DIRECTORY and country:
            self.fail(_at(where, "kind"), "directory channels belong in international.yaml")
        if channel.phone:
            self.phone(channel.phone, _at(where, "phone"), country, channel.phone_override)
        if not (channel.url or channel.phone or channel.email):
            self.fail(where, "needs at least one way to reach it: url, phone or email")
        return channel

    def listing(self, value: Any, where: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(where, "must be a list")
        return value


def _at(where: str, name: str) -> str:
    """The place of a field within an entry ("channels[0].phone"), or the field alone in an entry of its own."""
    return f"{where}.{name}" if where else name


_ENTRY_CHECKS = {
    Channel: lambda reader, entry, country: reader.channel(entry, "", country),
    EmergencyNumber: lambda reader, entry, country: reader.emergency_number(entry, "", country),
    Jurisdiction: lambda reader, entry, country: reader.record(Jurisdiction, entry, ""),
}


def entry_problems(
    record_class: type, entry: dict, country: str | None, today: date | None = None, partial: bool = False
) -> list[Problem]:
    """What the checker refuses in one entry of a country's file (a channel, an emergency number or a
    jurisdiction), worded as in a file's report; each problem's `where` is its field ("phone", "source.url"),
    or "" for the entry as a whole. The admin's forms show these, so that what they save exports and loads again.

    Each fact is checked on its own first, so that every wrong field is named at once; then, when all are
    right, the entry as a whole, as `read_text` checks it (a number for its country, a way to reach a channel).
    With `partial` (some fields are already refused elsewhere), only the facts given are checked.
    """
    reader = _Reader("", today or date.today())
    problems: list[Problem] = []
    parts = [(record_class, entry, "")]
    if has_source(record_class) and isinstance(entry.get("source"), dict):
        parts.append((Source, entry["source"], "source"))
    for part_class, values, where in parts:
        for name, spec, _default in facts(part_class):
            if values.get(name) not in (None, ""):
                try:
                    reader.fact(values[name], _at(where, name), spec)
                except Problem as problem:
                    problems.append(problem)
    if problems or partial:
        return problems
    try:
        _ENTRY_CHECKS[record_class](reader, entry, country)
    except Problem as problem:
        return [problem]
    return []


def read_file(path: Path, label: str | None = None, today: date | None = None) -> CountryRecord:
    """Parse one country file (or international.yaml, whose record has code "international")."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise Problem(label or str(path), "is not UTF-8 text") from None
    return read_text(text, path.name, label or str(path), today)


def read_text(text: str, filename: str, label: str | None = None, today: date | None = None) -> CountryRecord:
    """Parse the text of a file named `filename` (an upload in the admin, or a file on disk)."""
    reader = _Reader(label or filename, today or date.today())
    try:
        content = read_yaml(text)
    except yaml.YAMLError as error:
        reader.fail("", f"is not valid YAML: {error}")
    top = reader.mapping(content, "", TOP_FIELDS, {"country"})
    code = top["country"]
    if f"{code}.yaml" != filename:
        reader.fail("country", f"{code!r} does not match the file name {filename}")
    if code != INTERNATIONAL and code not in ISO_CODES:
        reader.fail("country", f"{code!r} is not an ISO 3166-1 alpha-2 country code")
    region = None if code == INTERNATIONAL else code

    numbers = (
        [
            reader.emergency_number(item, f"emergency_numbers[{index}]", region)
            for index, item in enumerate(reader.listing(top.get("emergency_numbers"), "emergency_numbers"))
        ]
        if region
        else []
    )
    channels = [
        reader.channel(item, f"channels[{index}]", region)
        for index, item in enumerate(reader.listing(top.get("channels"), "channels"))
    ]
    _refuse_duplicates(reader, "emergency_numbers", [(n.service, n.number) for n in numbers])
    _refuse_duplicates(reader, "channels", [(c.kind, c.name) for c in channels])
    jurisdiction = reader.record(Jurisdiction, top["jurisdiction"], "jurisdiction") if top.get("jurisdiction") else None
    return CountryRecord(
        code=code, emergency_numbers=tuple(numbers), channels=tuple(channels), jurisdiction=jurisdiction
    )


def _refuse_duplicates(reader: _Reader, where: str, keys: list[tuple[str, str]]) -> None:
    seen: set[tuple[str, str]] = set()
    for index, key in enumerate(keys):
        if key in seen:
            reader.fail(f"{where}[{index}]", f"repeats an earlier entry ({key[0]} {key[1]!r})")
        seen.add(key)


def read_directory(folder: Path, today: date | None = None) -> Directory:
    """Read and check every file in the folder; raise DatasetError listing all problems found."""
    problems: list[str] = []
    countries: dict[str, CountryRecord] = {}
    international: tuple[Channel, ...] = ()
    for path in sorted(folder.glob("*.yaml")):
        label = _label(path)
        try:
            record = read_file(path, label, today)
        except Problem as problem:
            problems.append(str(problem))
            continue
        if record.code == INTERNATIONAL:
            international = record.channels
        else:
            countries[record.code] = record
    for path in sorted(set(folder.iterdir()) - set(folder.glob("*.yaml"))):
        if path.is_file() and not path.name.startswith("."):
            problems.append(f"{_label(path)}: not a .yaml file; the directory holds only <CODE>.yaml files")
    if problems:
        raise DatasetError(problems)
    return Directory(countries=countries, international=international)


def _label(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
