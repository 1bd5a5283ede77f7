"""Two maintainers look at the country list at the same moment: each sees the states worked out for their own
request, never those of the other's."""

from datetime import date

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.test import RequestFactory
from django.utils import translation

from directory.models import Channel, Country
from maintainers.models import EditorProfile
from maintainers.roles import EDITORS

pytestmark = pytest.mark.usefixtures("empty_directory")


@pytest.fixture(autouse=True)
def in_english():
    # The views are called directly, without LocaleMiddleware: the language is set here, not left to chance.
    with translation.override("en"):
        yield


@pytest.fixture
def thailand_and_belgium():
    for code in ("TH", "BE"):
        Country.objects.create(code=code)
        Channel.objects.create(
            country_id=code,
            name=f"{code} police",
            kind="police",
            official=True,
            scope="both",
            url="https://example.org/report",
            source_url="https://example.org",
            source_title="A page",
            verified_on=date.today(),
            confidence="verified",
        )


@pytest.fixture
def coordinator():
    return User.objects.create(username="coordinator", is_staff=True, is_superuser=True)


@pytest.fixture
def thai_editor():
    editor = User.objects.create(username="thai-editor", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    EditorProfile.objects.create(user=editor).countries.add("TH")
    return editor


def country_list(user):
    request = RequestFactory().get("/admin/directory/country/")
    request.user = user
    user.is_verified = lambda: True  # signed in with a TOTP code, as OTPMiddleware would have said
    # Not rendered yet: the rows, and the state in each, are drawn when the page is rendered.
    return admin.site._registry[Country].changelist_view(request)


def test_a_list_rendered_after_another_editors_request_shows_its_own_states(
    thailand_and_belgium, coordinator, thai_editor
):
    coordinators_list = country_list(coordinator)  # the coordinator's request starts: every country
    thai_list = country_list(thai_editor).render().content.decode()  # a Thai editor's, start to end: Thailand
    coordinators_page = coordinators_list.render().content.decode()  # the coordinator's page is drawn now

    assert "Thailand (TH)" in thai_list and "Belgium (BE)" not in thai_list
    # The legend names each state once; then each row says its own: both countries have an official channel.
    assert coordinators_page.count("mechanism not verified") == 1 + 2
    assert coordinators_page.count("missing a mechanism") == 1


def test_a_country_without_a_place_to_report_is_shown_as_missing_one(thailand_and_belgium, coordinator):
    Channel.objects.filter(country="BE").delete()
    page = country_list(coordinator).render().content.decode()
    assert page.count("mechanism not verified") == 1 + 1 and page.count("missing a mechanism") == 1 + 1


def test_a_list_shows_the_states_its_own_request_read_not_those_another_read_after_a_change(
    thailand_and_belgium, coordinator
):
    first = country_list(coordinator)  # reads: both countries have an official channel
    Channel.objects.filter(country="BE").delete()
    second = country_list(coordinator).render().content.decode()  # reads: Belgium has none
    page = first.render().content.decode()
    assert second.count("missing a mechanism") == 1 + 1
    assert page.count("mechanism not verified") == 1 + 2 and page.count("missing a mechanism") == 1
