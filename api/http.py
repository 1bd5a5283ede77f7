"""What every API answer carries: caching headers and validators, no cookies, reading only.

The validators come from Django: `Last-Modified` from the directory's last change (`@condition`), the `ETag`
and the 304 answers from ConditionalGetMiddleware; api/middleware.py opens every answer to any origin.
"""

import functools

from django.http import HttpResponse, JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import condition

from directory.snapshot import last_change

MAX_AGE = 300  # five minutes: fresh enough after an edit, and a campaign spike hits the proxy, not us
READ_METHODS = ("GET", "HEAD")


def json_error(parameter: str, message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": {"parameter": parameter, "message": message}}, status=status)


def open_data(view):
    """Read-only, cacheable and open to any origin; any other method is refused with 405."""

    validated = condition(last_modified_func=lambda request, *args, **kwargs: last_change())(view)

    # CSRF protects state-changing requests authenticated by cookies. The API has neither: it reads only
    # and sets no cookie, so other methods must get its own clear 405 rather than the CSRF 403 page.
    @csrf_exempt
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = "86400"
        elif request.method not in READ_METHODS:
            response = json_error("method", "This API is read-only: use GET.", status=405)
            response["Allow"] = "GET, HEAD, OPTIONS"
            return response
        else:
            response = validated(request, *args, **kwargs)
        if response.status_code in (200, 304):
            patch_cache_control(response, public=True, max_age=MAX_AGE)
        return response

    return wrapper
