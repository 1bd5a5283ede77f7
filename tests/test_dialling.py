"""Numbers as they dial from where the witness is: a traveller in Thailand cannot dial Belgium's 102."""

import re

import pytest

from lib.dialling import dialling


def test_a_belgian_short_number_seen_from_thailand_says_it_works_only_inside_belgium():
    number = dialling("102", "BE", "TH")
    assert number.inside_only and not number.dialable and number.shown == "102"


def test_the_same_short_number_dials_at_home():
    number = dialling("102", "BE", "BE")
    assert number.tel == "tel:102" and not number.inside_only


def test_a_foreign_landline_is_given_in_international_format():
    number = dialling("+66 53 750 167", "TH", "BE")
    assert number.shown == "+66 53 750 167" and number.tel == "tel:+6653750167"


def test_a_number_of_the_country_you_are_in_is_written_as_that_country_writes_it():
    number = dialling("+66 53 750 167", "TH", "TH")
    assert number.shown == "053 750 167" and number.tel == "tel:+6653750167"


@pytest.mark.parametrize(("number", "region"), [("0800 7000", "NL"), ("0900 8844", "NL"), ("1800 555 222", "IE")])
def test_free_and_premium_numbers_are_not_offered_as_calls_from_abroad(number, region):
    seen_from_thailand = dialling(number, region, "TH")
    assert seen_from_thailand.inside_only and not seen_from_thailand.dialable


def test_a_country_page_keeps_the_link_but_says_where_a_number_works():
    number = dialling("0800 7000", "NL", None)
    assert number.inside_only and number.tel == "tel:+318007000"


def test_every_tel_link_of_the_shipped_directory_dials_from_thailand(shipped_directory):
    """Each number either dials from Thailand (+… or a Thai number) or says it does not."""
    for code, record in shipped_directory.countries.items():
        for channel in record.shown_channels():
            if not channel.phone:
                continue
            number = dialling(channel.phone, code, "TH")
            if number.tel:
                assert code == "TH" or re.fullmatch(r"tel:\+\d{7,15}", number.tel), (code, channel.name, number)
            else:
                assert number.inside_only, (code, channel.name)
