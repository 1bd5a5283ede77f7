"""How many notes a day the maintainers can be sent: per country, and in all.

Threat: a flood of notes that buries the real ones, or fills the database. The caps count notes per day in
the shared cache, keyed by the day and the country alone: nothing about who sent them, so a flood stops
everyone's notes for that country until the next day, which is the price of keeping no address. When the
cache cannot answer, the day's stored notes are counted instead.
"""

from django.core.cache import cache
from django.utils import timezone

from corrections.models import Correction

PER_COUNTRY_PER_DAY = 20
PER_DAY = 300
KEY_TIMEOUT = 2 * 24 * 3600


def _count(key: str, stored) -> int:
    """This note's number among the day's, counted in the cache, else in the database."""
    try:
        cache.add(key, 0, timeout=KEY_TIMEOUT)
        return cache.incr(key)
    except Exception:  # the cache is an accelerator, never a dependency (lib/page_cache.py)
        return stored.count() + 1


def allow(country: str, today=None) -> bool:
    """True if a note for `country` may be stored today; counts it."""
    today = today or timezone.localdate()
    received = Correction.objects.filter(received_on=today)
    for key, cap, stored in (
        (f"corrections:{today.isoformat()}:{country}", PER_COUNTRY_PER_DAY, received.filter(country_id=country)),
        (f"corrections:{today.isoformat()}", PER_DAY, received),
    ):
        if _count(key, stored) > cap:
            return False
    return True
