"""Who may edit which countries. Coordinators edit everything; a country editor only their countries.

The policy lives with the directory it guards; the maintainers app keeps who is an editor of what
(`EditorProfile.countries`, seen here as `Country.editors`).
"""

from directory.models import Country

COORDINATORS = "Coordinators"


def is_coordinator(user) -> bool:
    return user.is_active and (user.is_superuser or user.groups.filter(name=COORDINATORS).exists())


def editable_countries(user) -> set[str] | None:
    """The codes the user may edit; None means every country (a coordinator)."""
    if is_coordinator(user):
        return None
    return set(Country.objects.filter(editors__user=user).values_list("code", flat=True))
