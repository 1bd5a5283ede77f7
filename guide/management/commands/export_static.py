import shutil
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from directory.countries import ISO_CODES

PAGES = ("home", "country_list", "emergency", "offline", "partners")


def static_paths(languages: list[str], codes: list[str]) -> list[str]:
    """Every address the static copy holds: the standing pages and each country page, in each language."""
    paths = []
    for language in languages:
        with override(language):
            paths += [reverse(name) for name in PAGES]
            paths += [reverse("country_detail", args=[code.lower()]) for code in codes]
    return paths


class Command(BaseCommand):
    help = "Write the public pages that do not depend on a visitor's answers as plain files for a static host."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="Where to write the site (it is emptied first).")
        parser.add_argument("--languages", help="Only these languages, comma-separated (default: all).")
        parser.add_argument("--countries", help="Only these country pages, comma-separated codes (default: all).")

    def handle(self, *args, folder, languages=None, countries=None, **options):
        out = Path(folder)
        if out.exists():
            shutil.rmtree(out)
        host = next((host for host in settings.ALLOWED_HOSTS if "*" not in host), "localhost").lstrip(".")
        client = Client(HTTP_HOST=host)
        known = [code for code, _ in settings.LANGUAGES]
        chosen_languages = languages.split(",") if languages else known
        chosen_countries = [code.upper() for code in countries.split(",")] if countries else sorted(ISO_CODES)
        unknown = sorted(set(chosen_languages) - set(known)) + sorted(set(chosen_countries) - ISO_CODES)
        if unknown:
            raise CommandError(f"Unknown language or country: {', '.join(unknown)}")
        paths = static_paths(chosen_languages, chosen_countries)
        for path in paths:
            response = client.get(path, secure=True)
            if response.status_code != 200:
                raise CommandError(f"{path} answered {response.status_code}; nothing more was written")
            target = out / path.strip("/") / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(response.content)
        self._copy_static(out / settings.STATIC_URL.strip("/"))
        self.stdout.write(f"Wrote {len(paths)} pages and the static files to {out}")

    def _copy_static(self, target: Path) -> None:
        for finder in finders.get_finders():
            for path, storage in finder.list(["admin/*"]):
                destination = target / path
                destination.parent.mkdir(parents=True, exist_ok=True)
                with storage.open(path) as source:
                    destination.write_bytes(source.read())
