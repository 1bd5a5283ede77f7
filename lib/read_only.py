"""Public pages are read, never written to: any method but GET and HEAD gets a plain 405 naming the ones allowed."""

import functools

from django.http import HttpResponseNotAllowed
from django.views.decorators.csrf import csrf_exempt

READ_METHODS = ("GET", "HEAD")


def read_only(view):
    """Answer 405 with `Allow: GET, HEAD` to any other method, before the view (or a cache) sees it.

    CSRF guards requests that change something on behalf of a signed-in browser; these views change
    nothing and answer only reads, which CSRF never checks. Exempting them lets a stray POST get this clear
    405 instead of the CSRF failure page, which would wrongly suggest that the request could have worked.
    """

    @csrf_exempt
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in READ_METHODS:
            return HttpResponseNotAllowed(
                READ_METHODS,
                "This page can only be read (GET or HEAD); nothing can be sent to it.\n",
                content_type="text/plain; charset=utf-8",
            )
        return view(request, *args, **kwargs)

    return wrapper
