"""The form's ticket: which page a note comes from and which countries it may be for, signed, no cookie.

Threat: scripts posting notes in bulk, or to countries no page offered. The public site sets no cookie, so
Django's CSRF cookie is not an option; instead every form carries a ticket signed with SECRET_KEY
(django.core.signing) naming its page, its countries and when it was made. A note must come with an intact
ticket at least MIN_AGE seconds old (a person reads and types; a script posts at once) and at most MAX_AGE
(pages are served from caches for up to a day, and a witness may leave a tab open). The ticket says nothing
about the visitor: every visitor of a cached page gets the same one.
"""

import time
from dataclasses import dataclass

from django.core import signing

SALT = "corrections.ticket"
MIN_AGE = 3  # seconds
MAX_AGE = 2 * 24 * 3600


@dataclass(frozen=True)
class Ticket:
    countries: tuple[str, ...]
    path: str
    issued: int


class TicketError(Exception):
    """A note whose ticket cannot be accepted; `ticket` is set when the ticket itself is genuine."""

    def __init__(self, ticket: Ticket | None = None):
        super().__init__(ticket)
        self.ticket = ticket


class Forged(TicketError):
    """Missing, altered, or signed with another key."""


class Expired(TicketError):
    """Genuine, but older than MAX_AGE (or dated in the future, by a clock gone wrong)."""


class TooSoon(TicketError):
    """Genuine, but sent less than MIN_AGE seconds after the page was made."""


def issue(countries, path: str, now: float | None = None) -> str:
    issued = int(now if now is not None else time.time())
    return signing.dumps({"c": list(countries), "p": path, "t": issued}, salt=SALT)


def read(token: str, now: float | None = None) -> Ticket:
    """The ticket, if the note may be accepted with it; else raises Forged, Expired or TooSoon."""
    try:
        data = signing.loads(token, salt=SALT)
        ticket = Ticket(tuple(str(code) for code in data["c"]), str(data["p"]), int(data["t"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise Forged() from error
    age = (now if now is not None else time.time()) - ticket.issued
    if age < 0 or age > MAX_AGE:
        raise Expired(ticket)
    if age < MIN_AGE:
        raise TooSoon(ticket)
    return ticket
