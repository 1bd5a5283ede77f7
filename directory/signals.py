"""Every change to the directory, from a data load or the admin, moves its revision time forward."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from directory.models import Channel, DirectoryRevision, EmergencyNumber, Jurisdiction
from lib.page_cache import invalidate_pages

# Set while a whole load is written: one revision at its end, not one per row (a load writes a thousand).
_in_bulk: ContextVar[bool] = ContextVar("in_bulk", default=False)


@contextmanager
def one_revision() -> Iterator[None]:
    """Write many rows as one change of the directory; the caller calls `changed()` if anything changed."""
    token = _in_bulk.set(True)
    try:
        yield
    finally:
        _in_bulk.reset(token)


def changed() -> None:
    DirectoryRevision.touch()
    invalidate_pages()


@receiver([post_save, post_delete], sender=Channel)
@receiver([post_save, post_delete], sender=EmergencyNumber)
@receiver([post_save, post_delete], sender=Jurisdiction)
def directory_changed(sender, **kwargs):
    if not _in_bulk.get():
        changed()
