"""A saved or deleted text empties the page cache, so its new words show on the next request.

One text shows on many pages (its own, the news list, the feed, the sitemap, a campaign's guide), so the
whole cache's version is bumped rather than a list of pages kept that would one day miss one. Texts change
a few times a day; the cost is each worker reading the directory again once (directory/snapshot.py).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from content.models import Entry, Translation
from lib.page_cache import invalidate_pages


@receiver([post_save, post_delete], sender=Entry)
@receiver([post_save, post_delete], sender=Translation)
def content_changed(sender, **kwargs):
    invalidate_pages()
