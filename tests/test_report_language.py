"""The report's headings go in a language the receiving channel reads, when the page's is not one of them."""

from dataclasses import replace

import pytest
from django.utils.translation import override

from guide.report import headings, report_language


@pytest.fixture
def channel(shipped_directory):
    """Thailand's first shipped channel, taking reports in the languages given."""
    first = shipped_directory.country("TH").channels[0]
    return lambda *languages: replace(first, languages=languages)


@pytest.mark.parametrize(
    ("page", "languages", "expected"),
    [
        ("fr", ("th", "en"), "th"),  # the first the channel reads that the site speaks
        ("en", ("th", "en"), None),  # the channel reads the page's language
        ("fr", ("my",), None),  # the site does not speak Burmese: the page's headings
        ("fr", (), None),  # nothing known of the channel's languages
    ],
)
def test_the_report_language_is_one_the_channel_reads(channel, page, languages, expected):
    with override(page):
        assert report_language(channel(*languages)) == expected
    assert report_language(None) is None


def test_headings_in_the_channels_language_come_first_then_the_pages():
    with override("en"):
        both = headings("de")
        assert both["subject"] == "Meldung: sexuelle Ausbeutung eines Kindes / Report: sexual exploitation of a child"
        assert headings(None)["when"] == "When: the date and time."
