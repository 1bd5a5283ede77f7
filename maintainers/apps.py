from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate


class BackOfficeAdminConfig(admin_apps.AdminConfig):
    """The admin, as the back office: every staff account signs in with a password and a TOTP code."""

    default = False  # named in INSTALLED_APPS; MaintainersConfig is this app's own
    default_site = "maintainers.sign_in.BackOfficeSite"


class MaintainersConfig(AppConfig):
    name = "maintainers"
    verbose_name = "Maintainers"

    def ready(self):
        from maintainers.roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self)
