"""The directory as plain, immutable values.

The data files are parsed into these, the database is read into these, and the routing function takes
these: so the guide can be computed and tested without a database or a request.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from directory.choices import OFFICIAL_KINDS, SHOWABLE_CONFIDENCE


@dataclass(frozen=True)
class Source:
    url: str
    title: str
    verified_on: date
    confidence: str

    @property
    def showable(self) -> bool:
        return self.confidence in SHOWABLE_CONFIDENCE


@dataclass(frozen=True)
class EmergencyNumber:
    service: str
    number: str
    source: Source
    note: str = ""
    override: str = ""


@dataclass(frozen=True)
class Channel:
    name: str
    kind: str
    scope: str
    source: Source
    country: str | None = None  # None for international channels
    url: str = ""
    phone: str = ""
    phone_override: str = ""  # why a short number libphonenumber does not know still stands
    email: str = ""
    languages: tuple[str, ...] = ()
    anonymous: bool | None = None
    hours: str = ""
    how_to: str = ""
    inhope_member: bool = False
    active: bool = True
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
    def official(self) -> bool:
        """An official reporting mechanism; anything else is an alternative and labelled as one."""
        return self.kind in OFFICIAL_KINDS

    def takes(self, seen: str) -> bool:
        return self.scope in (seen, "both")


@dataclass(frozen=True)
class Jurisdiction:
    source: Source
    nationals: bool | None = None
    residents: bool | None = None
    summary: str = ""


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


@dataclass(frozen=True)
class Directory:
    """Every country's record (absent countries have none) and the international channels."""

    countries: dict[str, CountryRecord] = field(default_factory=dict)
    international: tuple[Channel, ...] = ()

    def country(self, code: str) -> CountryRecord:
        return self.countries.get(code) or CountryRecord(code=code)
