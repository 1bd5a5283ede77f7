from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from content.models import Entry, Kind, Review
from directory.countries import ISO_CODES
from guide.forms import PlanForm
from lib.page_cache import public_page
from lib.read_only import read_only


def _render_entry(request, entry: Entry, preview: bool = False):
    language = get_language()
    text = entry.translation_for(language)
    if text is None:
        raise Http404("No text yet")
    context = {
        "entry": entry,
        "text": text,
        "fell_back": text.language != language,
        "unreviewed": text.review == Review.NEEDED,
        "preview": preview,
        "og_type": "article" if entry.kind == Kind.ARTICLE else "website",
        "share_title": text.title,
        "share_description": text.summary,
    }
    if entry.kind == Kind.CAMPAIGN and entry.host_country in ISO_CODES:
        context["form"] = PlanForm(initial={"happened": entry.host_country})
    return render(request, "content/entry.html", context)


@public_page
def page(request, slug: str):
    entry = get_object_or_404(
        Entry.objects.published().exclude(kind=Kind.ARTICLE).prefetch_related("translations"), slug=slug
    )
    return _render_entry(request, entry)


@public_page
def article(request, slug: str):
    entry = get_object_or_404(Entry.objects.published().articles().prefetch_related("translations"), slug=slug)
    return _render_entry(request, entry)


@public_page
def article_list(request):
    language = get_language()
    entries = Entry.objects.published().articles().prefetch_related("translations")
    items = [(entry, entry.translation_for(language)) for entry in entries]
    return render(request, "content/article_list.html", {"items": [(e, t) for e, t in items if t]})


@read_only
@staff_member_required
def preview(request, slug: str):
    """Maintainers see a draft or scheduled text as it will look; never cached, never public."""
    entry = get_object_or_404(Entry.objects.prefetch_related("translations"), slug=slug)
    response = _render_entry(request, entry, preview=True)
    response["Cache-Control"] = "private, no-store"
    return response
