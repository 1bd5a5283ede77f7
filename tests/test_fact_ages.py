"""A witness sees how old each fact is, in their language, in whole days, weeks, months or years."""

from datetime import date

import pytest
from django.utils import translation
from django.utils.formats import date_format

from directory.models import Channel
from directory.templatetags.directory_tags import age

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("checked", "shown"),
    [
        (date(2026, 11, 29), ""),
        (date(2026, 11, 28), "1 day"),
        (date(2026, 11, 23), "6 days"),
        (date(2026, 11, 15), "2 weeks"),
        (date(2026, 10, 20), "1 month"),
        (date(2025, 11, 29), "1 year"),
        (date(2025, 7, 2), "1 year, 4 months"),
        (date(2021, 11, 10), "5 years"),
    ],
)
def test_the_age_of_a_fact_is_said_in_plain_units(checked, shown):
    with translation.override("en"):
        assert age(checked, TODAY) == shown


@pytest.mark.parametrize(
    ("language", "shown"),
    [("fr", "1 an, 4 mois"), ("lt", "1 metus, 4 mėnesius"), ("mt", "sena, 4 xhur"), ("ar", "سنة")],
)
def test_the_age_of_a_fact_is_in_the_visitors_language(language, shown):
    with translation.override(language):
        assert shown in age(date(2025, 7, 2), TODAY)


def test_a_fact_checked_today_shows_its_date_and_no_age(client, loaded_directory):
    Channel.objects.filter(country_id="TH").update(verified_on=date.today())
    page = client.get("/en/countries/th/").content.decode()
    assert f"Last verified on {date_format(date.today(), 'DATE_FORMAT')} —" in page
    assert "minutes ago" not in page and "hours ago" not in page
