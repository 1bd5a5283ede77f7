from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_bidi


def site(request):
    """The language switcher and hreflang alternates: every language's URL of the current page.

    The switcher is a plain link per language, so changing language needs no cookie and no script.
    """
    current = get_language()
    path = request.get_full_path()
    base = request.build_absolute_uri("/")[:-1]
    urls = _language_urls(request, path, current)
    languages = [
        {"code": code, "name": name, "url": urls[code], "absolute_url": base + urls[code], "current": code == current}
        for code, name in settings.LANGUAGES
    ]
    return {
        "languages": languages,
        "current_language_name": dict(settings.LANGUAGES).get(current, ""),
        "text_direction": "rtl" if get_language_bidi() else "ltr",
        "canonical_url": base + request.path,
        "quick_exit_url": settings.QUICK_EXIT_URL,
    }


def _language_urls(request, path: str, current: str) -> dict[str, str]:
    """Each language's address of this page.

    Our addresses differ between languages by their prefix alone (no translated path segments), so for a page
    that resolved, swapping the prefix is what `translate_url` would give, at a tiny part of its cost (resolving
    and reversing 26 times was a third of a fresh plan's time). Anything else goes through `translate_url`.
    """
    prefix = f"/{current}/"
    if request.resolver_match is not None and path.startswith(prefix):
        rest = path[len(prefix) :]
        return {code: f"/{code}/{rest}" for code, _ in settings.LANGUAGES}
    return {code: translate_url(path, code) for code, _ in settings.LANGUAGES}
