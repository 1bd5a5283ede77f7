"""Every standing page and article of the shipped content reads in every interface language: no reader is handed
the English with "not yet available in your language", and each translation says whether a native speaker has
checked it yet."""

import re

import pytest
from django.conf import settings
from django.utils.translation import gettext, override

from content.admin import translation_status
from content.files import read_content
from content.models import Entry, Review

LANGUAGES = [code for code, _name in settings.LANGUAGES]
FILES = read_content(settings.BASE_DIR / "content")
ENGLISH = {item.slug: item for item in FILES if item.language == settings.LANGUAGE_CODE}
SITE_LINK = re.compile(r'<a href="/([a-z]{2,3}(?:-[a-z0-9]+)?)/')


def address(item) -> str:
    return f"/pages/{item.slug}/" if item.kind == "page" else f"/news/{item.slug}/"


def test_the_shipped_content_has_every_text_in_every_language():
    have = {(item.slug, item.language) for item in FILES}
    missing = [f"{language}/{slug}" for slug in ENGLISH for language in LANGUAGES if (slug, language) not in have]
    assert missing == []
    assert len(ENGLISH) == 11


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != settings.LANGUAGE_CODE])
def test_each_text_opens_in_the_language_asked_for_and_links_within_it(client, loaded_content, language):
    with override(language):
        fell_back = gettext("This text is not yet available in your language. Here it is in English.")
        waiting = gettext(
            "This translation is new and has not yet been checked by a native speaker. "
            "If something is unclear, the English text is the reference."
        )
    for item in (item for item in FILES if item.language == language):
        page = client.get(f"/{language}{address(item)}").content.decode()
        assert fell_back not in page, item.slug
        body = page.split('<main id="main">', 1)[1].split("</main>", 1)[0]
        assert item.title.replace("'", "&#x27;").replace('"', "&quot;") in body, item.slug
        assert (waiting in body) == (item.review == Review.NEEDED), item.slug
        assert set(SITE_LINK.findall(body)) <= {language}, item.slug  # links stay in the reader's language


def test_the_admin_lists_no_text_missing_or_outdated_and_each_keeps_the_english_files_dates(loaded_content):
    for entry in Entry.objects.prefetch_related("translations"):
        missing, outdated = translation_status(entry)
        assert (entry.slug, missing, outdated) == (entry.slug, [], [])
        english = ENGLISH[entry.slug]
        expected = english.published if english.kind == "article" else english.date
        assert entry.published_at == expected, entry.slug  # not a translation's: the English file's own
        assert (entry.source_title, entry.campaign) == (english.source_title, english.campaign)


def test_an_articles_own_facts_come_from_its_english_file_whatever_language_sorts_first(tmp_path, no_content):
    import io

    from django.core.management import call_command

    articles = tmp_path / "articles"
    for language, head in (
        ("en", "title: A campaign\nsummary: What we did.\npublished: 2026-06-12\ncampaign: world-cup\n"),
        ("ar", "title: حملة\nsummary: ما فعلناه.\nupdated: 2026-06-12\nreview: needed\n"),  # sorts before "en"
    ):
        (articles / language).mkdir(parents=True)
        (articles / language / "a-campaign.md").write_text(f"---\n{head}---\nText.\n", encoding="utf-8")
    (tmp_path / "pages").mkdir()
    call_command("load_content", "--folder", str(tmp_path), stdout=io.StringIO())
    entry = Entry.objects.get(slug="a-campaign")
    assert entry.published_at is not None and entry.published_at.date().isoformat() == "2026-06-12"
    assert entry.campaign == "world-cup"
