"""Reading and checking the directory's data files (schema in DATA.md).

Every file is checked in full before anything is loaded; each problem is reported with the file and the
entry it is in, so a maintainer can fix it without reading code. A number shown to a witness in danger
must be one that works: phone numbers are checked against libphonenumber.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import parse_qsl, urlsplit

import phonenumbers
import yaml
from babel import Locale
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from phonenumbers import shortnumberinfo

from directory.choices import ChannelKind, Confidence, Scope, Service
from directory.countries import ISO_CODES
from directory.records import Channel, CountryRecord, Directory, EmergencyNumber, Jurisdiction, Source

INTERNATIONAL = "international"
TOP_FIELDS = {"country", "emergency_numbers", "channels", "jurisdiction"}
SOURCE_FIELDS = {"url", "title", "verified_on", "confidence"}
NUMBER_FIELDS = {"service", "number", "note", "override", "source"}
CHANNEL_FIELDS = {
    "name",
    "kind",
    "scope",
    "url",
    "phone",
    "email",
    "languages",
    "anonymous",
    "hours",
    "how_to",
    "inhope_member",
    "active",
    "source",
    "phone_override",
}
JURISDICTION_FIELDS = {"nationals", "residents", "summary", "source"}
KNOWN_LANGUAGES = frozenset(code for code in Locale.parse("en").languages if len(code) == 2)
# Query parameters that only tell a site where a visitor came from: a witness's click must not carry them.
TRACKING_KEYS = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid", "igshid"})
# The longest text each field may hold: the database's column sizes, checked here so that a long value is
# refused with a message on every database (SQLite would store it; PostgreSQL would fail mid-load).
MAX_LENGTHS = {
    "name": 200,
    "url": 500,
    "phone": 40,
    "phone_override": 300,
    "email": 254,
    "hours": 200,
    "number": 20,
    "note": 300,
    "override": 300,
    "title": 300,
}


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
        raise Problem(f"{self.label}: {where}" if where else self.label, message)

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

    def text(self, value: Any, where: str, required: bool = False) -> str:
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.fail(where, "must be text (put it in quotes)")
        value = value.strip()
        if required and not value:
            self.fail(where, "must not be empty")
        limit = MAX_LENGTHS.get(where.rsplit(".", 1)[-1])
        if limit and len(value) > limit:
            self.fail(where, f"is {len(value)} characters long; at most {limit} fit")
        return value

    def flag(self, value: Any, where: str) -> bool | None:
        if value is None:
            return None
        if not isinstance(value, bool):
            self.fail(where, "must be true or false")
        return value

    def choice(self, value: Any, where: str, choices: type) -> str:
        allowed = [item.value for item in choices]
        if value not in allowed:
            self.fail(where, f"{value!r} is not one of {', '.join(allowed)}")
        return value

    def https_url(self, value: Any, where: str, required: bool = False) -> str:
        url = self.text(value, where, required)
        if url:
            parts = urlsplit(url)
            if parts.scheme != "https" or not parts.netloc or " " in url:
                self.fail(where, f"must be a full https:// address, not {url!r}")
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

    def source(self, value: Any, where: str) -> Source:
        entry = self.mapping(value, where, SOURCE_FIELDS, SOURCE_FIELDS)
        return Source(
            url=self.https_url(entry["url"], f"{where}.url", required=True),
            title=self.text(entry["title"], f"{where}.title", required=True),
            verified_on=self.day(entry["verified_on"], f"{where}.verified_on"),
            confidence=self.choice(entry["confidence"], f"{where}.confidence", Confidence),
        )

    def phone(self, value: Any, where: str, region: str | None, override: str = "") -> str:
        number = self.text(value, where)
        if not number:
            return ""
        if override and region and number.replace(" ", "").isdigit():
            return number  # a short number libphonenumber does not know, kept for the stated reason
        try:
            parsed = phonenumbers.parse(number, region)
        except phonenumbers.NumberParseException:
            self.fail(where, f"{number!r} is not a phone number" + ("" if region else " (write it with +country code)"))
        if phonenumbers.is_valid_number(parsed):
            return number
        if region and shortnumberinfo.is_valid_short_number_for_region(parsed, region):
            return number
        self.fail(
            where,
            f"{number!r} is not a valid number in {region or 'international format'}; if a source confirms it, "
            "add `phone_override` saying why it stands",
        )

    def emergency_number(self, value: Any, where: str, region: str) -> EmergencyNumber:
        entry = self.mapping(value, where, NUMBER_FIELDS, {"service", "number", "source"})
        number = self.text(
            str(entry["number"]) if isinstance(entry["number"], int) else entry["number"], f"{where}.number"
        )
        if not number.replace(" ", "").isdigit():
            self.fail(f"{where}.number", f"{number!r} must be digits only, as dialled in the country")
        override = self.text(entry.get("override"), f"{where}.override")
        if not shortnumberinfo.is_emergency_number(number.replace(" ", ""), region) and not override:
            self.fail(
                f"{where}.number",
                f"{number} is not an emergency number of {region} for libphonenumber; "
                "add an `override` saying why it stands, with its source",
            )
        return EmergencyNumber(
            service=self.choice(entry["service"], f"{where}.service", Service),
            number=number,
            note=self.text(entry.get("note"), f"{where}.note"),
            override=override,
            source=self.source(entry["source"], f"{where}.source"),
        )

    def channel(self, value: Any, where: str, country: str | None) -> Channel:
        entry = self.mapping(value, where, CHANNEL_FIELDS, {"name", "kind", "scope", "source"})
        kind = self.choice(entry["kind"], f"{where}.kind", ChannelKind)
        if kind == ChannelKind.DIRECTORY and country:
            self.fail(f"{where}.kind", "directory channels belong in international.yaml")
        languages = entry.get("languages") or []
        if not isinstance(languages, list) or any(code not in KNOWN_LANGUAGES for code in languages):
            self.fail(f"{where}.languages", "must be a list of ISO 639-1 language codes, like [en, fr]")
        email = self.text(entry.get("email"), f"{where}.email")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                self.fail(f"{where}.email", f"{email!r} is not an e-mail address")
        channel = Channel(
            name=self.text(entry["name"], f"{where}.name", required=True),
            kind=kind,
            scope=self.choice(entry["scope"], f"{where}.scope", Scope),
            country=country,
            url=self.https_url(entry.get("url"), f"{where}.url"),
            phone=self.phone(
                entry.get("phone"),
                f"{where}.phone",
                country,
                self.text(entry.get("phone_override"), f"{where}.phone_override"),
            ),
            phone_override=self.text(entry.get("phone_override"), f"{where}.phone_override"),
            email=email,
            languages=tuple(languages),
            anonymous=self.flag(entry.get("anonymous"), f"{where}.anonymous"),
            hours=self.text(entry.get("hours"), f"{where}.hours"),
            how_to=self.text(entry.get("how_to"), f"{where}.how_to"),
            inhope_member=bool(self.flag(entry.get("inhope_member"), f"{where}.inhope_member")),
            active=self.flag(entry.get("active"), f"{where}.active") is not False,
            source=self.source(entry["source"], f"{where}.source"),
        )
        if not (channel.url or channel.phone or channel.email):
            self.fail(where, "needs at least one way to reach it: url, phone or email")
        return channel

    def jurisdiction(self, value: Any, where: str) -> Jurisdiction:
        entry = self.mapping(value, where, JURISDICTION_FIELDS, {"source"})
        return Jurisdiction(
            nationals=self.flag(entry.get("nationals"), f"{where}.nationals"),
            residents=self.flag(entry.get("residents"), f"{where}.residents"),
            summary=self.text(entry.get("summary"), f"{where}.summary"),
            source=self.source(entry["source"], f"{where}.source"),
        )

    def listing(self, value: Any, where: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(where, "must be a list")
        return value


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
        content = yaml.safe_load(text)
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
    jurisdiction = reader.jurisdiction(top["jurisdiction"], "jurisdiction") if top.get("jurisdiction") else None
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
