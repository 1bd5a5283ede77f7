from pathlib import Path

import yaml
from django.conf import settings
from django.core.management.base import BaseCommand

from content.models import Kind, Review, Translation

FOLDERS = {Kind.PAGE: "pages", Kind.ARTICLE: "articles"}


def front_matter(text: Translation) -> dict:
    entry = text.entry
    meta = {"title": text.title, "summary": text.summary} | (
        {"review": Review.NEEDED.value} if text.review == Review.NEEDED else {}
    )
    updated = text.updated_at.date().isoformat()
    if entry.kind == Kind.PAGE:
        return meta | {"updated": updated}
    published = entry.published_at.date().isoformat() if entry.published_at else None  # None: a draft
    return meta | {
        **({"published": published} if published else {}),
        **({"updated": updated} if updated != published else {}),
        "source_title": entry.source_title,
        "source_url": entry.source_url,
        "campaign": entry.campaign,
    }


class Command(BaseCommand):
    help = "Write the pages and articles from the database as the Markdown files load_content reads."

    def add_arguments(self, parser):
        parser.add_argument("--folder", default=str(settings.BASE_DIR / "content"))

    def handle(self, *args, folder, **options):
        written = 0
        texts = Translation.objects.select_related("entry").filter(entry__kind__in=list(FOLDERS))
        for text in texts:
            path = Path(folder) / FOLDERS[text.entry.kind] / text.language / f"{text.entry.slug}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            head = yaml.safe_dump(front_matter(text), allow_unicode=True, sort_keys=False, width=10_000)
            path.write_text(f"---\n{head}---\n{text.body.strip()}\n", encoding="utf-8")
            written += 1
        campaign_pages = Translation.objects.filter(entry__kind=Kind.CAMPAIGN).count()
        self.stdout.write(
            f"Wrote {written} texts to {folder}"
            + (f"; {campaign_pages} campaign-page texts live only in the database" if campaign_pages else "")
        )
