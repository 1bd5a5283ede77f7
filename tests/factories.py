"""Small builders for directory records, so each test states only what matters to it."""

from datetime import date

from directory.records import Channel, CountryRecord, Directory, EmergencyNumber, Jurisdiction, Source


def source(confidence: str = "verified", day: date = date(2026, 10, 9)) -> Source:
    return Source(url="https://example.org/source", title="An official page", verified_on=day, confidence=confidence)


OFFICIAL_KINDS = {"police", "government", "hotline", "iwf_portal", "tourist_police"}


def channel(country: str | None, name: str, kind: str = "police", scope: str = "both", **fields) -> Channel:
    fields.setdefault("url", f"https://example.org/{(country or 'intl').lower()}/{kind}")
    fields.setdefault("official", kind in OFFICIAL_KINDS)
    return Channel(name=name, kind=kind, scope=scope, country=country, source=fields.pop("source", source()), **fields)


def number(service: str, digits: str, confidence: str = "verified") -> EmergencyNumber:
    return EmergencyNumber(service=service, number=digits, source=source(confidence))


def law(nationals=True, residents=True) -> Jurisdiction:
    return Jurisdiction(source=source(), nationals=nationals, residents=residents, summary="A law.")


def directory(*records: CountryRecord, international: tuple[Channel, ...] = ()) -> Directory:
    return Directory(countries={record.code: record for record in records}, international=international)


# A small world, true to the shipped directory in what it says (a fixture that invents a Belgian police force
# would let a test pass while every Belgian witness reads "no mechanism"): Thailand with its tourist police, an
# online hotline and a child helpline; Belgium with an online hotline and its police; France with its police;
# Belarus with no channel for reports but its police number and a child helpline.
THAILAND = CountryRecord(
    code="TH",
    emergency_numbers=(number("police", "191"), number("tourist_police", "1155"), number("general", "112")),
    channels=(
        channel("TH", "Thai tourist police", "tourist_police", phone="1155"),
        channel("TH", "Thai hotline", "hotline", "online"),
        channel("TH", "Thai child helpline", "helpline", phone="1387"),
        channel("TH", "An old lead", "police", source=source("unconfirmed")),
    ),
)
BELGIUM = CountryRecord(
    code="BE",
    emergency_numbers=(number("general", "112"), number("police", "101")),
    channels=(
        channel("BE", "Belgian hotline", "hotline", "online", inhope_member=True),
        channel("BE", "Belgian police", "police", "in_person"),
    ),
    jurisdiction=law(),
)
FRANCE = CountryRecord(
    code="FR", channels=(channel("FR", "French police", "police"),), jurisdiction=law(residents=None)
)
BELARUS = CountryRecord(
    code="BY",
    emergency_numbers=(number("police", "102"),),
    channels=(channel("BY", "Belarusian child helpline", "helpline", phone="8 801 100 1611"),),
)
INHOPE = channel(None, "INHOPE member directory", "directory", "online")
WORLD = directory(THAILAND, BELGIUM, FRANCE, BELARUS, international=(INHOPE,))
