from django import forms
from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from content.models import Entry, Review, Translation


class TranslationForm(forms.ModelForm):
    language = forms.ChoiceField(choices=settings.LANGUAGES)

    class Meta:
        model = Translation
        fields = ("language", "title", "summary", "body", "review")


class TranslationInline(admin.StackedInline):
    model = Translation
    form = TranslationForm
    extra = 0
    fields = ("language", "review", "title", "summary", "body", "updated_at", "english_updated_at")
    readonly_fields = ("updated_at", "english_updated_at")


def translation_status(entry: Entry) -> tuple[list[str], list[str]]:
    """Languages with no text, and languages whose text follows an older English version."""
    texts = {text.language: text for text in entry.translations.all()}
    english = texts.get(settings.LANGUAGE_CODE)
    missing = [code for code, _name in settings.LANGUAGES if code not in texts]
    outdated = [
        code
        for code, text in texts.items()
        if english
        and code != settings.LANGUAGE_CODE
        and (text.english_updated_at is None or text.english_updated_at < english.updated_at)
    ]
    return missing, outdated


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "kind",
        "status",
        "missing_translations",
        "outdated_translations",
        "waiting_for_review",
        "preview_link",
    )
    list_filter = ("kind", "campaign", ("translations__review", admin.ChoicesFieldListFilter))
    search_fields = ("slug", "translations__title")
    inlines = [TranslationInline]
    fields = ("slug", "kind", "published_at", "campaign", "host_country", "source_title", "source_url")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    @admin.display(description=_("status"))
    def status(self, entry):
        if entry.published_at is None:
            return _("draft")
        return _("published") if entry.is_published else _("scheduled")

    @admin.display(description=_("missing translations"))
    def missing_translations(self, entry):
        missing, _outdated = translation_status(entry)
        return ", ".join(missing) or "—"

    @admin.display(description=_("older than the English text"))
    def outdated_translations(self, entry):
        _missing, outdated = translation_status(entry)
        return ", ".join(outdated) or "—"

    @admin.display(description=_("waiting for a native speaker’s review"))
    def waiting_for_review(self, entry):
        return ", ".join(text.language for text in entry.translations.all() if text.review == Review.NEEDED) or "—"

    @admin.display(description=_("preview"))
    def preview_link(self, entry):
        return format_html('<a href="{}">{}</a>', reverse("preview", args=[entry.slug]), _("preview"))

    def save_formset(self, request, form, formset, change):
        """Date each changed text; a translation saved now follows the current English text."""
        texts = formset.save(commit=False)
        now = timezone.now()
        english = form.instance.translations.filter(language=settings.LANGUAGE_CODE).first()
        for text in texts:
            text.updated_at = now
            if text.language == settings.LANGUAGE_CODE:
                english = text
            else:
                text.english_updated_at = english.updated_at if english else None
            text.save()
        for text in formset.deleted_objects:
            text.delete()
