"""A server-side cache of public pages, emptied the moment the directory changes.

During a campaign spike most visitors ask for the same few pages; serving them from the cache costs no
database query. Pages are cached per language, address and (where the page pre-selects a country from the
browser's language) region hint, and only when they set no cookie. A version number kept in the cache
itself is part of every key: a change to the directory bumps it, so every app server sharing the cache
stops serving old pages at once, without a database query to find out.
"""

import functools
import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from lib.read_only import read_only

VERSION_KEY = "public-pages-version"
PAGE_TIMEOUT = 24 * 3600
BROWSER_MAX_AGE = 300
KEPT_HEADERS = ("Content-Type", "Vary", "Content-Disposition", "Link", "Access-Control-Allow-Origin")


def pages_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def invalidate_pages() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # never set, or evicted: any new value empties the old namespace
        cache.set(VERSION_KEY, pages_version() + 1, timeout=None)


def public_page(view=None, *, region: Callable | None = None):
    """Cache a public GET page server-side and let browsers and proxies keep it for five minutes; any
    method but GET and HEAD gets 405 (lib/read_only.py).

    `region`, for a page that pre-selects a country from the browser's language, is handed the request and
    names that country: the page is then cached once per country.
    """

    def decorator(view):
        @read_only
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            hint = region(request) if region else ""
            address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
            key = f"page:{pages_version()}:{get_language()}:{hint or '-'}:{address}"
            stored = cache.get(key)
            if stored:
                content, status, headers = stored
                response = HttpResponse(content, status=status)
                for name, value in headers:
                    response[name] = value
            else:
                response = view(request, *args, **kwargs)
                if getattr(response, "is_rendered", True) is False:
                    response.render()  # a TemplateResponse (the sitemap) is rendered only when first read
                if response.status_code == 200 and not response.cookies and not response.streaming:
                    headers = [(name, response[name]) for name in KEPT_HEADERS if name in response]
                    cache.set(key, (response.content, response.status_code, headers), PAGE_TIMEOUT)
            if response.status_code == 200:
                patch_cache_control(response, public=True, max_age=BROWSER_MAX_AGE)
            return response

        return wrapper

    return decorator(view) if view else decorator
