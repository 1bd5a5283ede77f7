"""The three roles, as Django groups with their permissions, kept up to date after every migration.

Roles are explicit: a country editor changes the facts of their countries (channels, numbers, law) and
nothing site-wide; pages and articles, in every language, need the content role. One account may hold
both. Coordinators have everything. `ensure_roles` sets each group's permissions to exactly these lists,
so a permission removed here is removed from the groups by the next `migrate`.
"""

from django.contrib.auth.models import Group, Permission

from directory.permissions import COORDINATORS

EDITORS = "Country editors"
CONTENT_EDITORS = "Content editors"
EDITOR_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("channel", "emergencynumber", "jurisdiction")
    for action in ("view", "add", "change", "delete")
] + ["view_country", "view_plancount", "view_correction", "change_correction"]
EDITOR_APPS = ("directory", "guide", "corrections")
# Deleting a page or one of its languages stays with the coordinators.
CONTENT_PERMISSIONS = [
    f"{action}_{model}" for model in ("entry", "translation") for action in ("view", "add", "change")
]
CONTENT_APPS = ("content",)
COORDINATOR_APPS = ("directory", "content", "guide", "corrections", "maintainers", "auth", "otp_totp", "axes")


def ensure_roles(**kwargs) -> None:
    for name, codenames, apps in (
        (EDITORS, EDITOR_PERMISSIONS, EDITOR_APPS),
        (CONTENT_EDITORS, CONTENT_PERMISSIONS, CONTENT_APPS),
    ):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(Permission.objects.filter(codename__in=codenames, content_type__app_label__in=apps))
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    coordinators.permissions.set(Permission.objects.filter(content_type__app_label__in=COORDINATOR_APPS))
