"""Every supported language is complete, and every page offers every language without a cookie."""

import re
from html.parser import HTMLParser

import pytest
from babel import Locale
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils.translation import to_locale

LANGUAGES = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language):
    path = settings.BASE_DIR / "locale" / to_locale(language) / "LC_MESSAGES" / "django.po"
    with open(path, "rb") as po:
        catalog = read_po(po)
    assert len(catalog) > 100
    missing = [
        message.id
        for message in catalog
        if message.id
        and (message.fuzzy or not message.string or (isinstance(message.string, tuple) and not all(message.string)))
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("language", "question"),
    [("fr", "Un enfant est-il en danger"), ("nl", "Is een kind"), ("de", "Ist ein Kind")],
)
def test_the_home_page_speaks_the_language_of_its_address(client, db, language, question):
    page = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}" dir="ltr">' in page
    assert question in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_interface_string_is_left_in_english(client, loaded_directory, loaded_content, language):
    direction = "rtl" if language in settings.LANGUAGES_BIDI else "ltr"
    for path in (
        "/",
        "/plan/?danger=yes&seen=in_person&happened=TH&lives=BE",
        "/countries/th/",
        "/news/world-cup-campaign/",
    ):
        page = client.get(f"/{language}{path}").content.decode()
        assert f'<html lang="{language}" dir="{direction}">' in page
        for english in (
            "Is a child in danger right now?",
            "Your reporting plan",
            "Emergency numbers",
            "What to put in your report",
            "Where and how to report",
            "This text is not yet available in your language",
            "News and campaigns",
            "Is something here wrong or out of date?",
            "This is not a way to report abuse.",
        ):
            assert english not in page, f"{language}{path}: {english}"


def test_every_page_links_to_itself_in_every_language(client, loaded_directory):
    page = client.get("/en/plan/?danger=no&seen=in_person&happened=TH&lives=BE").content.decode()
    for code, _ in settings.LANGUAGES:
        assert (
            f'<link rel="alternate" hreflang="{code}" href="http://testserver/{code}/plan/?danger=no&amp;seen=in_person&amp;happened=TH&amp;lives=BE">'
            in page
        )
        assert (
            f'href="/{code}/plan/?danger=no&amp;seen=in_person&amp;happened=TH&amp;lives=BE" hreflang="{code}"' in page
        )


def test_country_names_come_from_cldr_in_the_visitors_language(client, db):
    assert '<option value="DE">Duitsland</option>' in client.get("/nl/").content.decode()
    assert '<option value="DE">Allemagne</option>' in client.get("/fr/").content.decode()


@pytest.mark.django_db
def test_in_an_arabic_plan_latin_channel_names_keep_their_own_direction(client, loaded_directory):
    page = client.get("/ar/plan/?danger=no&seen=in_person&happened=TH&lives=BE").content.decode()
    summary = page[page.index('class="todo"') : page.index("</ol>")]
    lines = re.findall(r"<li>.*?</li>", summary, re.S)
    assert lines and all("<bdi>" in line for line in lines), lines
    assert "<bdi>ECPAT Belgium</bdi>" in page  # who runs Belgium's reporting point, in its card


class InterfaceText(HTMLParser):
    """The text a reader meets in the page's own language: not inside an element marked with another language
    (`lang="en"`: a fallback note, a source's own words), a name (`<bdi>`), a title of a work (`<cite>`), code or
    a script."""

    EXEMPT = {"script", "style", "bdi", "cite", "code", "title", "svg"}
    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "base", "col", "embed", "track"}

    def __init__(self, language: str):
        super().__init__()
        self.language, self.open, self.texts = language, [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            lang = dict(attrs).get("lang")
            self.open.append((tag, tag in self.EXEMPT or (lang is not None and lang != self.language)))

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not any(exempt for _, exempt in self.open):
            self.texts.append(text)


def interface_texts(html: str, language: str) -> list[str]:
    parser = InterfaceText(language)
    parser.feed(html)
    return parser.texts


def cldr_names(language: str) -> set[str]:
    """Country and language names as CLDR writes them in the language (Filipino's are often the English ones)."""
    locale = Locale.parse(language, sep="-")
    return {*locale.languages.values(), *locale.territories.values()}


PAGES_READ = ("/plan/?danger=yes&seen=in_person&happened=TH&lives=BE&nationality=FR", "/countries/th/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_plan_and_a_country_page_have_no_english_sentence_outside_what_is_marked_english(
    client, loaded_directory, language
):
    names = cldr_names(language)
    for path in PAGES_READ:
        english = {
            text
            for text in interface_texts(client.get(f"/en{path}").content.decode(), "en")
            if len(re.findall(r"[A-Za-z]{2,}", text)) >= 3  # a sentence or a phrase, not a code or a name
        }
        page = client.get(f"/{language}{path}").content.decode()
        left = [
            text
            for text in interface_texts(page, language)
            if text in english and not set(re.split(r",\s*", text)) <= names
        ]
        assert left == [], f"/{language}{path}"


def test_hours_around_the_clock_read_in_the_pages_language_other_hours_as_the_source_wrote_them(
    client, loaded_directory
):
    from django.utils.translation import gettext, override

    with override("vi"):
        around_the_clock = gettext("Around the clock, every day")
    assert around_the_clock != "Around the clock, every day"
    page = client.get("/vi/countries/th/").content.decode()
    assert f"<dd>{around_the_clock}</dd>" in page  # Thailand's hotlines answer 24/7 (data/directory/TH.yaml)
    assert '<dd lang="en" dir="ltr">24/7</dd>' not in page
