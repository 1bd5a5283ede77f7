from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from directory.export import write_directory
from directory.loading import read_directory


class Command(BaseCommand):
    help = "Write the directory from the database as data files (the format of DATA.md)."

    def add_arguments(self, parser):
        parser.add_argument("--folder", default=str(settings.DIRECTORY_DATA_DIR), help="Where to write <CODE>.yaml.")

    def handle(self, *args, folder, **options):
        written = write_directory(read_directory(), Path(folder))
        self.stdout.write(f"Wrote {len(written)} files to {folder}")
