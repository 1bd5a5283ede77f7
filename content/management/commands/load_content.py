from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from content.files import ContentError, read_content
from content.models import Entry, Translation

TEXT = ("title", "summary", "body", "review")


class Command(BaseCommand):
    help = (
        "Load the articles and pages kept as Markdown files into the database (safe to run again). A text "
        "edited in the back office on a later day than its file's date is kept unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--folder", default=str(settings.BASE_DIR / "content"))
        parser.add_argument("--force", action="store_true", help="Take the files' text even over later edits.")

    @transaction.atomic
    def handle(self, *args, folder, force, **options):
        try:
            files = read_content(Path(folder))
        except ContentError as error:
            raise CommandError(str(error)) from None
        if not files:
            raise CommandError(f"{folder} has no pages or articles; nothing was loaded and the database is as it was.")
        changed, kept = 0, []
        english_dates = {f.slug: f.date for f in files if f.language == settings.LANGUAGE_CODE}
        # English first: a text's own facts (its date, source, campaign) come from the English file, whichever
        # language's file would sort before it.
        for item in sorted(files, key=lambda item: item.language != settings.LANGUAGE_CODE):
            entry, created = Entry.objects.get_or_create(
                slug=item.slug,
                defaults={
                    "kind": item.kind,
                    "published_at": item.published
                    if item.kind == "article"
                    else item.date,  # an article without one: a draft
                    "campaign": item.campaign,
                    "source_title": item.source_title,
                    "source_url": item.source_url,
                },
            )
            values = {
                "title": item.title,
                "summary": item.summary,
                "body": item.body,
                "review": item.review,
                "updated_at": item.date,
                "english_updated_at": english_dates.get(item.slug),
            }
            text = Translation.objects.filter(entry=entry, language=item.language).first()
            if text is None:
                Translation.objects.create(entry=entry, language=item.language, **values)
                changed += 1
                continue
            differs = any(getattr(text, name) != values[name] for name in TEXT)
            edited_later = text.updated_at.date() > item.date.date()  # edited in the back office after the file
            if edited_later and not force:
                if differs:
                    kept.append(f"{item.language}/{item.slug}")
            elif any(getattr(text, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(text, name, value)
                text.save()
                changed += 1
            changed += created
        if kept:
            self.stderr.write(
                f"Kept {len(kept)} text(s) edited in the back office after their files' dates: {', '.join(kept)}. "
                "Run export_content and commit the files to keep them, or load again with --force."
            )
        self.stdout.write(f"Loaded {len(files)} content files: {changed} changes, {len(kept)} kept.")
