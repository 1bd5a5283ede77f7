"""Middleware that protects the witness."""

ADDRESS_HEADERS = ("REMOTE_ADDR", "HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP", "HTTP_FORWARDED")


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
        return get_response(request)

    return middleware
