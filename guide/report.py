""" "Write it down now": the report's parts, and the language its headings are written in.

The report goes to a channel that may not read the witness's language: when the channel is known (the plan's
e-mail link names it) and takes reports in a language the site speaks but the page is not in, the headings of the
report text are written in that language, with the page's own after them, so both sides understand them.
"""

from django.conf import settings
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _

from directory.records import Channel

# (name, the question over the field — also the report's heading for it, rows)
PARTS = (
    ("what", _("What you saw, as precisely as you can, and what made you worried."), 4),
    (
        "where",
        _("Where: the country, town, street, hotel, bar or beach; for online material, the exact address (URL)."),
        3,
    ),
    ("when", _("When: the date and time."), 1),
    (
        "who",
        _(
            "Who: descriptions of the child and of the adult — age, height, clothes, language spoken, nationality if "
            "known — and any names, vehicle plates or room numbers."
        ),
        4,
    ),
    ("other", _("Anything else"), 3),
)
SUBJECT = _("Report: sexual exploitation of a child")


def report_language(channel: Channel | None) -> str | None:
    """The language for the report's headings when it is not the page's: the first one the channel takes reports
    in that the site speaks; None when the channel reads the page's language, or none of the site's."""
    languages = channel.languages if channel else ()
    if not languages or get_language() in languages:
        return None
    return next((code for code in languages if code in settings.LANGUAGE_CODES), None)


def _titles() -> dict[str, str]:
    """The subject and each part's heading, in the active language."""
    return {name: str(question) for name, question, _rows in PARTS} | {"subject": str(SUBJECT)}


def headings(language: str | None) -> dict[str, str]:
    """The subject and each part's heading in `language`, followed by the page's own ("หัวข้อ / Heading")."""
    page = _titles()
    if language is None:
        return page
    with override(language):
        theirs = _titles()
    return {name: f"{theirs[name]} / {page[name]}" for name in page}
