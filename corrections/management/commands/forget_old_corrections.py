from django.core.management.base import BaseCommand

from corrections.models import KEPT_DAYS, Correction


class Command(BaseCommand):
    help = f"Delete the notes from the public received more than {KEPT_DAYS} days ago (cron: daily)."

    def handle(self, *args, **options):
        deleted = Correction.objects.forget_old()
        self.stdout.write(f"{deleted} note(s) older than {KEPT_DAYS} days deleted.")
