"""Content kept as Markdown files with a YAML front matter (content/<pages|articles>/<lang>/<slug>.md).

The files are the starting text and what translators can work on in a text editor; `load_content` puts
them into the database, where maintainers edit and publish them in the admin.
"""

from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from content.models import Review
from lib.yaml_text import read_yaml

FIELDS = {
    "pages": {"title", "summary", "updated", "review"},
    "articles": {"title", "summary", "published", "updated", "source_title", "source_url", "campaign", "review"},
}


class ContentError(Exception):
    pass


@dataclass(frozen=True)
class ContentFile:
    kind: str  # "page" or "article"
    slug: str
    language: str
    title: str
    summary: str
    body: str
    date: datetime  # when this text was last changed
    published: datetime | None = None  # an article's own date
    source_title: str = ""
    source_url: str = ""
    campaign: str = ""
    review: str = Review.DONE  # `review: needed` in the front matter: waiting for a native speaker; absent: reviewed


def _as_datetime(value, where: str) -> datetime:
    if isinstance(value, str):
        value = date.fromisoformat(value)
    if not isinstance(value, date):
        raise ContentError(f"{where}: the date must be YYYY-MM-DD")
    return timezone.make_aware(datetime.combine(value, time(8, 0)), timezone.get_fixed_timezone(0))


def read_file(path: Path, folder: str) -> ContentFile:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n") or "\n---" not in text[4:]:
        raise ContentError(f"{path}: must start with a front matter between two --- lines")
    head, body = text[4:].split("\n---", 1)
    meta = read_yaml(head) or {}
    unknown = set(meta) - FIELDS[folder]
    missing = {"title", "summary"} - {key for key, value in meta.items() if value}
    if unknown or missing:
        raise ContentError(f"{path}: unknown fields {sorted(unknown)} / missing {sorted(missing)}")
    review = Review.DONE if meta.get("review") is None else meta["review"]
    if review not in Review.values:
        raise ContentError(f"{path}: review must be 'needed' or 'done'")
    language = path.parent.name
    if language not in dict(settings.LANGUAGES):
        raise ContentError(f"{path}: {language} is not a supported language")
    return ContentFile(
        kind="page" if folder == "pages" else "article",
        slug=path.stem,
        language=language,
        title=str(meta["title"]).strip(),
        summary=str(meta["summary"]).strip(),
        body=body.lstrip("-\n").strip() + "\n",
        date=_as_datetime(meta.get("updated") or meta.get("published"), str(path)),
        published=_as_datetime(meta["published"], str(path)) if meta.get("published") else None,
        source_title=meta.get("source_title") or "",
        source_url=meta.get("source_url") or "",
        campaign=meta.get("campaign") or "",
        review=review,
    )


def read_content(root: Path) -> list[ContentFile]:
    return [read_file(path, folder) for folder in FIELDS for path in sorted((root / folder).glob("*/*.md"))]
