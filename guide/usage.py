"""Counting completed plans without tracking anyone, and without a database query while serving.

Only (day, country where it happened, country where the witness lives, in person or online) is counted:
no cookie, no address, no user agent, no time of day. Counts gather in this process's memory and are
written in one batch at most every minute, so a plan served from the page cache still costs no query.
A plan fetched ahead of time, to be kept for offline use (the service worker's prefetches) or by the
browser's own prefetching, is not one a person opened, and is not counted.

Behind the caching proxy (deploy/nginx.conf), most plans never reach the app: there nginx counts every plan it
answers, from its cache or not, and tells the app so (`X-Plans-Counted-By: proxy`), so that none is counted twice.
It writes a line per plan with the same three answers and nothing else (no time, no address, no other answer) to
a file per hour, which `manage.py count_proxied_plans` adds to these counts and deletes.
"""

import atexit
import logging
import threading
from collections import Counter
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from directory.countries import ISO_CODES, normalise_code

PUBLIC_THRESHOLD = 10  # smaller public figures could point at a person; they are shown as "fewer than 10"

_pending: Counter = Counter()
_lock = threading.Lock()
_timer: threading.Timer | None = None
_exit_hook_installed = False


def route_of(happened: str, lives: str, seen: str) -> tuple[str, str, str] | None:
    """What is counted of a plan's answers as the address gave them: (happened or "online", lives, seen), or None
    for answers no plan is made of."""
    happened, lives = normalise_code(happened.strip()), normalise_code(lives.strip())
    if happened.lower() == "online":
        return ("online", lives, "online") if lives in ISO_CODES else None
    if happened in ISO_CODES and lives in ISO_CODES and seen in ("in_person", "online"):
        return happened, lives, seen
    return None


def record(happened: str, lives: str, seen: str) -> None:
    """Count one plan a person opened, from its answers as the address gave them."""
    global _timer, _exit_hook_installed
    route = route_of(happened, lives, seen)
    if route is None:
        return
    with _lock:
        _pending[(date.today(), *route)] += 1
        interval = getattr(settings, "USAGE_FLUSH_SECONDS", 60)
        if _timer is None and interval:
            if not _exit_hook_installed:
                atexit.register(_flush_on_exit)
                _exit_hook_installed = True
            _timer = threading.Timer(interval, flush)
            _timer.daemon = True
            _timer.start()


def flush() -> int:
    """Write the counts gathered so far; returns how many plans were written."""
    global _timer
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _timer = None
    return add(batch)


def add(batch: dict[tuple[date, str, str, str], int]) -> int:
    """Add counts of (day, happened, lives, seen) to the stored ones; returns how many plans were added."""
    from guide.models import PlanCount

    with transaction.atomic():
        for (day, happened, lives, seen), count in batch.items():
            route = PlanCount.objects.filter(day=day, happened=happened, lives=lives, seen=seen)
            # Every worker writes its own counts: the database adds them up (count = count + n), so no
            # worker ever writes back a total it read before another's was added.
            if route.update(count=F("count") + count):
                continue
            try:
                with transaction.atomic():  # a savepoint: a failed insert leaves the batch's other rows
                    PlanCount.objects.create(day=day, happened=happened, lives=lives, seen=seen, count=count)
            except IntegrityError:  # another worker made the day's row between our update and our insert
                route.update(count=F("count") + count)
    return sum(batch.values())


def public_figure(count: int) -> str | int:
    return count if count >= PUBLIC_THRESHOLD else f"< {PUBLIC_THRESHOLD}"


def _flush_on_exit() -> None:
    """A worker that stops (a restart, a deploy) writes what it counted rather than losing it."""
    if _pending:
        try:
            flush()
        except Exception:  # noqa: BLE001 - at exit, a lost count is better than a crash report
            logging.getLogger(__name__).warning("Could not write %d plan counts at exit", sum(_pending.values()))
