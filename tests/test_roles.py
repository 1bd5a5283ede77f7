"""Roles are explicit: Somchai, a Thai editor, changes Thailand's facts but not the site's pages and articles,
until he is also given the content role; a coordinator keeps everything."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from content.models import Entry, Kind, Translation
from maintainers.roles import CONTENT_EDITORS, EDITORS, ensure_roles
from tests.maintainers import code_for, create, sign_in

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def article():
    entry = Entry.objects.create(slug="hotel-staff", kind=Kind.ARTICLE, published_at=timezone.now() - timedelta(days=1))
    Translation.objects.create(entry=entry, language="en", title="What hotel staff can do", summary="S.", body="B.")
    return entry


def signed_in(client, *options):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user, _link = create("somchai", *options)
    TOTPDevice.objects.filter(user=user).update(confirmed=True)  # set up (tests/test_sign_in_set_up.py)
    assert sign_in(client, user, code_for(user)).status_code == 302
    return user


def save_article(client, entry: Entry, title: str):
    text = entry.translations.get(language="en")
    published = timezone.localtime(entry.published_at)
    return client.post(
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
            "translations-0-title": title,
            "translations-0-summary": text.summary,
            "translations-0-body": text.body,
        },
    )


def test_a_country_editor_without_the_content_role_cannot_open_or_change_pages(client, article):
    signed_in(client, "--countries", "TH")
    index = client.get("/admin/").content.decode()
    assert "/admin/directory/channel/" in index
    assert "/admin/content/" not in index
    assert client.get("/admin/content/entry/").status_code == 403
    assert client.get(f"/admin/content/entry/{article.pk}/change/").status_code == 403
    assert save_article(client, article, "Changed by a country editor").status_code == 403
    assert article.translations.get(language="en").title == "What hotel staff can do"


def test_with_the_content_role_he_edits_pages_and_still_his_countries(client, article):
    signed_in(client, "--countries", "TH", "--content")
    assert "/admin/content/entry/" in client.get("/admin/").content.decode()
    assert client.get(f"/admin/content/entry/{article.pk}/change/").status_code == 200
    assert save_article(client, article, "What hotel staff can do tonight").status_code == 302
    assert article.translations.get(language="en").title == "What hotel staff can do tonight"
    assert client.get("/admin/directory/channel/").status_code == 200


def test_a_content_editor_alone_sees_no_country_facts(client, article):
    signed_in(client, "--content")
    assert client.get(f"/admin/content/entry/{article.pk}/change/").status_code == 200
    assert client.get("/admin/directory/channel/").status_code == 403
    assert "/admin/directory/" not in client.get("/admin/").content.decode()


def test_a_coordinator_keeps_everything(client, article):
    signed_in(client, "--coordinator")
    index = client.get("/admin/").content.decode()
    for section in ("/admin/content/entry/", "/admin/directory/channel/", "/admin/auth/user/"):
        assert section in index
    assert save_article(client, article, "Checked by the coordinator").status_code == 302


def test_migrate_takes_the_content_rights_from_country_editors_made_before_the_content_role():
    editors = Group.objects.get(name=EDITORS)
    editors.permissions.add(*Permission.objects.filter(content_type__app_label="content"))  # as roles were before
    ensure_roles()
    assert not editors.permissions.filter(content_type__app_label="content").exists()
    assert set(Group.objects.get(name=CONTENT_EDITORS).permissions.values_list("codename", flat=True)) == {
        "view_entry",
        "add_entry",
        "change_entry",
        "view_translation",
        "add_translation",
        "change_translation",
    }
