"""How complete and how fresh the directory is: per country, per region and per kind of fact.

Regions are the ITU world numbering zones (the first digit of a country's calling code, from
libphonenumber): a grouping that comes with the phone data rather than a hand-made list.
"""

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import date
from statistics import median

import phonenumbers

from directory.countries import ISO_CODES, country_name
from directory.records import CountryRecord, Directory

ZONES = {
    "1": "North America and the Caribbean",
    "2": "Africa and some islands",
    "3": "Europe",
    "4": "Europe",
    "5": "Central and South America",
    "6": "South-East Asia and Oceania",
    "7": "Russia and Kazakhstan",
    "8": "East Asia",
    "9": "West, South and Central Asia",
    "": "No calling code",
}
# The countries the dataset must cover with a verified mechanism (see the dataset issue).
# fmt: off
PRIORITY = (
    # EU member states
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    # the rest of Europe and the OECD
    "IS", "NO", "LI", "CH", "GB", "US", "CA", "AU", "NZ", "JP",
    # destinations where exploitation in travel and tourism is most reported
    "TH", "KH", "VN", "LA", "PH", "ID", "MY", "IN", "LK", "NP", "BR", "DO", "CO", "MX",
    "CR", "PE", "KE", "TZ", "MG", "MA", "SN", "GM", "ZA", "EG", "TR", "UA",
)
# fmt: on
STALE_AFTER_DAYS = 730


def zone_of(code: str) -> str:
    calling_code = phonenumbers.country_code_for_region(code)
    return ZONES[str(calling_code)[0] if calling_code else ""]


@dataclass(frozen=True)
class CountryCoverage:
    code: str
    name: str
    zone: str
    emergency_number: bool
    mechanism: bool  # a place to report of any kind: in person or online
    in_person: bool  # a place to report a situation seen in person
    online: bool  # a place to report material seen online
    mechanism_verified: bool
    online_hotline: bool
    helpline: bool
    alternatives: bool
    jurisdiction: bool
    newest_check: str | None
    oldest_check: str | None
    mechanism_check: str | None
    stale: bool


def country_coverage(record: CountryRecord, today: date) -> CountryCoverage:
    shown = record.shown_channels()
    places = [channel for channel in shown if channel.place_to_report]
    in_person, online = record.mechanisms("in_person"), record.mechanisms("online")
    # Freshness from the source's own date where it shows one: a 2010 page read yesterday is still of 2010.
    dates = [c.source.dated for c in shown] + [n.source.dated for n in record.shown_emergency_numbers()]
    oldest = min(dates) if dates else None
    return CountryCoverage(
        code=record.code,
        name=country_name(record.code, "en"),
        zone=zone_of(record.code),
        emergency_number=bool(record.shown_emergency_numbers()),
        mechanism=bool(in_person or online),
        in_person=bool(in_person),
        online=bool(online),
        mechanism_verified=any(channel.source.confidence == "verified" for channel in places),
        online_hotline=any(channel.kind in ("hotline", "iwf_portal") for channel in places),
        helpline=any(channel.kind == "helpline" for channel in shown),
        alternatives=any(not channel.place_to_report for channel in shown),
        jurisdiction=bool(record.jurisdiction and record.jurisdiction.source.showable),
        newest_check=max(dates).isoformat() if dates else None,
        oldest_check=oldest.isoformat() if oldest else None,
        # The oldest fact of a place to report: how old the advice "report here" may be.
        mechanism_check=min(c.source.dated for c in places).isoformat() if places else None,
        stale=oldest is not None and (today - oldest).days > STALE_AFTER_DAYS,
    )


def median_age(checks: list[str | None], today: date) -> int | None:
    """The median number of days since the given checks (ISO dates), ignoring countries without one."""
    ages = [(today - date.fromisoformat(check)).days for check in checks if check]
    return int(median(ages)) if ages else None


FACTS = (
    "emergency_number",
    "mechanism",
    "in_person",
    "online",
    "mechanism_verified",
    "online_hotline",
    "helpline",
    "jurisdiction",
)


def coverage_report(
    directory: Directory, today: date | None = None, progress: Callable[[Iterable], Iterable] = iter
) -> dict:
    """The whole report as plain data: what `directory_report` prints and writes as JSON."""
    today = today or date.today()
    countries = [country_coverage(directory.country(code), today) for code in progress(sorted(ISO_CODES))]
    zones: dict[str, list[CountryCoverage]] = {}
    for entry in countries:
        zones.setdefault(entry.zone, []).append(entry)

    def summary(group: list[CountryCoverage]) -> dict:
        return {
            "countries": len(group),
            **{fact: sum(getattr(c, fact) for c in group) for fact in FACTS},
            "stale": sum(c.stale for c in group),
            "median_age_days": median_age([c.oldest_check for c in group], today),
            "median_mechanism_age_days": median_age([c.mechanism_check for c in group], today),
        }

    by_code = {entry.code: entry for entry in countries}
    return {
        "date": today.isoformat(),
        "total": summary(countries),
        "zones": {zone: summary(group) for zone, group in sorted(zones.items())},
        "priority_missing_verified_mechanism": [c for c in PRIORITY if not by_code[c].mechanism_verified],
        "priority_missing_mechanism": [c for c in PRIORITY if not by_code[c].mechanism],
        "priority_missing_in_person": [c for c in PRIORITY if not by_code[c].in_person],
        "missing_emergency_number": [c.code for c in countries if not c.emergency_number],
        "countries": [asdict(entry) for entry in countries],
    }
