import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from directory.coverage import FACTS, coverage_report
from directory.loading import read_directory

HEADERS = ("countries", *FACTS, "stale", "median_age_days", "median_mechanism_age_days")
SHORT = {
    "countries": "countries",
    "emergency_number": "emergency",
    "mechanism": "mechanism",
    "in_person": "in person",
    "online": "online",
    "mechanism_verified": "verified",
    "online_hotline": "hotline",
    "helpline": "helpline",
    "jurisdiction": "law",
    "stale": "stale",
    "median_age_days": "age (days)",
    "median_mechanism_age_days": "mechanism age",
}


def progress_bar(items, total: int | None = None, stream=sys.stderr, width=30):
    """Yield the items, drawing a bar on a terminal; silent when output is piped or logged."""
    if total is None:
        items = list(items)
        total = len(items)
    for done, item in enumerate(items, 1):
        yield item
        if stream.isatty() and total:
            filled = width * done // total
            stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            if done == total:
                stream.write("\n")
            stream.flush()


class Command(BaseCommand):
    help = "Print how complete and fresh the directory is, per region and kind of fact; optionally write JSON."

    def add_arguments(self, parser):
        parser.add_argument(
            "--json", metavar="PATH", dest="json_path", help="Also write the full report as JSON to PATH."
        )

    def handle(self, *args, json_path: str | None = None, **options):
        report = coverage_report(read_directory(), progress=progress_bar)
        if json_path:
            Path(json_path).write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
            self.stdout.write(f"Wrote {json_path}")
        rows = [(zone, values) for zone, values in report["zones"].items()] + [("All countries", report["total"])]
        label_width = max(len(label) for label, _ in rows)
        self.stdout.write(" " * label_width + " | " + " | ".join(SHORT[h] for h in HEADERS))
        for label, values in rows:
            cells = [str(values[h] if values[h] is not None else "-").rjust(len(SHORT[h])) for h in HEADERS]
            self.stdout.write(label.ljust(label_width) + " | " + " | ".join(cells))
        self.stdout.write(
            "'in person', 'online': countries with a place to report a situation seen in person, or material seen "
            "online (an official channel or a national reporting point). Ages are medians over the countries of the "
            "row, in days: 'age' since each country's oldest shown check, 'mechanism age' since the oldest check of "
            "its places to report. 'stale': oldest check over two years."
        )
        self.stdout.write("")
        for key, title in [
            ("priority_missing_mechanism", "Priority countries without any place to report"),
            ("priority_missing_in_person", "Priority countries without a place to report what is seen in person"),
            ("priority_missing_verified_mechanism", "Priority countries without a verified mechanism"),
            ("missing_emergency_number", "Countries without an emergency number"),
        ]:
            self.stdout.write(f"{title} ({len(report[key])}): {' '.join(report[key]) or 'none'}")
