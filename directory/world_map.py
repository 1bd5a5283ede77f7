"""The coverage map: every country coloured by how usable its entry is, drawn here from the outlines
that ship in pygal_maps_world (no request to anyone at run time)."""

import re
import xml.etree.ElementTree as ET
from functools import cache
from importlib import resources

from directory.coverage import CountryCoverage

SVG = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG)

# Colour-blind-safe (Okabe–Ito); the legend and the table beside the map carry the same information.
STATUS_COLOURS = {
    "complete": "#009E73",  # a verified official mechanism and an emergency number, checked recently
    "partial": "#56B4E9",  # an official mechanism, not (yet) verified on the official site
    "stale": "#E69F00",  # a mechanism, but a fact not checked for more than two years
    "missing": "#D55E00",  # no known official mechanism
}


def status_of(entry: CountryCoverage) -> str:
    if not entry.mechanism:
        return "missing"
    if entry.stale:
        return "stale"
    return "complete" if entry.mechanism_verified and entry.emergency_number else "partial"


@cache
def _outlines() -> bytes:
    """The outlines with coordinates rounded to a tenth of a unit: invisible at any size, a third lighter."""
    data = (resources.files("pygal_maps_world") / "worldmap.svg").read_bytes()
    return re.sub(rb"(\d\.\d)\d+", rb"\1", data)


def coverage_map(entries: list[CountryCoverage], labels: dict[str, str]) -> str:
    """The SVG map; `labels` names each status in the reader's language (used in each country's title)."""
    root = ET.fromstring(_outlines())  # noqa: S314 - a file from an installed package, not outside input
    by_code = {entry.code.lower(): entry for entry in entries}
    for group in root.iter(f"{{{SVG}}}g"):
        classes = (group.get("class") or "").split()
        if "country" not in classes:
            continue
        entry = by_code.get(classes[0])
        status = status_of(entry) if entry else "missing"
        group.set("fill", STATUS_COLOURS[status])
        group.set("stroke", "#ffffff")
        group.set("stroke-width", "0.6")
        title = ET.SubElement(group, f"{{{SVG}}}title")
        title.text = f"{entry.name if entry else classes[0].upper()}: {labels[status]}"
    root.set("role", "img")
    root.set("aria-label", labels["map"])
    return ET.tostring(root, encoding="unicode")
