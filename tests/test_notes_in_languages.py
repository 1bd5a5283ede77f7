"""A channel's how-to note, hours and answer time, an emergency number's note and a law's summary can be given
in several languages (`how_to: {en: …, fr: …}`): a page shows them in its own language where they are given,
and in English, marked as English, where they are not."""

import csv
import io
import re
from dataclasses import replace

import pytest
import yaml
from django.conf import settings
from django.utils.html import escape

from directory.admin_forms import ChannelForm
from directory.dataset import DatasetError, read_directory
from directory.export import dump, entry_of
from directory.models import Channel
from directory.records import Note

PLAN = "/plan/?danger=no&seen=in_person&happened=TH&lives=BE"
FRENCH = "Appelez le 1155 : le centre d’appels de la police touristique prend les signalements urgents."


def tourist_police() -> Channel:
    return Channel.objects.get(country="TH", kind="tourist_police", name="Tourist Police call centre 1155")


def typed_into(channel: Channel, **typed) -> ChannelForm:
    """The channel's change form as the admin shows it, with `typed` typed in and sent."""
    shown = ChannelForm(instance=channel)
    data = {name: shown[name].value() for name in shown.fields} | typed
    sent = {name: ("on" if value is True else value) for name, value in data.items() if value not in (None, False)}
    return ChannelForm(data=sent, instance=channel)


def note_in(page: str, words: str) -> str:
    """The element that holds the words, as written in the page."""
    match = re.search(rf"<(p|dd|span)([^>]*)>{re.escape(words)}</\1>", page)
    assert match, f"{words!r} is not on the page"
    return match.group(0)


@pytest.fixture
def french_how_to(loaded_directory):
    channel = tourist_police()
    english = channel.how_to["en"]
    channel.how_to = {"en": english, "fr": FRENCH}
    channel.save()
    return english


def test_a_french_plan_shows_the_french_note_in_french_and_other_languages_the_english_marked(client, french_how_to):
    english = escape(french_how_to)
    french = client.get(f"/fr{PLAN}").content.decode()
    assert note_in(french, FRENCH) == f"<p>{FRENCH}</p>"
    assert english not in french
    german = client.get(f"/de{PLAN}").content.decode()
    assert note_in(german, english) == f'<p lang="en" dir="ltr">{english}</p>'
    assert FRENCH not in german


def test_arabic_shows_an_english_note_marked_left_to_right(client, french_how_to):
    arabic = client.get(f"/ar{PLAN}").content.decode()
    english = escape(french_how_to)
    assert note_in(arabic, english) == f'<p lang="en" dir="ltr">{english}</p>'


def test_a_regional_page_takes_its_parents_words_marked_with_their_language(client, loaded_directory):
    channel = tourist_police()
    channel.how_to = {"en": channel.how_to["en"], "pt": "Ligue para o 1155."}
    channel.save()
    brazilian = client.get(f"/pt-br{PLAN}").content.decode()
    assert note_in(brazilian, "Ligue para o 1155.") == '<p lang="pt" dir="ltr">Ligue para o 1155.</p>'
    assert note_in(client.get(f"/pt{PLAN}").content.decode(), "Ligue para o 1155.") == "<p>Ligue para o 1155.</p>"


def test_hours_given_in_the_pages_language_win_over_the_catalogues_around_the_clock(client, loaded_directory):
    channel = tourist_police()
    channel.hours = {"en": "24/7", "fr": "Jour et nuit, toute l’année"}
    channel.save()
    assert "<dd>Jour et nuit, toute l’année</dd>" in client.get(f"/fr{PLAN}").content.decode()
    assert "<dd>Rund um die Uhr, 7 Tage die Woche</dd>" in client.get(f"/de{PLAN}").content.decode()


def test_a_law_summary_and_a_numbers_note_read_in_the_pages_language(client, loaded_directory):
    law = Channel.objects.get(name="Tourist Police call centre 1155").country.jurisdiction
    law.summary = {"en": law.summary["en"], "fr": "La loi thaïlandaise punit la traite commise à l’étranger."}
    law.save()
    number = law.country.emergency_numbers.order_by("position").first()
    number.note = {"en": "Police.", "fr": "La police, jour et nuit."}
    number.save()
    page = client.get("/fr/countries/th/").content.decode()
    assert "<span>La loi thaïlandaise punit la traite commise à l’étranger.</span>" in page
    assert '<span class="note">La police, jour et nuit.</span>' in page


