import getpass

import segno
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from directory.countries import ISO_CODES, normalise_code
from directory.permissions import COORDINATORS
from maintainers.models import EditorProfile
from maintainers.roles import EDITORS, ensure_roles


class Command(BaseCommand):
    help = "Create a staff account with its TOTP device: a coordinator, or an editor of some countries."

    def add_arguments(self, parser):
        parser.add_argument("username")
        role = parser.add_mutually_exclusive_group(required=True)
        role.add_argument("--coordinator", action="store_true", help="May edit everything and manage users.")
        role.add_argument("--countries", help="An editor of these countries, e.g. TH,KH.")
        parser.add_argument("--password-file", help="Read the password from this file instead of asking.")

    def handle(self, *args, username, coordinator, countries, password_file, **options):
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
        user.set_password(password)
        user.save()
        ensure_roles()
        user.groups.add(Group.objects.get(name=COORDINATORS if coordinator else EDITORS))
        if codes:
            EditorProfile.objects.create(user=user).countries.set(codes)
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
        self.stdout.write(f"Created {username}. Add this to an authenticator app, then sign in at /admin/:")
        self.stdout.write(device.config_url)
        if self.stdout.isatty():
            segno.make(device.config_url).terminal(compact=True)
