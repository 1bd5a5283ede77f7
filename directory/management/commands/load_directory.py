from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from directory.dataset import DatasetError, read_directory
from directory.loading import load_directory


class Command(BaseCommand):
    help = "Check the directory's data files and load them into the database (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("--folder", default=str(settings.DIRECTORY_DATA_DIR), help="Folder of <CODE>.yaml files.")
        parser.add_argument("--check", action="store_true", help="Only check the files; change nothing.")

    def handle(self, *args, folder, check, **options):
        try:
            directory = read_directory(Path(folder))
        except DatasetError as error:
            raise CommandError(
                f"The directory data has {len(error.problems)} problem(s); nothing was loaded:\n" + str(error)
            ) from None
        if check:
            self.stdout.write(f"{len(directory.countries)} country files and the international file are valid.")
            return
        counts = load_directory(directory)
        self.stdout.write(
            f"Loaded {len(directory.countries)} countries with data: "
            + ", ".join(f"{counts[word]} {word}" for word in ("created", "updated", "deleted", "unchanged"))
        )
