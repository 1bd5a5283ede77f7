"""Shared fixtures: the shipped directory, and a real headless Chromium for browser tests."""

import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

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


def pytest_collection_modifyitems(items):
    """Tests that flush the tables (a live server, a real transaction) are marked, to run in a pass of their own.

    pytest-django runs them after the others in one process; with the suite spread over processes
    (pytest-xdist), a process could run one before a test that expects the directory loaded at the start.
    """
    for item in items:
        if {"live_server", "transactional_db"} & set(getattr(item, "fixturenames", ())) or any(
            mark.kwargs.get("transaction") for mark in item.iter_markers("django_db")
        ):
            item.add_marker(pytest.mark.flushes)


@pytest.fixture(scope="session")
def shipped_directory():
    """The directory exactly as the data files in the repository describe it."""
    return read_directory(settings.DIRECTORY_DATA_DIR)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, shipped_directory):
    """The test database holds the shipped directory and content, as after `make run`: loaded once per session.

    Each test runs in a transaction that is rolled back, so what one test changes, the next never sees.
    (Tests with a live server flush the tables; pytest-django runs them after the others, and they load
    what they need themselves.)
    """
    with django_db_blocker.unblock():
        load_directory(shipped_directory)
        call_command("load_content", stdout=io.StringIO())


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

    with one_revision():
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
