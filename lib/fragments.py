"""`{% remembered %}`: a template fragment rendered once per process for the same inputs.

A fresh plan is mostly the same few hundred channel cards and number lists, in one of a few dozen languages:
rendering each card anew made a plan cost about 20 ms. A card depends only on the values handed to it (frozen
directory records, compared by value), the language and the day (a fact's age reads "checked 3 days ago"), so
those are its key. A changed record is a different key, so a directory change is never served stale; old
entries are dropped when the memory is full.

The fragment sees only the values handed to it: no request, no context processors. Use it for templates that
need nothing else.
"""

import threading
from datetime import date

from django import template
from django.template.loader import get_template
from django.utils.translation import get_language

register = template.Library()

# About 40 channel cards of ~1.5 KB for each of ~26 languages and a few hundred channels: tens of MB at most.
MAX_FRAGMENTS = 50_000
_fragments: dict[tuple, str] = {}
_lock = threading.Lock()


@register.simple_tag
def remembered(template_name: str, **values) -> str:
    key = (template_name, get_language(), date.today(), tuple(sorted(values.items())))
    try:
        return _fragments[key]
    except KeyError:
        pass
    except TypeError:  # an unhashable value: render it every time rather than guess a key
        return get_template(template_name).render(values)
    rendered = get_template(template_name).render(values)
    with _lock:
        if len(_fragments) >= MAX_FRAGMENTS:
            _fragments.clear()  # a new day or a burst of new keys: start again rather than track use
        _fragments[key] = rendered
    return rendered


def forget() -> None:
    """Drop every remembered fragment: a test compares plans rendered with and without them."""
    with _lock:
        _fragments.clear()
