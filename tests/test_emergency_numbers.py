"""Every emergency number in the directory is one libphonenumber knows, or carries a written, sourced override."""

import phonenumbers
from phonenumbers import shortnumberinfo


def test_every_emergency_number_agrees_with_libphonenumber_or_says_why_not(shipped_directory):
    unexplained = [
        f"{record.code} {number.number}"
        for record in shipped_directory.countries.values()
        for number in record.emergency_numbers
        if not shortnumberinfo.is_emergency_number(number.number.replace(" ", ""), record.code)
        and not (number.override and number.source.url.startswith("https://"))
    ]
    assert unexplained == []


def test_every_channel_short_number_libphonenumber_does_not_know_says_why(shipped_directory):
    for record in shipped_directory.countries.values():
        for channel in record.channels:
            digits = channel.phone.replace(" ", "")
            if digits.isdigit() and len(digits) <= 6 and not channel.phone_override:
                # A few countries have six-digit toll-free numbers (the UAE's 800 111): valid full numbers.
                parsed = phonenumbers.parse(digits, record.code)
                assert phonenumbers.is_valid_number(parsed) or shortnumberinfo.is_valid_short_number_for_region(
                    parsed, record.code
                ), f"{record.code} {channel.name} {channel.phone}"
