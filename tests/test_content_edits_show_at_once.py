"""An editor corrects an article in the admin: the next visitor reads the correction, not a cached copy."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from content.models import Entry, Kind, Translation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def article():
    entry = Entry.objects.create(slug="hotel-staff", kind=Kind.ARTICLE, published_at=timezone.now() - timedelta(days=1))
    Translation.objects.create(
        entry=entry, language="en", title="What hotel staff can do", summary="A first summary.", body="First words."
    )
    return entry


@pytest.fixture
def editor_client(client):
    """A coordinator signed in with their password and TOTP code."""
    coordinator = User.objects.create_user("coordinator", is_staff=True, is_superuser=True)
    device = TOTPDevice.objects.create(user=coordinator, name="phone", confirmed=True)
    client.force_login(coordinator)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def save_in_the_admin(client, entry: Entry, **changes) -> None:
    text = entry.translations.get(language="en")
    fields = {"title": text.title, "summary": text.summary, "body": text.body} | changes
    published = timezone.localtime(entry.published_at)
    response = client.post(
        f"/admin/content/entry/{entry.pk}/change/",
        {
            "slug": entry.slug,
            "kind": entry.kind,
            "published_at_0": published.strftime("%Y-%m-%d"),
            "published_at_1": published.strftime("%H:%M:%S"),
            "translations-TOTAL_FORMS": "1",
            "translations-INITIAL_FORMS": "1",
            "translations-0-id": str(text.pk),
            "translations-0-entry": str(entry.pk),
            "translations-0-language": "en",
            "translations-0-review": "done",
            **{f"translations-0-{name}": value for name, value in fields.items()},
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]  # saved, back to the list


def test_an_article_edited_in_the_admin_shows_its_new_text_on_the_next_request(client, editor_client, article):
    visitor = type(client)()
    assert "First words." in visitor.get("/en/news/hotel-staff/").content.decode()  # now in the cache
    save_in_the_admin(editor_client, article, body="Corrected words.")
    page = visitor.get("/en/news/hotel-staff/").content.decode()
    assert "Corrected words." in page and "First words." not in page


def test_a_new_title_shows_in_the_news_list_and_the_feed_at_once(client, editor_client, article):
    visitor = type(client)()
    assert "What hotel staff can do" in visitor.get("/en/news/").content.decode()
    assert "What hotel staff can do" in visitor.get("/en/news/feed/").content.decode()
    save_in_the_admin(editor_client, article, title="What hotel staff should do")
    assert "What hotel staff should do" in visitor.get("/en/news/").content.decode()
    assert "What hotel staff should do" in visitor.get("/en/news/feed/").content.decode()


def test_a_deleted_article_is_gone_at_once(client, article):
    assert client.get("/en/news/hotel-staff/").status_code == 200
    article.delete()
    assert client.get("/en/news/hotel-staff/").status_code == 404
    assert "What hotel staff can do" not in client.get("/en/news/").content.decode()


def test_a_translation_added_later_replaces_the_english_fallback_at_once(client, article):
    assert "First words." in client.get("/fr/news/hotel-staff/").content.decode()  # English, said to be so
    Translation.objects.create(
        entry=article, language="fr", title="Ce que peut faire le personnel", summary="Un résumé.", body="Mots."
    )
    page = client.get("/fr/news/hotel-staff/").content.decode()
    assert "Mots." in page and "First words." not in page
