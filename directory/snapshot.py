"""The directory in each worker's memory: the guide never waits for the database.

The directory is small (about a thousand facts) and changes a few times a day, so every process keeps the
whole of it as immutable records, shared read-only by every request. It is replaced whole when the
directory's version changes: the version the page cache already keeps (`lib/page_cache.py`), which
every change bumps, so checking it costs a cache look-up, never a database query. While the cache is
down, the version is unknown and the directory is read again every few seconds instead.

Threat: the database going down during a campaign. A plan, a country page, the emergency numbers and the
API keep answering from memory; a worker that starts while the database is down reads the last snapshot
written to disk, else the shipped data files, and says nothing wrong to the witness.
"""

import logging
import pickle
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError

from directory.dataset import DatasetError
from directory.dataset import read_directory as read_files
from directory.loading import read_directory
from directory.models import DirectoryRevision
from directory.records import Directory
from lib.page_cache import pages_version

log = logging.getLogger(__name__)


# How long a worker that could not read the database serves its fallback before it tries again; and how long,
# while the cache is down, it trusts the directory it holds.
RETRY_SECONDS = 10


@dataclass(frozen=True)
class _Held:
    version: int | None  # None: read while the cache could not give the version
    directory: Directory
    changed_at: datetime | None = None  # when the directory last changed: the API's Last-Modified
    fallback_since: float | None = None  # set while serving a fallback because the database was down
    read_at: float = field(default_factory=time.monotonic)

    def current(self, version: int | None) -> bool:
        if version is None:
            # The cache is down, so no change can be heard of: keep what is held for a few seconds, then read
            # the database again, so that an edit still reaches every worker.
            return time.monotonic() - self.read_at < RETRY_SECONDS
        if self.version != version:
            return False
        return self.fallback_since is None or time.monotonic() - self.fallback_since < RETRY_SECONDS


_held: _Held | None = None
_lock = threading.Lock()


def current_directory() -> Directory:
    """The whole directory, from memory while its version is unchanged."""
    version = pages_version()
    held = _held
    if held is not None and held.current(version):
        return held.directory
    with _lock:
        held = _held
        if held is None or not held.current(version):
            held = _fresh(version, held)
            _set(held)
        return held.directory


def last_change() -> datetime | None:
    """When the directory held in memory last changed."""
    current_directory()
    return _held.changed_at if _held else None


def _set(held: _Held | None) -> None:
    global _held
    _held = held


def forget() -> None:
    """Drop this process's snapshot (tests; a worker does not need it)."""
    _set(None)


def _fresh(version: int | None, previous: _Held | None) -> _Held:
    try:
        directory, changed_at = read_directory(), DirectoryRevision.last_change()
    except DatabaseError:
        log.warning("The database cannot be read: the guide answers from the last snapshot it has.")
        if previous:
            return _Held(version, previous.directory, previous.changed_at, time.monotonic())
        return _Held(version, _from_disk(), None, time.monotonic())
    _save(directory)
    return _Held(version, directory, changed_at)


def _snapshot_path() -> Path:
    return Path(settings.DIRECTORY_SNAPSHOT)


def _save(directory: Directory) -> None:
    path = _snapshot_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(pickle.dumps(directory, protocol=pickle.HIGHEST_PROTOCOL))
        temporary.replace(path)  # whole or not at all: a reader never sees half a file
    except OSError:
        log.warning("The directory snapshot could not be written to %s.", path)


def _from_disk() -> Directory:
    """The last snapshot this machine wrote, else the shipped data files."""
    try:
        # The file is written by this application only, in its own folder; never from outside input.
        return pickle.loads(_snapshot_path().read_bytes())  # noqa: S301
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    try:
        return read_files(Path(settings.DIRECTORY_DATA_DIR))
    except (OSError, DatasetError):
        return Directory()
