"""What every API answer carries: open CORS for reading, caching headers and validators, no cookies."""

import functools
import hashlib

from django.http import HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt

from directory.snapshot import last_change

MAX_AGE = 300  # five minutes: fresh enough after an edit, and a campaign spike hits the proxy, not us
READ_METHODS = ("GET", "HEAD")


def json_error(parameter: str, message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": {"parameter": parameter, "message": message}}, status=status)


def open_data(view):
    """Read-only, cacheable and open to any origin; any other method is refused with 405."""

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
            response = view(request, *args, **kwargs)
            if response.status_code == 200:
                response = _with_validators(request, response)
        response["Access-Control-Allow-Origin"] = "*"
        if response.status_code in (200, 304):
            patch_cache_control(response, public=True, max_age=MAX_AGE)
        return response

    return wrapper


def _with_validators(request, response):
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    response["ETag"] = etag
    changed = last_change()
    if changed:
        response["Last-Modified"] = http_date(changed.timestamp())
    return get_conditional_response(
        request, etag=etag, last_modified=int(changed.timestamp()) if changed else None, response=response
    )
