"""Counting completed plans without tracking anyone, and without a database query while serving.

Only (day, country where it happened, country where the witness lives, in person or online) is counted:
no cookie, no address, no user agent, no time of day. Counts gather in this process's memory and are
written in one batch at most every minute, so a plan served from the page cache still costs no query.
A plan fetched ahead of time, to be kept for offline use (the service worker's prefetches) or by the
browser's own prefetching, is not one a person opened, and is not counted.
"""

import atexit
import logging
import threading
from collections import Counter
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

PUBLIC_THRESHOLD = 10  # smaller public figures could point at a person; they are shown as "fewer than 10"

_pending: Counter = Counter()
_lock = threading.Lock()
_timer: threading.Timer | None = None
_exit_hook_installed = False


def record(happened: str | None, lives: str, seen: str) -> None:
    global _timer, _exit_hook_installed
    with _lock:
        _pending[(date.today(), happened or "online", lives, seen)] += 1
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
    from guide.models import PlanCount

    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _timer = None
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
