"""Middleware that protects the witness, and keeps the back office honest when the database is down."""

from django.db import connection

# The connection's address, and every header a proxy or CDN uses to pass a visitor's on (nginx strips them
# too: deploy/nginx.conf; this is for an app reached some other way).
ADDRESS_HEADERS = (
    "REMOTE_ADDR",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_REAL_IP",
    "HTTP_FORWARDED",
    "HTTP_X_FORWARDED",
    "HTTP_X_ORIGINAL_FORWARDED_FOR",
    "HTTP_CF_CONNECTING_IP",
    "HTTP_CF_CONNECTING_IPV6",
    "HTTP_TRUE_CLIENT_IP",
    "HTTP_X_CLIENT_IP",
    "HTTP_CLIENT_IP",
    "HTTP_X_CLUSTER_CLIENT_IP",
    "HTTP_FASTLY_CLIENT_IP",
)


def forget_client_address(get_response):
    """Drop the visitor's IP address before any other code can see it.

    Threat: an address in a log, an error report or a database row can identify a witness who reported
    exploitation. Nothing in the platform needs it, so it is removed at the door rather than filtered
    in every place that might record it.
    """

    def middleware(request):
        for header in ADDRESS_HEADERS:
            if header in request.META:
                request.META[header] = ""
        # The browser's own description too: with the hour of a sign-in attempt it could point at a person, and
        # django-axes would keep it with every failed sign-in. Nothing in the platform reads it.
        if "HTTP_USER_AGENT" in request.META:
            request.META["HTTP_USER_AGENT"] = ""
        return get_response(request)

    return middleware


def same_origin_referrer_for_staff(get_response):
    """The back office sends its own origin with its forms.

    Public pages send no referrer at all, so no official site learns that a visitor came from a page about
    reporting abuse. But with `no-referrer` a browser signs form posts as coming from origin "null", which
    Django's CSRF protection rightly refuses; the admin therefore uses `same-origin`, which still tells
    other sites nothing.
    """

    def middleware(request):
        response = get_response(request)
        if request.path.startswith("/admin/"):
            response["Referrer-Policy"] = "same-origin"
        return response

    return middleware


def back_office_needs_the_database(get_response):
    """The back office says at once, with a 503, when the database is down.

    Its sign-in form needs no query to be drawn, so without this a maintainer would fill it in and learn
    only on sending that nothing can be saved. One `SELECT 1` per back-office request is nothing next to
    the pages themselves; the public guide never asks it (it answers from memory: directory/snapshot.py).
    The DatabaseError goes to the site's error page (guide.views.server_error), which makes it a 503.
    """

    def middleware(request):
        if request.path_info.startswith("/admin/"):
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        return get_response(request)

    return middleware
