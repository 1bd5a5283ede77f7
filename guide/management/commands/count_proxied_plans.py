"""Add the plans the caching proxy served to the usage figures, and delete its files (guide/usage.py).

nginx writes `plans-<YYYY-MM-DD>T<HH>.log` in its count folder (deploy/nginx.conf, `PLAN_COUNTS`): a line per plan
it answered, the three counted answers as the address gave them, URL-encoded. An hour's file is complete once the
hour is over; this command, run every hour (docs/deploy.md), takes the complete ones, adds them up and deletes them.
"""

import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from urllib.parse import unquote_plus

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from guide import usage

HOUR_FILE = re.compile(r"^plans-(\d{4}-\d\d-\d\d)T(\d\d)\.log$")


class Command(BaseCommand):
    help = "Add the plans the caching proxy served, from its hourly files, to the usage figures; delete the files."

    def add_arguments(self, parser):
        parser.add_argument("--folder", default=settings.PLAN_COUNTS_FOLDER, help="nginx's count folder.")
        parser.add_argument(
            "--all",
            action="store_true",
            dest="this_hour_too",
            help="Also the file of the hour still running (when nginx is stopped).",
        )

    def handle(self, *args, folder, this_hour_too, **options):
        if not folder:
            raise CommandError("Give --folder, or set PLAN_COUNTS_FOLDER: where nginx writes its plan counts.")
        this_hour = datetime.now().strftime("%Y-%m-%dT%H")
        files = []
        for path in sorted(Path(folder).glob("plans-*.log")):
            match = HOUR_FILE.match(path.name)
            if match and (this_hour_too or f"{match[1]}T{match[2]}" < this_hour):
                files.append((path, date.fromisoformat(match[1])))
        batch: Counter = Counter()
        unreadable = 0
        for path, day in files:
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                answers = [unquote_plus(part) for part in line.split(" ")]
                route = usage.route_of(*answers) if len(answers) == 3 else None
                if route is None:
                    unreadable += 1
                else:
                    batch[(day, *route)] += 1
        with transaction.atomic():
            added = usage.add(batch)
            # Deleted once the counts are stored: a failure before this leaves the files for the next run.
            for path, _day in files:
                path.unlink()
        self.stdout.write(
            f"{added} plans served by the proxy added from {len(files)} files"
            + (f"; {unreadable} lines not read as a plan" if unreadable else "")
            + "."
        )