def test_the_data_files_take_a_note_by_language_and_give_it_back_as_written(tmp_path, shipped_directory):
    content = yaml.safe_load(
        dump({"country": "TH", "channels": [entry_of(shipped_directory.country("TH").channels[0])]})
    )
    content["channels"][0]["how_to"] = {"en": "Call 1155.", "th": "โทร 1155", "fr": "Appelez le 1155."}
    (tmp_path / "TH.yaml").write_text(dump(content), encoding="utf-8")
    channel = read_directory(tmp_path).country("TH").channels[0]
    assert channel.how_to == Note((("en", "Call 1155."), ("fr", "Appelez le 1155."), ("th", "โทร 1155")))
    assert entry_of(channel)["how_to"] == {"en": "Call 1155.", "fr": "Appelez le 1155.", "th": "โทร 1155"}
    english_only = replace(channel, how_to=Note.of("Call 1155."))
    assert entry_of(english_only)["how_to"] == "Call 1155."  # the shipped files stay as they are


@pytest.mark.parametrize(
    ("note", "message"),
    [
        ({"fr": "Appelez le 1155."}, "must give the English words first (en: …)"),
        ({"en": "Call 1155.", "xx": "?"}, "xx: not a language of the site"),
        ({"en": "Call 1155.", "fr": 1155}, "how_to.fr: must be text"),
        (["Call 1155."], "must be text, or a mapping of languages like {en: …, fr: …}"),
    ],
)
def test_the_checker_refuses_a_note_it_cannot_show_and_says_why(tmp_path, shipped_directory, note, message):
    content = yaml.safe_load(
        dump({"country": "TH", "channels": [entry_of(shipped_directory.country("TH").channels[0])]})
    )
    content["channels"][0]["how_to"] = note
    (tmp_path / "TH.yaml").write_text(dump(content), encoding="utf-8")
    with pytest.raises(DatasetError) as refused:
        read_directory(tmp_path)
    assert message in refused.value.problems[0]


def test_the_checker_counts_the_length_of_each_languages_words(tmp_path, shipped_directory):
    content = yaml.safe_load(
        dump({"country": "TH", "channels": [entry_of(shipped_directory.country("TH").channels[0])]})
    )
    content["channels"][0]["hours"] = {"en": "24/7", "fr": "x" * 201}
    (tmp_path / "TH.yaml").write_text(dump(content), encoding="utf-8")
    with pytest.raises(DatasetError) as refused:
        read_directory(tmp_path)
    assert "channels[0].hours.fr: is 201 characters long; at most 200 fit" in refused.value.problems[0]


def test_the_admin_shows_a_note_a_line_per_language_and_saves_what_is_typed(loaded_directory):
    channel = tourist_police()
    english = channel.how_to["en"]
    assert ChannelForm(instance=channel)["how_to"].value() == english  # English alone: just the words
    form = typed_into(channel, how_to=f"{english}\nfr: {FRENCH}\nth: โทร 1155\nตลอด 24 ชั่วโมง")
    assert form.is_valid(), form.errors
    form.save()
    channel.refresh_from_db()
    assert channel.how_to == {"en": english, "fr": FRENCH, "th": "โทร 1155 ตลอด 24 ชั่วโมง"}
    assert ChannelForm(instance=channel)["how_to"].value() == f"en: {english}\nfr: {FRENCH}\nth: โทร 1155 ตลอด 24 ชั่วโมง"


def test_the_admin_refuses_a_note_without_english(loaded_directory):
    form = typed_into(tourist_police(), how_to=f"fr: {FRENCH}")
    assert not form.is_valid()
    assert form.errors["how_to"] == ["Give the English words first: they are shown where no translation is."]


def test_the_api_gives_the_english_words_and_each_translation_and_the_csv_the_english(client, french_how_to):
    country = client.get("/api/v1/countries/TH").json()
    police = next(c for c in country["channels"] if c["name"] == "Tourist Police call centre 1155")
    assert police["how_to"] == french_how_to
    assert police["how_to_translations"] == {"fr": FRENCH}
    assert police["hours_translations"] == {}
    download = client.get("/api/v1/channels.csv")
    body = b"".join(download.streaming_content) if download.streaming else download.content
    rows = csv.DictReader(io.StringIO(body.decode("utf-8-sig")))
    row = next(r for r in rows if r["name"] == "Tourist Police call centre 1155")
    assert row["how_to"] == french_how_to
    assert "how_to_translations" not in row


def test_dataset_reads_the_shipped_notes_as_english(shipped_directory):
    notes = [c.how_to for record in shipped_directory.countries.values() for c in record.channels if c.how_to]
    assert len(notes) > 400
    assert all(note.english and isinstance(note, Note) for note in notes)
    assert settings.LANGUAGE_CODES[0] == "en"
