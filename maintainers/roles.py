"""The two roles, as Django groups with their permissions, kept up to date after every migration."""

from django.contrib.auth.models import Group, Permission

from directory.permissions import COORDINATORS

EDITORS = "Country editors"
EDITOR_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("channel", "emergencynumber", "jurisdiction")
    for action in ("view", "add", "change", "delete")
] + [
    "view_country",
    "view_entry",
    "change_entry",
    "view_translation",
    "add_translation",
    "change_translation",
    "view_plancount",
    "view_correction",
    "change_correction",
]
COORDINATOR_APPS = ("directory", "content", "guide", "corrections", "maintainers", "auth", "otp_totp", "axes")


def ensure_roles(**kwargs) -> None:
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.set(
        Permission.objects.filter(
            codename__in=EDITOR_PERMISSIONS,
            content_type__app_label__in=("directory", "content", "guide", "corrections"),
        )
    )
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    coordinators.permissions.set(Permission.objects.filter(content_type__app_label__in=COORDINATOR_APPS))
