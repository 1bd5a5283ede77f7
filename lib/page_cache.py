"""A server-side cache of public pages, emptied the moment the directory or a text (content/signals.py) changes.

During a campaign spike most visitors ask for the same few pages; serving them from the cache costs no
database query. Pages are cached per language, address and (where the page pre-selects a country from the
browser's language) region hint, and only when they set no cookie. A version number kept in the cache
itself is part of every key: a change to the directory bumps it, so every app server sharing the cache
stops serving old pages at once, without a database query to find out.

The cache is an accelerator, never a dependency: when its server is down or full, every call here fails
quietly and pages are built as if it were empty.
"""

import functools
import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from urllib.parse import parse_qsl, urlencode

from django.core.cache import cache
from django.http import HttpResponse, QueryDict
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from lib.read_only import read_only

log = logging.getLogger(__name__)

VERSION_KEY = "public-pages-version"
PAGE_TIMEOUT = 24 * 3600
BROWSER_MAX_AGE = 300
KEPT_HEADERS = ("Content-Type", "Vary", "Content-Disposition", "Link", "Access-Control-Allow-Origin")


def _cache(method: str, *args, **kwargs):
    """Call the cache; None (a miss) if its backend fails in any way (Redis down, a timeout, out of memory)."""
    try:
        return getattr(cache, method)(*args, **kwargs)
    except Exception:  # whatever the backend raises, the page must still be served
        log.warning("The cache did not answer %s: pages are built without it.", method)
        return None


def pages_version() -> int | None:
    """The version of the public pages, or None while the cache cannot say."""
    version = _cache("get", VERSION_KEY)
    if version is None:
        # A version made afresh (first start, the cache restarted or evicted it) starts from the clock, not
        # from 1: pages kept under an older, lower version are never served again.
        _cache("add", VERSION_KEY, time.time_ns() // 1_000_000, timeout=None)
        version = _cache("get", VERSION_KEY)
    return version


def invalidate_pages() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # never set, or evicted: any new value empties the old namespace
        version = pages_version()
        if version is not None:
            _cache("set", VERSION_KEY, version + 1, timeout=None)
    except Exception:  # the change is saved; only cached pages lag
        # Pages cached before the change may be served until they expire (PAGE_TIMEOUT) or the next change.
        log.error("The cache did not take the new version of the pages: cached pages may be out of date.")


def _kept_query(request, reads: Iterable[str]) -> str:
    """The query string with only the parameters the page reads, in the order given."""
    pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    return urlencode([(name, value) for name, value in pairs if name in reads])


def public_page(view=None, *, region: Callable | None = None, reads: Iterable[str] = ()):
    """Cache a public GET page server-side and let browsers and proxies keep it for five minutes; any
    method but GET and HEAD gets 405 (lib/read_only.py).

    `reads` names the query parameters the page reads; the view sees only those, and the cache key holds
    only those, so junk parameters (`?x=1`, a tracker's `utm_source`) neither fill the cache with copies
    nor show up in the page's own links. `region`, for a page that pre-selects a country from the browser's
    language, is handed the request and names that country: the page is then cached once per country.
    """
    reads = frozenset(reads)

    def decorator(view):
        @read_only
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            query = _kept_query(request, reads)
            if query != request.META.get("QUERY_STRING", ""):
                request.META["QUERY_STRING"] = query
                request.GET = QueryDict(query)
            version = pages_version()
            hint = region(request) if region else ""
            address = hashlib.sha256(f"{request.path}?{query}".encode()).hexdigest()
            key = f"page:{version}:{get_language()}:{hint or '-'}:{address}"
            stored = _cache("get", key) if version is not None else None
            if stored:
                content, status, headers = stored
                response = HttpResponse(content, status=status)
                for name, value in headers:
                    response[name] = value
            else:
                response = view(request, *args, **kwargs)
                if getattr(response, "is_rendered", True) is False:
                    response.render()  # a TemplateResponse (the sitemap) is rendered only when first read
                cacheable = response.status_code == 200 and not response.cookies and not response.streaming
                if cacheable and version is not None:
                    headers = [(name, response[name]) for name in KEPT_HEADERS if name in response]
                    _cache("set", key, (response.content, response.status_code, headers), PAGE_TIMEOUT)
            if response.status_code == 200:
                patch_cache_control(response, public=True, max_age=BROWSER_MAX_AGE)
            return response

        return wrapper

    return decorator(view) if view else decorator
