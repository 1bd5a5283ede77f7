from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from maintainers.management.set_up_link import SetUpLinkCommand
from maintainers.set_up import VALID_FOR


class Command(SetUpLinkCommand):
    help = (
        "For a maintainer who lost their phone: stop their authenticator app and recovery codes, "
        "and print a new one-time set-up link."
    )

    def handle(self, *args, username, site, **options):
        user = get_user_model().objects.filter(username=username, is_staff=True).first()
        if user is None:
            raise CommandError(f"No staff account {username}.")
        link = self.set_up_link(user, site)
        self.stdout.write(f"{username} can no longer sign in with their old app or recovery codes. New set-up link,")
        self.stdout.write(f"which works once, for {VALID_FOR.days} days:")
        self.stdout.write(link)
