from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from maintainers.management.commands.create_maintainer import default_site
from maintainers.set_up import VALID_FOR, start_set_up


class Command(BaseCommand):
    help = (
        "For a maintainer who lost their phone: stop their authenticator app and recovery codes, "
        "and print a new one-time set-up link."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--site", help="The site's address for the set-up link.")

    def handle(self, *args, username, site, **options):
        user = get_user_model().objects.filter(username=username, is_staff=True).first()
        if user is None:
            raise CommandError(f"No staff account {username}.")
        link = (site or default_site()).rstrip("/") + start_set_up(user)
        self.stdout.write(f"{username} can no longer sign in with their old app or recovery codes. New set-up link,")
        self.stdout.write(f"which works once, for {VALID_FOR.days} days:")
        self.stdout.write(link)
