"""The campaign site: pages and articles in every language, safe to publish, easy to find and share."""

import xml.etree.ElementTree as ET
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from content.markup import render_markdown
from content.models import Entry, Kind, Translation

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


class Tags(HTMLParser):
    """The elements and attributes a browser would actually build from some HTML."""

    def __init__(self):
        super().__init__()
        self.tags, self.attributes = set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes += [(name, value or "") for name, value in attrs]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def make_entry(slug, kind=Kind.ARTICLE, published=True, languages=("en",), **fields):
    entry = Entry.objects.create(
        slug=slug, kind=kind, published_at=timezone.now() - timedelta(days=1) if published else None, **fields
    )
    for language in languages:
        Translation.objects.create(
            entry=entry,
            language=language,
            title=f"Title {language}",
            summary=f"Summary {language}",
            body=f"Body in **{language}**.",
        )
    return entry


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        "[click](javascript:alert(1))",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        "[x](JaVaScRiPt:alert(1))",
        "<iframe src='https://evil.example'></iframe>",
    ],
)
def test_markdown_from_maintainers_can_never_carry_a_script(payload):
    found = Tags()
    found.feed(render_markdown(f"Text {payload} more"))
    assert found.tags <= {"p", "a"}
    assert not [value for name, value in found.attributes if name.startswith("on")]
    assert not [value for name, value in found.attributes if name == "href" and "javascript" in value.lower()]


def test_every_editable_text_field_is_escaped_or_cleaned_on_the_public_page(client):
    entry = make_entry("hostile", campaign="x")
    entry.source_title = '<script>alert("source")</script>'
    entry.source_url = "https://example.org/"
    entry.save()
    Translation.objects.filter(entry=entry).update(
        title='<script>alert("title")</script>',
        summary='"><script>alert("summary")</script>',
        body='<script>alert("body")</script> [a](javascript:alert(1))',
    )
    page = client.get("/en/news/hostile/").content.decode()
    found = Tags()
    found.feed(page)
    assert "<script>alert" not in page
    assert not [value for name, value in found.attributes if name == "href" and "javascript" in value.lower()]
    assert "&lt;script&gt;alert(&quot;title&quot;)" in page


def test_a_missing_translation_falls_back_to_english_and_says_so(client):
    make_entry("only-english")
    page = client.get("/fr/news/only-english/").content.decode()
    assert "Title en" in page and 'lang="en"' in page
    assert 'class="notice"' in page


def test_a_translation_is_shown_in_its_language(client):
    make_entry("both", languages=("en", "fr"))
    page = client.get("/fr/news/both/").content.decode()
    assert "Title fr" in page and 'class="notice"' not in page


def test_drafts_and_scheduled_texts_are_not_public_but_can_be_previewed_by_staff(client, admin_client):
    make_entry("draft", published=False)
    scheduled = make_entry("later")
    scheduled.published_at = timezone.now() + timedelta(days=3)
    scheduled.save()
    for slug in ("draft", "later"):
        assert client.get(f"/en/news/{slug}/").status_code == 404
        assert client.get(f"/en/preview/{slug}/").status_code == 302  # to the sign-in page
        preview = admin_client.get(f"/en/preview/{slug}/")
        assert preview.status_code == 200 and "Preview" in preview.content.decode()
        assert preview["Cache-Control"] == "private, no-store"
    assert "Title en" not in client.get("/en/news/").content.decode()


def test_a_campaign_page_features_the_guide_for_its_host_country(client):
    make_entry("world-cup-2030", kind=Kind.CAMPAIGN, host_country="MA")
    page = client.get("/en/pages/world-cup-2030/").content.decode()
    assert 'action="/en/plan/"' in page and '<option value="MA" selected>' in page


def test_the_news_feed_is_valid_atom_per_language(client, no_content):
    make_entry("news-one", languages=("en", "de"))
    response = client.get("/de/news/feed/")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["Title de"]
    assert feed.find(f"{ATOM}entry/{ATOM}link").get("href").endswith("/de/news/news-one/")


def test_the_sitemap_lists_every_page_in_every_language_with_alternates(client, loaded_directory):
    make_entry("news-two")
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [location.text for location in index.iter(f"{SITEMAP}loc")]
    assert any("sitemap-countries.xml" in section for section in sections)
    guide = ET.fromstring(client.get("/sitemap-guide.xml").content)
    urls = guide.findall(f"{SITEMAP}url")
    assert len(urls) == 5 * len(settings.LANGUAGES)
    alternates = urls[0].findall(f"{XHTML}link")
    assert {link.get("hreflang") for link in alternates} >= {code for code, _ in settings.LANGUAGES}
    entries = ET.fromstring(client.get("/sitemap-entries.xml").content)
    assert any(loc.text.endswith("/en/news/news-two/") for loc in entries.iter(f"{SITEMAP}loc"))


def test_robots_manifest_and_sharing_metadata(client):
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()
    manifest = client.get("/fr/manifest.webmanifest").json()
    assert manifest["lang"] == "fr" and manifest["start_url"] == "/fr/" and manifest["icons"]
    make_entry("shared")
    page = client.get("/en/news/shared/").content.decode()
    assert '<meta property="og:title" content="Title en">' in page
    assert '<meta property="og:description" content="Summary en">' in page
    assert '<meta name="twitter:card" content="summary">' in page


def test_a_translation_waiting_for_review_says_so_in_its_language_and_the_admin_lists_it(client):
    from django.test import Client
    from django.utils.translation import gettext, override
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.maintainers import code_for, create, sign_in

    entry = make_entry("checked-later", kind=Kind.PAGE, languages=("en", "th", "fr"))
    entry.translations.filter(language="th").update(review="needed")
    with override("th"):
        notice = gettext(
            "This translation is new and has not yet been checked by a native speaker. "
            "If something is unclear, the English text is the reference."
        )
    assert notice.isascii() is False, "the notice is translated"
    thai = client.get("/th/pages/checked-later/").content.decode()
    assert "Title th" in thai and notice in thai
    assert "native speaker" not in client.get("/fr/pages/checked-later/").content.decode()  # a reviewed one
    editor, _link = create("content-editor", "--content")
    TOTPDevice.objects.filter(user=editor).update(confirmed=True)
    staff = Client()
    assert sign_in(staff, editor, code_for(editor)).status_code == 302
    listing = staff.get("/admin/content/entry/?translations__review=needed").content.decode()
    assert "Title en" in listing and ">th<" in listing  # the entry, and the language waiting for review


def test_the_review_state_travels_with_the_files(tmp_path, no_content):
    import io

    from django.core.management import call_command

    pages = tmp_path / "pages"
    (pages / "en").mkdir(parents=True)
    (pages / "vi").mkdir()
    (pages / "en" / "about.md").write_text("---\ntitle: About\nsummary: Who we are.\nupdated: 2026-11-28\n---\nUs.\n")
    (pages / "vi" / "about.md").write_text(
        "---\ntitle: Giới thiệu\nsummary: Chúng tôi là ai.\nupdated: 2026-11-28\nreview: needed\n---\nChúng tôi.\n"
    )
    call_command("load_content", "--folder", str(tmp_path), stdout=io.StringIO())
    assert Translation.objects.get(language="vi").review == "needed"
    assert Translation.objects.get(language="en").review == "done"
    out = tmp_path / "out"
    call_command("export_content", "--folder", str(out), stdout=io.StringIO())
    assert "review: needed" in (out / "pages" / "vi" / "about.md").read_text()
    assert "review" not in (out / "pages" / "en" / "about.md").read_text()
