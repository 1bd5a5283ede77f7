"""If the application is down, a static host can still serve every country page and its numbers."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from directory.countries import ISO_CODES
from guide.management.commands.export_static import PAGES, static_paths

pytestmark = pytest.mark.usefixtures("loaded_directory")


def test_the_static_copy_holds_every_country_page_in_every_language():
    languages = [code for code, _ in settings.LANGUAGES]
    paths = static_paths(languages, sorted(ISO_CODES))
    assert len(paths) == len(set(paths)) == (249 + len(PAGES)) * len(languages)
    assert "/fr/countries/th/" in paths and "/ar/countries/zw/" in paths


def test_it_writes_country_pages_with_their_emergency_numbers(tmp_path):
    """A sample of languages and countries: rendering all 6,600 pages would tell no more."""
    call_command(
        "export_static", str(tmp_path / "site"), "--languages=fr,ar", "--countries=TH,BE", stdout=io.StringIO()
    )
    site = tmp_path / "site"
    assert len(list(site.glob("*/countries/*/index.html"))) == 4
    thailand = (site / "fr" / "countries" / "th" / "index.html").read_text(encoding="utf-8")
    assert 'href="tel:191"' in thailand and '<html lang="fr"' in thailand
    assert '<html lang="ar" dir="rtl"' in (site / "ar" / "countries" / "be" / "index.html").read_text(encoding="utf-8")
    assert (site / "fr" / "index.html").exists() and (site / "static" / "css" / "site.css").exists()


def test_it_refuses_an_unknown_language_or_country(tmp_path):
    with pytest.raises(CommandError, match="XX"):
        call_command("export_static", str(tmp_path), "--countries=XX", stdout=io.StringIO())
