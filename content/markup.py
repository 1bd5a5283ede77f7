"""Markdown written by maintainers, turned into HTML that can only contain what the allow-list permits.

Threat: a maintainer's account, or a pasted text, carrying a script or a `javascript:` link onto public
pages read by witnesses. Raw HTML in Markdown is not interpreted, and the result is cleaned by nh3.
"""

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "blockquote",
    "code",
    "pre",
    "br",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def render_markdown(text: str) -> SafeString:
    html = _markdown.render(text or "")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
    # Safe to show unescaped: nh3 has just removed every tag, attribute and URL scheme not allowed above.
    return mark_safe(cleaned)  # noqa: S308
