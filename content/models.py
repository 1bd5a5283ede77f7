"""Articles, standing pages and campaign pages, each in any supported language."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.markup import render_markdown


class Kind(models.TextChoices):
    PAGE = "page", _("Page")
    ARTICLE = "article", _("Article")
    CAMPAIGN = "campaign", _("Campaign page")


class EntryQuerySet(models.QuerySet):
    def published(self):
        """Published now: not a draft, and not scheduled for later."""
        return self.filter(published_at__isnull=False, published_at__lte=timezone.now())

    def articles(self):
        return self.filter(kind=Kind.ARTICLE).order_by("-published_at")


class Entry(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PAGE)
    published_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Empty: a draft. In the future: scheduled for that time.")
    )
    campaign = models.SlugField(max_length=80, blank=True, help_text=_("Groups articles of one campaign."))
    host_country = models.CharField(
        max_length=2,
        blank=True,
        help_text=_("Campaign pages: the ISO code of the host country, featured in the guide."),
    )
    source_title = models.CharField(max_length=200, blank=True)
    source_url = models.URLField(blank=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("article or page")
        verbose_name_plural = _("articles and pages")
        ordering = ["kind", "-published_at", "slug"]

    def __str__(self) -> str:
        english = self.translations.filter(language=settings.LANGUAGE_CODE).first()
        return english.title if english else self.slug

    @property
    def is_published(self) -> bool:
        return self.published_at is not None and self.published_at <= timezone.now()

    def translation_for(self, language: str) -> "Translation | None":
        """The text in the language, else in English (the caller says it fell back)."""
        texts = {text.language: text for text in self.translations.all()}
        return texts.get(language) or texts.get(settings.LANGUAGE_CODE)


class Review(models.TextChoices):
    """A translation's state: the team's text waits for a native speaker; English, the source, is reviewed."""

    NEEDED = "needed", _("needs review by a native speaker")
    DONE = "done", _("reviewed")


class Translation(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="translations")
    # Checked against settings.LANGUAGES in the admin form; no choices here, so adding a language needs no
    # migration.
    language = models.CharField(max_length=8)
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300, help_text=_("One sentence: the description and the social preview."))
    body = models.TextField(help_text=_("Markdown. HTML is not interpreted."))
    updated_at = models.DateTimeField(default=timezone.now)
    review = models.CharField(max_length=10, choices=Review.choices, default=Review.DONE)
    english_updated_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the English text this translation follows was last changed.")
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "language"], name="one_translation_per_language")]
        ordering = ["language"]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"

    @property
    def html(self) -> str:
        return render_markdown(self.body)
