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


@pytest.fixture(scope="session")
def shipped_directory():
    """The directory exactly as the data files in the repository describe it."""
    return read_directory(settings.DIRECTORY_DATA_DIR)


@pytest.fixture
def loaded_directory(db, shipped_directory):
    """The shipped directory loaded into the test database, as `make run` does."""
    load_directory(shipped_directory)
    return shipped_directory


@pytest.fixture
def loaded_content(db):
    """The shipped pages and articles, as `make run` loads them."""
    call_command("load_content", stdout=io.StringIO())


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
