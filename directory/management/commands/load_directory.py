from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from directory.dataset import DatasetError, read_directory
from directory.loading import load_directory


class Command(BaseCommand):
    help = (
        "Check the directory's data files and load them into the database (safe to run again). Rows changed in "
        "the back office since are kept unless --force; a country without a file is left as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument("--folder", default=str(settings.DIRECTORY_DATA_DIR), help="Folder of <CODE>.yaml files.")
        parser.add_argument("--check", action="store_true", help="Only check the files; change nothing.")
        parser.add_argument("--dry-run", action="store_true", help="Show what loading would change; change nothing.")
        parser.add_argument(
            "--force", action="store_true", help="Take the files' version even of rows changed in the back office."
        )

    def handle(self, *args, folder, check, dry_run, force, **options):
        try:
            directory = read_directory(Path(folder))
        except DatasetError as error:
            raise CommandError(
                f"The directory data has {len(error.problems)} problem(s); nothing was loaded:\n" + str(error)
            ) from None
        if not directory.countries:
            raise CommandError(f"{folder} has no country files; nothing was loaded and the database is as it was.")
        if check:
            self.stdout.write(f"{len(directory.countries)} country files and the international file are valid.")
            return
        report = load_directory(
            directory,
            only=set(directory.countries),
            with_international=bool(directory.international),
            dry_run=dry_run,
            force=force,
        )
        for change in report.changes:
            self.stdout.write(f"  {change}")
        if report.kept:
            self.stderr.write(
                f"Kept {len(report.kept)} row(s) changed in the back office since the files were loaded; the files "
                "would change them thus:"
            )
            for kept in report.kept:
                self.stderr.write(f"  {kept}")
            self.stderr.write(
                "To keep the back office's version, run export_directory and commit the files; to take the files' "
                "version, load again with --force."
            )
        self.stdout.write(
            ("Would load " if dry_run else "Loaded ")
            + f"{len(directory.countries)} countries with data: "
            + ", ".join(f"{report[word]} {word}" for word in ("created", "updated", "deleted", "unchanged", "kept"))
        )
