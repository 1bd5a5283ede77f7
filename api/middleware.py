"""The API is open data: every answer under /api/ may be read from any origin.

A middleware rather than the views' own header: it sits outside Django's ConditionalGetMiddleware, so the
304 answers that middleware makes from a view's 200 carry the header too (a browser drops a cross-origin 304
without it, and the travel company's page would show nothing).
"""

API_PREFIX = "/api/"


def open_to_every_origin(get_response):
    def middleware(request):
        response = get_response(request)
        if request.path.startswith(API_PREFIX):
            response["Access-Control-Allow-Origin"] = "*"
        return response

    return middleware
