"""A witness sees how old each fact is, in their language, in whole days, weeks, months or years."""

from datetime import date

import pytest
from django.utils import translation

from directory.models import Channel
from directory.signals import changed
from directory.templatetags.directory_tags import age, long_date

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("checked", "shown"),
    [
        (date(2026, 11, 29), ""),
        (date(2026, 11, 28), "1 day"),
        (date(2026, 11, 23), "6 days"),
        (date(2026, 11, 15), "2 weeks"),
        (date(2026, 10, 20), "1 month"),
        (date(2025, 11, 29), "12 months"),
        (date(2025, 7, 2), "16 months"),
        (date(2024, 11, 29), "2 years"),
        (date(2021, 11, 10), "5 years"),
    ],
)
def test_the_age_of_a_fact_is_said_in_plain_units(checked, shown):
    with translation.override("en"):
        assert age(checked, TODAY) == shown


@pytest.mark.parametrize(
    ("language", "shown"),
    [("fr", "16 mois"), ("lt", "16 mėnesių"), ("mt", "16 xahar"), ("de", "16 Monaten"), ("th", "16 เดือน")],
)
def test_the_age_of_a_fact_is_in_the_visitors_language(language, shown):
    with translation.override(language):
        assert age(date(2025, 7, 2), TODAY) == shown


@pytest.mark.parametrize(
    ("checked", "shown"),
    [
        (date(2025, 6, 20), "17 شهرًا"),  # 11 to 99: the singular, in the accusative
        (date(2024, 11, 29), "سنتين"),  # two: the dual, without the number
        (date(2026, 10, 25), "شهر"),  # one: the word alone ("a month ago")
        (date(2026, 11, 28), "يوم"),
        (date(2026, 11, 24), "5 أيام"),  # 3 to 10: the plural
    ],
)
def test_arabic_ages_take_the_form_their_number_asks_for(checked, shown):
    with translation.override("ar"):
        assert age(checked, TODAY) == shown


@pytest.mark.parametrize(
    ("language", "shown"),
    [("en", "July 2, 2025"), ("fr", "2 juillet 2025"), ("mt", "2 ta’ Lulju 2025"), ("lt", "2025 m. liepos 2 d.")],
)
def test_dates_are_written_as_people_write_them_in_each_language(language, shown):
    with translation.override(language):
        assert long_date(date(2025, 7, 2)) == shown


def test_a_fact_checked_today_shows_its_date_and_no_age(client, loaded_directory):
    Channel.objects.filter(country_id="TH").update(verified_on=date.today())
    changed()  # what every save in the admin does: a new version of the directory
    page = client.get("/en/countries/th/").content.decode()
    with translation.override("en"):
        assert f'title="{long_date(date.today())}">checked today</time>' in page
    assert "minutes ago" not in page and "hours ago" not in page
