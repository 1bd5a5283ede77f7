"""If the application is down, a static host can still serve every country page and its numbers."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command

pytestmark = pytest.mark.usefixtures("loaded_directory")


def test_it_writes_every_country_page_in_every_language_with_its_emergency_numbers(tmp_path):
    call_command("export_static", str(tmp_path / "site"), stdout=io.StringIO())
    site = tmp_path / "site"
    assert len(list(site.glob("*/countries/*/index.html"))) == 249 * len(settings.LANGUAGES)
    thailand = (site / "fr" / "countries" / "th" / "index.html").read_text(encoding="utf-8")
    assert 'href="tel:191"' in thailand and '<html lang="fr"' in thailand
    assert (site / "en" / "index.html").exists() and (site / "static" / "css" / "site.css").exists()
