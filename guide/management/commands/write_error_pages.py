"""The page nginx shows, in the visitor's language, when the application cannot answer at all (502, 504).

The app's own 5xx pages link to the emergency numbers; when the app is down, that link would fail too. So
these pages carry every country's emergency numbers themselves, with their sources, written at deploy time
from the directory and served by nginx from disk (deploy/nginx.conf, `error_page`).
"""

import gzip
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils.translation import override

from directory.countries import country_name
from directory.snapshot import current_directory


class Command(BaseCommand):
    help = "Write the static 'something went wrong' page with every country's emergency numbers, per language."

    def add_arguments(self, parser):
        parser.add_argument("--folder", default=str(settings.ERROR_PAGES_DIR))

    def handle(self, *args, folder, **options):
        target = Path(folder)
        target.mkdir(parents=True, exist_ok=True)
        directory = current_directory()
        host = next((host for host in settings.ALLOWED_HOSTS if "*" not in host), "localhost").lstrip(".")
        for language in settings.LANGUAGE_CODES:
            request = RequestFactory(HTTP_HOST=host).get(f"/{language}/", secure=True)
            with override(language):
                countries = sorted(
                    (
                        (code, record.shown_emergency_numbers())
                        for code, record in directory.countries.items()
                        if record.shown_emergency_numbers()
                    ),
                    key=lambda item: country_name(item[0], language),
                )
                html = render_to_string("guide/down.html", {"countries": countries}, request=request)
            page = target / f"{language}.html"
            page.write_text(html, encoding="utf-8")
            (target / f"{language}.html.gz").write_bytes(gzip.compress(html.encode("utf-8"), mtime=0))
        self.stdout.write(f"Wrote the error page in {len(settings.LANGUAGE_CODES)} languages to {target}")
