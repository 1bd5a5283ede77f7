from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Content"

    def ready(self):
        from content import signals  # noqa: F401 - connects the page cache's emptying
