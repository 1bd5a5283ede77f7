"""Shared fixtures: the shipped directory, and a real headless Chromium for browser tests."""

import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

from directory.dataset import read_directory
from directory.loading import load_directory

# Live-server tests drive the browser from the test thread while Django serves from another.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def shipped_directory():
    """The directory exactly as the data files in the repository describe it."""
    return read_directory(settings.DIRECTORY_DATA_DIR)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, shipped_directory):
    """The test database holds the shipped directory and content, as after `make run`: loaded once per session.

    Each test runs in a transaction that is rolled back, so what one test changes, the next never sees.
    (A test with a live server empties the tables when it ends; `loaded_tables` and
    `tables_filled_again_after_a_flush` put them back from the copy kept here.)
    """
    with django_db_blocker.unblock():
        load_directory(shipped_directory)
        call_command("load_content", stdout=io.StringIO())
        keep_every_table()


# Tests with a live server empty every table when they end (a flush). Loading the directory and content again for
# the next one takes seconds, a copy of the loaded tables kept beside them milliseconds: each table is copied once,
# just after the load, and copied back at the start of such a test.
KEPT = "kept_"


def _tables() -> list[str]:
    return connection.introspection.django_table_names(only_existing=True, include_views=False)


def keep_every_table() -> None:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(f"DROP TABLE IF EXISTS {quote(KEPT + table)}")
            cursor.execute(f"CREATE TABLE {quote(KEPT + table)} AS SELECT * FROM {quote(table)}")  # noqa: S608 - our tables


def put_every_table_back() -> None:
    """The database exactly as `django_db_setup` loaded it, ids included; every cache of it told so."""
    from django.contrib.contenttypes.models import ContentType

    from directory.signals import changed

    quote = connection.ops.quote_name
    # Foreign keys are checked when the transaction ends (Django makes them deferrable), so the order is free.
    with transaction.atomic(), connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608 - the names are Django's own tables
            cursor.execute(f"INSERT INTO {quote(table)} SELECT * FROM {quote(KEPT + table)}")  # noqa: S608
    ContentType.objects.clear_cache()  # the flush made new content types, with other ids
    changed()  # a new version of the directory: no page or snapshot from before is served


_flushed = {"tables": False}  # this process's tables were emptied at the end of the last test


@pytest.fixture(autouse=True)
def tables_filled_again_after_a_flush(request, django_db_blocker):
    """A test that does not commit, run after one that flushed, finds the tables as `django_db_setup` left them
    (autouse fixtures come before `db` opens the test's transaction)."""
    committing = "transactional_db" in request.fixturenames or "live_server" in request.fixturenames
    if _flushed["tables"] and not committing:
        with django_db_blocker.unblock():
            put_every_table_back()
        _flushed["tables"] = False
    if committing:
        _flushed["tables"] = True


@pytest.fixture
def loaded_tables(transactional_db):
    """For a test that commits (a live server, a real transaction): the shipped directory and content in tables
    that really hold them, as after `make run`; they are emptied after the test."""
    put_every_table_back()


@pytest.fixture
def loaded_directory(db, shipped_directory):
    """The shipped directory, as loaded in the test database."""
    return shipped_directory


@pytest.fixture
def empty_directory(db):
    """No directory rows at all (the transaction is rolled back after the test): for tests that build their
    own small world of countries and channels."""
    from directory.models import Channel, Country, EmergencyNumber, Jurisdiction
    from directory.signals import changed, one_revision

    # No history of taking the world apart: a thousand history rows cost a test over a second, and no test
    # reads them (the rollback takes them away anyway).
    with one_revision(), override_settings(SIMPLE_HISTORY_ENABLED=False):
        for model in (Channel, EmergencyNumber, Jurisdiction, Country):
            model.objects.all().delete()
    changed()  # one new version of the directory: no page or snapshot of the full one is served


@pytest.fixture
def no_content(db):
    """No pages or articles: for tests that count the entries they make."""
    from content.models import Entry

    Entry.objects.all().delete()


@pytest.fixture
def loaded_content(db):
    """The shipped pages and articles, as loaded in the test database."""


@pytest.fixture(autouse=True)
def directory_snapshot_of_this_test():
    """A test that changes the directory (and is then rolled back) leaves no snapshot of its change behind."""
    from directory import snapshot
    from lib.page_cache import pages_version

    before = pages_version()
    yield
    if pages_version() != before:
        snapshot.forget()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
