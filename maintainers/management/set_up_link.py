"""What the commands that hand out a one-time set-up link share: the account named, the site it points to."""

from django.conf import settings
from django.core.management.base import BaseCommand

from maintainers.set_up import start_set_up


class SetUpLinkCommand(BaseCommand):
    """A command about one staff account that ends by printing the link where its owner sets up sign-in."""

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--site",
            help="The site's address for the set-up link (default: this copy in development, else the first of "
            "ALLOWED_HOSTS).",
        )

    @staticmethod
    def set_up_link(user, site: str | None) -> str:
        """A new one-time link; where it points: the site given, the local copy in development, else the first
        of ALLOWED_HOSTS."""
        site = site or ("http://127.0.0.1:8000" if settings.DEBUG else f"https://{settings.ALLOWED_HOSTS[0]}")
        return site.rstrip("/") + start_set_up(user)
