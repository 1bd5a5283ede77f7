"""Printable posters and cards with a QR code to a country's guide, for hotel rooms, airports and buses."""

import textwrap
from dataclasses import dataclass

import segno

from directory.records import Channel, CountryRecord, EmergencyNumber


@dataclass(frozen=True)
class Format:
    width_mm: int
    height_mm: int
    qr_mm: int


FORMATS = {
    "a4": Format(210, 297, 90),
    "card": Format(85, 55, 30),
}


@dataclass(frozen=True)
class QrCode:
    size: int  # modules, quiet zone included
    path: str  # SVG path data, one square per dark module


QUIET_ZONE = 4


def qr_code(url: str) -> QrCode:
    """The QR code of the URL as plain SVG path data (error correction M survives a worn print)."""
    matrix = segno.make(url, error="m", micro=False).matrix
    squares = (
        f"M{x + QUIET_ZONE} {y + QUIET_ZONE}h1v1h-1z"
        for y, row in enumerate(matrix)
        for x, dark in enumerate(row)
        if dark
    )
    return QrCode(size=len(matrix) + 2 * QUIET_ZONE, path="".join(squares))


def wrap(text: str, width: int) -> list[str]:
    """Lines short enough for the poster, since SVG text does not wrap by itself."""
    return textwrap.wrap(text, width) or [""]


def poster_facts(record: CountryRecord) -> tuple[EmergencyNumber | None, Channel | None]:
    """The number and the channel a poster prints: the first emergency number, and the first official
    channel for what is seen in person — else any official one, else the first alternative (helpline…)."""
    numbers = record.shown_emergency_numbers()
    shown = record.shown_channels()
    choices = (
        [channel for channel in shown if channel.official and channel.takes("in_person")]
        or [channel for channel in shown if channel.official]
        or [channel for channel in shown if channel.kind in ("tourist_police", "helpline", "partner")]
    )
    return (numbers[0] if numbers else None), (choices[0] if choices else None)


def channel_lines(channel: Channel | None, size: str) -> list[tuple[float, str]]:
    """The main channel's name and contact as (baseline y in mm, text) lines for the format."""
    if channel is None:
        return []
    first, step, width, limit = (132, 8, 34, 5) if size == "a4" else (40, 3.5, 28, 3)
    texts = wrap(channel.name, width)[: limit - 1] + [channel.phone or channel.url or channel.email]
    return [(first + index * step, text) for index, text in enumerate(texts[:limit])]
