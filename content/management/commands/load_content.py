from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from content.files import ContentError, read_content
from content.models import Entry, Translation


class Command(BaseCommand):
    help = "Load the articles and pages kept as Markdown files into the database (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("--folder", default=str(settings.BASE_DIR / "content"))

    @transaction.atomic
    def handle(self, *args, folder, **options):
        try:
            files = read_content(Path(folder))
        except ContentError as error:
            raise CommandError(str(error)) from None
        changed = 0
        english_dates = {f.slug: f.date for f in files if f.language == settings.LANGUAGE_CODE}
        for item in files:
            entry, created = Entry.objects.get_or_create(
                slug=item.slug,
                defaults={
                    "kind": item.kind,
                    "published_at": item.date,
                    "campaign": item.campaign,
                    "source_title": item.source_title,
                    "source_url": item.source_url,
                },
            )
            values = {
                "title": item.title,
                "summary": item.summary,
                "body": item.body,
                "updated_at": item.date,
                "english_updated_at": english_dates.get(item.slug),
            }
            text = Translation.objects.filter(entry=entry, language=item.language).first()
            if text is None:
                Translation.objects.create(entry=entry, language=item.language, **values)
                changed += 1
            elif any(getattr(text, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(text, name, value)
                text.save()
                changed += 1
            changed += created
        self.stdout.write(f"Loaded {len(files)} content files: {changed} changes.")
