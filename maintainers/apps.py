from django.apps import AppConfig
from django.db.models.signals import post_migrate


class MaintainersConfig(AppConfig):
    name = "maintainers"
    verbose_name = "Maintainers"

    def ready(self):
        from maintainers.roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self)
