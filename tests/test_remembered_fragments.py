"""A plan reads the same whether its parts were rendered for it or remembered from other plans (lib/fragments.py).

Over the shipped directory: plans for travellers from several countries, seen in several places, in several
languages. Each is rendered once with nothing remembered; then all are rendered again, in another order, after
the others have filled the memory. A card remembered under too loose a key (a number shown as dialled from the
wrong country, a card in the wrong language) makes a page differ.
"""

import random
import re

import pytest
from django.core.cache import cache

from lib import fragments
from lib.page_cache import VERSION_KEY

pytestmark = pytest.mark.usefixtures("loaded_directory")

# Countries whose numbers dial differently from inside and from abroad (toll-free, short numbers, +CC numbers).
COUNTRIES = ["TH", "BE", "FR", "GB", "US", "KE", "BR", "DE", "NL", "PH", "KH", "IE", "MX", "GG"]
LANGUAGES = ["en", "fr", "ar", "th"]


def plans() -> list[str]:
    draw = random.Random(11)  # noqa: S311 - a fixed sample, not a secret
    addresses = set()
    while len(addresses) < 48:
        happened, lives = draw.choice(COUNTRIES), draw.choice(COUNTRIES)
        seen = draw.choice(["in_person", "online"])
        danger = draw.choice(["yes", "no"])
        nationality = draw.choice([*COUNTRIES, ""])
        addresses.add(
            f"/{draw.choice(LANGUAGES)}/plan/?danger={danger}&seen={seen}&happened={happened}&lives={lives}"
            f"&nationality={nationality}"
        )
    return sorted(addresses)


def render(client, address: str) -> str:
    # Never the page cache's copy: the page is made again. The version stays, or the directory is read again.
    version = cache.get(VERSION_KEY)
    cache.clear()
    cache.set(VERSION_KEY, version, timeout=None)
    response = client.get(address)
    assert response.status_code == 200, address
    # The corrections form's ticket carries the second the page was made: the one part meant to differ.
    return re.sub(r'name="ticket" value="[^"]*"', 'name="ticket" value=""', response.content.decode())


def test_a_plan_reads_the_same_with_its_parts_remembered_from_other_plans(client):
    addresses = plans()
    alone = {}
    for address in addresses:
        fragments.forget()
        alone[address] = render(client, address)
    fragments.forget()
    random.Random(3).shuffle(addresses)  # noqa: S311 - a fixed order, not a secret
    for address in addresses:
        render(client, address)
    remembered = len(fragments._fragments)
    for address in reversed(addresses):
        assert render(client, address) == alone[address], address
    # The second pass was served from memory, not rendered anew: the test compared remembered parts.
    assert len(fragments._fragments) == remembered
