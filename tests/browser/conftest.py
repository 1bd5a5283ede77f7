import io

import pytest
from django.core.management import call_command

from directory.loading import load_directory

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def site(live_server, transactional_db, shipped_directory):
    """The running site with the shipped directory, as a new user meets it after `make run`."""
    load_directory(shipped_directory)
    call_command("load_content", stdout=io.StringIO())
    return live_server.url


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True, locale="en-GB")
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_without_javascript(browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="fr-BE")
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    yield context.new_page()
    context.close()
