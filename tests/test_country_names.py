"""The other names a witness may type to find a country: from CLDR, shipped as a static file kept in step."""

import json
from pathlib import Path

from django.conf import settings

from directory.countries import ISO_CODES
from directory.country_names import file_text

SHIPPED = Path(settings.BASE_DIR) / "static" / "js" / "country-names.json"


def test_the_shipped_file_is_made_from_cldr():
    assert SHIPPED.read_text(encoding="utf-8") == file_text(), (
        "regenerate it: python -m directory.country_names > static/js/country-names.json"
    )


def test_every_country_has_its_english_name_first_and_its_own_names_after():
    names = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert set(names) == ISO_CODES
    assert names["TH"][:2] == ["Thailand", "ไทย"]
    assert names["BE"][0] == "Belgium" and {"België", "Belgique", "Belgien"} <= set(names["BE"])
    assert "Deutschland" in names["DE"] and "भारत" in names["IN"]


def test_the_names_people_use_beyond_cldr_come_after_the_official_ones():
    names = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert names["NL"][:2] == ["Netherlands", "Nederland"] and "Holland" in names["NL"]
    assert "Burma" in names["MM"] and "Bali" in names["ID"] and "Zanzibar" in names["TZ"]
    assert all(len(country) == len(set(country)) for country in names.values())
