"""Phone numbers as they dial from where the witness is.

A witness in Thailand cannot dial Belgium's `0800 …` or `102`: a number of another country is shown in
international format, and a number that works only inside its country says so and gets no `tel:` link.
Grouping and spacing come from libphonenumber, as the country writes its numbers.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberFormat

# Not a country: where the witness is when it is none of the countries of the numbers in view.
ELSEWHERE = "elsewhere"


@dataclass(frozen=True)
class Dialling:
    shown: str  # the number as the witness dials it from where they are
    tel: str  # the tel: link, or "" where the number cannot be dialled from there
    inside_only: bool  # works only inside its own country, and the witness is elsewhere
    country: str | None  # the number's own country

    @property
    def dialable(self) -> bool:
        return bool(self.tel)


# Free-phone, premium-rate and shared-cost numbers (Belgium's 0800, the Netherlands' 0900, Ireland's 1800)
# are set up for calls from inside their country; from a foreign phone they mostly fail or cost a fortune.
DOMESTIC_TYPES = frozenset(
    {
        phonenumbers.PhoneNumberType.TOLL_FREE,
        phonenumbers.PhoneNumberType.PREMIUM_RATE,
        phonenumbers.PhoneNumberType.SHARED_COST,
    }
)


def _dials_from_abroad(parsed: phonenumbers.PhoneNumber) -> bool:
    return (
        phonenumbers.can_be_internationally_dialled(parsed) and phonenumbers.number_type(parsed) not in DOMESTIC_TYPES
    )


@lru_cache(maxsize=8192)
def dialling(number: str, region: str | None, where_now: str | None) -> Dialling:
    """How `number` (written as dialled in `region`, or with +country code) dials from `where_now`.

    `where_now` None means "from anywhere" (a country page): a number is given as it works from abroad where
    it can be, and one that works only inside its country keeps its link but says so.
    """
    digits = "".join(char for char in number if char.isdigit())
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return Dialling(number, "", True, region)
    if not phonenumbers.is_valid_number(parsed):
        # A short number (an emergency number, a helpline): it works only inside its own country.
        here = where_now in (None, region)
        return Dialling(number.strip(), "tel:" + digits if here else "", where_now != region, region)
    # A number valid where it is written belongs there: a toll-free 1-866 number given for Canada is
    # Canada's too, though libphonenumber files all shared North American toll-free numbers under the US.
    home: str | None
    if region and phonenumbers.is_valid_number_for_region(parsed, region):
        home = region
    else:
        home = phonenumbers.region_code_for_number(parsed) or region
    e164 = "tel:" + phonenumbers.format_number(parsed, PhoneNumberFormat.E164)
    national = phonenumbers.format_number(parsed, PhoneNumberFormat.NATIONAL)
    if where_now == home:
        return Dialling(national, e164, False, home)
    if not _dials_from_abroad(parsed):
        return Dialling(national, e164 if where_now is None else "", True, home)
    return Dialling(phonenumbers.format_number(parsed, PhoneNumberFormat.INTERNATIONAL), e164, False, home)


def dialling_place(numbers: Iterable[tuple[str, str | None]], where_now: str | None) -> str | None:
    """`where_now` as far as these (number, region) pairs can tell: itself, or ELSEWHERE.

    A number dials the same from every country but its own (see `dialling`), so a part of a page whose
    numbers all belong to other countries than the witness's looks the same from any of them, and is
    rendered once for all of them (lib/fragments.py).
    """
    if where_now is None:
        return None
    for number, region in numbers:
        if where_now in (region, dialling(number, region, None).country):
            return where_now
    return ELSEWHERE
