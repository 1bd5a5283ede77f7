"""The device's time zone names the country it is in, from the time-zone database itself."""

from pathlib import Path

from django.conf import settings

from lib.time_zones import ZONE_TAB, script, zone_countries


def test_the_shipped_script_is_made_from_the_time_zone_database():
    shipped = (Path(settings.BASE_DIR) / "static" / "js" / "where-now.js").read_text(encoding="utf-8")
    assert ZONE_TAB.exists(), "the time-zone database (Debian's tzdata) is needed to check the table"
    assert shipped == script(zone_countries()), "regenerate it: python -m lib.time_zones > static/js/where-now.js"


def test_zones_name_their_countries():
    table = zone_countries()
    assert table["Asia/Bangkok"] == "TH" and table["Europe/Brussels"] == "BE" and table["Asia/Phnom_Penh"] == "KH"
    assert table["America/Sao_Paulo"] == "BR" and table["Africa/Nairobi"] == "KE"
