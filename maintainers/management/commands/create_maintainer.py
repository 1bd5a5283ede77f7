import getpass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.db import transaction

from directory.countries import ISO_CODES, normalise_code
from directory.permissions import COORDINATORS
from maintainers.management.set_up_link import SetUpLinkCommand
from maintainers.models import EditorProfile
from maintainers.roles import CONTENT_EDITORS, EDITORS, ensure_roles
from maintainers.set_up import VALID_FOR


class Command(SetUpLinkCommand):
    help = (
        "Create a staff account: a coordinator, or an editor of some countries and/or of pages and articles. "
        "Prints a one-time link where its owner sets up the authenticator app."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--coordinator", action="store_true", help="May edit everything and manage users.")
        parser.add_argument("--countries", help="An editor of these countries' facts, e.g. TH,KH.")
        parser.add_argument("--content", action="store_true", help="An editor of pages and articles.")
        parser.add_argument("--password-file", help="Read the password from this file instead of asking.")

    def handle(self, *args, username, coordinator, countries, content, password_file, site, **options):
        if coordinator and (countries or content):
            raise CommandError("A coordinator already edits everything: give --coordinator alone.")
        if not (coordinator or countries or content):
            raise CommandError("Give a role: --coordinator, or --countries TH,KH and/or --content.")
        User = get_user_model()  # noqa: N806 - Django's idiom
        if User.objects.filter(username=username).exists():
            raise CommandError(f"{username} already exists.")
        codes = [normalise_code(code.strip()) for code in (countries or "").split(",") if code.strip()]
        unknown = [code for code in codes if code not in ISO_CODES]
        if unknown:
            raise CommandError(f"Not ISO 3166-1 codes: {', '.join(unknown)}")
        if password_file:
            with open(password_file, encoding="utf-8") as secret:
                password = secret.read().strip()
        else:
            password = getpass.getpass("Password: ")
        user = User(username=username, is_staff=True)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        with transaction.atomic():
            user.set_password(password)
            user.save()
            ensure_roles()
            roles = [COORDINATORS] if coordinator else [EDITORS] * bool(codes) + [CONTENT_EDITORS] * content
            user.groups.add(*Group.objects.filter(name__in=roles))
            if codes:
                EditorProfile.objects.create(user=user).countries.set(codes)
            link = self.set_up_link(user, site)
        self.stdout.write(f"Created {username} ({', '.join(roles)}{': ' + ','.join(codes) if codes else ''}).")
        self.stdout.write(
            f"Give them their password, and separately this link, where they set up their authenticator app. "
            f"It works once, for {VALID_FOR.days} days:"
        )
        self.stdout.write(link)
