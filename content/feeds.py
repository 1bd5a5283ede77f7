from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from content.models import Entry
from lib.page_cache import public_page


class ArticleFeed(Feed):
    """The news in one language, as Atom; articles not yet translated come in English."""

    feed_type = Atom1Feed

    def title(self):
        return _("Don’t Look Away — news")

    def link(self):
        return reverse("article_list")

    def subtitle(self):
        return _("News and campaigns against the sexual exploitation of children in travel and tourism.")

    def items(self):
        return Entry.objects.published().articles().prefetch_related("translations")[:30]

    def item_title(self, item):
        return item.translation_for(get_language()).title

    def item_description(self, item):
        return item.translation_for(get_language()).summary

    def item_link(self, item):
        return reverse("article", args=[item.slug])

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.translation_for(get_language()).updated_at


article_feed = public_page(ArticleFeed())
