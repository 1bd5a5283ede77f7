from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_bidi


def site(request):
    """The language switcher and hreflang alternates: every language's URL of the current page.

    The switcher is a plain link per language, so changing language needs no cookie and no script.
    """
    current = get_language()
    path = request.get_full_path()
    languages = [
        {
            "code": code,
            "name": name,
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
    for language in languages:
        language["absolute_url"] = request.build_absolute_uri(language["url"])
    return {
        "languages": languages,
        "text_direction": "rtl" if get_language_bidi() else "ltr",
        "canonical_url": request.build_absolute_uri(request.path),
    }
