"""Corrections from the public: a note sent from a country page or a plan reaches that country's maintainers,
and nobody else; it keeps no address and sets no cookie; bad or abusive notes are refused clearly."""

import io
import re
import time
from datetime import date, timedelta
from html import unescape

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command

from corrections import limits, tickets
from corrections.models import Correction, State
from tests.test_back_office import code_for, maintainer, sign_in

pytestmark = pytest.mark.usefixtures("loaded_directory")
THAI_PAGE = "/en/countries/th/"
PLAN = "/en/plan/?danger=yes&seen=in_person&happened=TH&lives=BE&nationality=FR"
NOTE = "The police number 1191 on this page now answers with a recorded message: the tourist police use 1155."
ADDRESS, FORWARDED = "203.0.113.9", "198.51.100.7"


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()  # the day's counts of notes live in the cache


@pytest.fixture
def a_minute_later(monkeypatch):
    """The witness sends the form a minute after the page was made, as a person does."""
    sent_later(monkeypatch, 60)


def sent_later(monkeypatch, seconds: float):
    """Notes are received `seconds` after now; pages are still made now."""
    read = tickets.read
    monkeypatch.setattr(tickets, "read", lambda ticket: read(ticket, now=time.time() + seconds))


def form_of(page: str) -> dict[str, str]:
    """The hidden fields of the page's correction form, as a browser would send them."""
    form = page[page.index('class="correction-form"') :]
    form = form[: form.index("</form>")]
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))
    return {name: unescape(value) for name, value in fields.items()}


def send(client, page_path: str = THAI_PAGE, language: str = "en", **fields):
    data = {**form_of(client.get(page_path).content.decode()), "text": NOTE, **fields}
    return client.post(f"/{language}/corrections/", data)


@pytest.mark.usefixtures("a_minute_later")
def test_a_note_from_the_thai_page_reaches_the_thai_editors_and_no_belgian_editor(client):
    answer = send(client)
    assert answer.status_code == 200
    assert "Your note has reached the people who keep the information on Thailand right." in answer.content.decode()
    note = Correction.objects.get()
    assert (note.country_id, note.page, note.page_countries, note.state) == ("TH", THAI_PAGE, "TH", State.NEW)
    assert note.received_on == date.today()

    thai = maintainer("thai-editor", "--countries", "TH")
    sign_in(client, thai, code_for(thai))
    assert NOTE[:60] in client.get("/admin/corrections/correction/").content.decode()
    assert NOTE in client.get(f"/admin/corrections/correction/{note.pk}/change/").content.decode()

    client.logout()
    belgian = maintainer("belgian-editor", "--countries", "BE")
    sign_in(client, belgian, code_for(belgian))
    listing = client.get("/admin/corrections/correction/")
    assert listing.status_code == 200 and NOTE[:60] not in listing.content.decode()
    assert client.get(f"/admin/corrections/correction/{note.pk}/change/").status_code in (302, 403, 404)

    client.logout()
    coordinator = maintainer("coordinator", "--coordinator")
    sign_in(client, coordinator, code_for(coordinator))
    assert NOTE[:60] in client.get("/admin/corrections/correction/").content.decode()


@pytest.mark.usefixtures("a_minute_later")
def test_an_editor_marks_their_notes_done_or_not_relevant_and_cannot_touch_another_countrys(client):
    thai_note = Correction.objects.create(country_id="TH", page=THAI_PAGE, page_countries="TH", text=NOTE)
    belgian_note = Correction.objects.create(country_id="BE", page="/en/countries/be/", text="Outdated hours.")
    editor = maintainer("thai-editor", "--countries", "TH")
    sign_in(client, editor, code_for(editor))
    for action, state in (("mark_done", State.DONE), ("mark_not_relevant", State.NOT_RELEVANT)):
        client.post(
            "/admin/corrections/correction/",
            {"action": action, "_selected_action": [thai_note.pk, belgian_note.pk]},
        )
        thai_note.refresh_from_db()
        belgian_note.refresh_from_db()
        assert (thai_note.state, belgian_note.state) == (state, State.NEW)
    assert "Mark as done" in client.get("/admin/corrections/correction/?state__exact=new").content.decode()


def test_neither_the_page_nor_sending_sets_a_cookie(client, a_minute_later):
    page = client.get(THAI_PAGE)
    assert page.status_code == 200 and not page.cookies
    answer = send(client)
    assert answer.status_code == 200 and not answer.cookies
    assert "Cookie" not in answer.get("Vary", "")


def test_nothing_stored_or_counted_holds_the_senders_address(client, a_minute_later):
    data = {**form_of(client.get(THAI_PAGE).content.decode()), "text": NOTE}
    answer = client.post("/en/corrections/", data, REMOTE_ADDR=ADDRESS, HTTP_X_FORWARDED_FOR=FORWARDED)
    assert answer.status_code == 200
    row = Correction.objects.values().get()
    assert not [value for value in row.values() if ADDRESS in str(value) or FORWARDED in str(value)]
    counted = [str(key) for key in cache._cache]  # the local-memory cache of the tests
    assert counted and not [key for key in counted if ADDRESS in key or FORWARDED in key]


def test_the_answer_is_never_cached_and_every_note_is_kept(client, a_minute_later):
    first, second = send(client), send(client)
    for answer in (first, second):
        assert "no-store" in answer["Cache-Control"] and "public" not in answer["Cache-Control"]
    assert Correction.objects.count() == 2


def test_the_form_works_from_a_page_served_by_the_cache_a_day_later(client, monkeypatch):
    fresh = form_of(client.get(THAI_PAGE).content.decode())
    cached = form_of(client.get(THAI_PAGE).content.decode())
    assert cached == fresh  # the same page, from the page cache: the same ticket for every visitor
    sent_later(monkeypatch, 36 * 3600)
    assert client.post("/en/corrections/", {**cached, "text": NOTE}).status_code == 200


@pytest.mark.usefixtures("a_minute_later")
def test_on_a_plan_the_note_goes_to_the_country_chosen_among_the_plans_and_keeps_none_of_the_answers(client):
    page = client.get(PLAN).content.decode()
    assert re.findall(r'<option value="(\w\w)"', page[page.index('id="correction-country"') :])[:3] == [
        "TH",
        "BE",
        "FR",
    ]
    answer = send(client, PLAN, country="BE")
    assert answer.status_code == 200
    assert "on Belgium right" in answer.content.decode()
    assert f'href="{PLAN.replace("&", "&amp;")}"' in answer.content.decode()
    row = Correction.objects.values().get()
    assert (row["country_id"], row["page"], row["page_countries"]) == ("BE", "/en/plan/", "BE,FR,TH")
    assert not [value for value in row.values() if "danger" in str(value) or "in_person" in str(value)]


@pytest.mark.usefixtures("a_minute_later")
def test_the_answer_speaks_the_language_of_the_page(client):
    answer = send(client, "/fr/countries/th/", language="fr")
    assert answer.status_code == 200
    assert '<html lang="fr"' in answer.content.decode() and "Thaïlande" in answer.content.decode()


@pytest.mark.usefixtures("a_minute_later")
@pytest.mark.parametrize("language", [code for code in settings.LANGUAGE_CODES if code != "en"])
def test_the_thanks_and_the_refusals_are_in_the_language_of_the_page(client, language):
    thanks = send(client, f"/{language}/countries/th/", language=language).content.decode()
    too_long = send(client, f"/{language}/countries/th/", language=language, text="x" * 2001).content.decode()
    for english in ("Thank you", "Your note has reached", "Your note was not sent", "Please shorten it"):
        assert english not in thanks and english not in too_long


@pytest.mark.usefixtures("a_minute_later")
def test_a_note_too_long_is_refused_with_a_message_and_given_back(client):
    answer = send(client, text="x" * 2001)
    assert answer.status_code == 400
    page = answer.content.decode()
    assert "Please shorten it to at most 2,000 characters." in page
    assert "x" * 2001 in page  # given back in the form, to shorten rather than write again
    assert not Correction.objects.exists()
    # A browser sends each line break as two characters; the limit counts it as one, as the text box does.
    assert send(client, text="a\r\n" * 1000).status_code == 200


@pytest.mark.usefixtures("a_minute_later")
def test_an_empty_note_is_refused_with_a_message(client):
    answer = send(client, text="   ")
    assert answer.status_code == 400 and "Write what is wrong or out of date." in answer.content.decode()
    assert not Correction.objects.exists()


@pytest.mark.usefixtures("a_minute_later")
def test_a_missing_or_forged_ticket_is_refused(client):
    ticket = form_of(client.get(THAI_PAGE).content.decode())["ticket"]
    forged = ticket[:-3] + ("aaa" if not ticket.endswith("aaa") else "bbb")
    for sent in ({"ticket": ""}, {"ticket": forged}, {"ticket": "not a ticket"}):
        answer = send(client, **sent)
        assert answer.status_code == 400
        assert "did not come from our page" in answer.content.decode()
    # A genuine ticket of the Thai page does not send a note to Belgium.
    answer = send(client, country="BE")
    assert answer.status_code == 400 and "Choose one of the countries of this page." in answer.content.decode()
    assert not Correction.objects.exists()


def test_a_ticket_too_old_or_too_fresh_is_refused_and_the_text_given_back_with_a_new_one(client):
    old = tickets.issue(["TH"], THAI_PAGE, now=time.time() - 3 * 24 * 3600)
    answer = send(client, ticket=old)
    assert answer.status_code == 400 and "This form has expired" in answer.content.decode()
    assert NOTE in answer.content.decode() and form_of(answer.content.decode())["ticket"] != old
    answer = send(client)  # at once, as a script does
    assert answer.status_code == 400 and "a moment after the page opened" in answer.content.decode()
    assert not Correction.objects.exists()


@pytest.mark.usefixtures("a_minute_later")
def test_a_note_with_the_hidden_field_filled_looks_accepted_and_is_not_kept(client):
    answer = send(client, website="https://spam.example")
    assert answer.status_code == 200 and "Thank you" in answer.content.decode()
    assert not Correction.objects.exists()


@pytest.mark.usefixtures("a_minute_later")
def test_past_the_days_cap_for_a_country_a_note_gets_429_and_other_countries_still_get_through(client, monkeypatch):
    monkeypatch.setattr(limits, "PER_COUNTRY_PER_DAY", 2)
    assert [send(client).status_code for _ in range(2)] == [200, 200]
    refused = send(client)
    assert refused.status_code == 429
    assert "We have received many notes today. Please send yours again tomorrow" in refused.content.decode()
    assert NOTE in refused.content.decode()
    assert send(client, "/en/countries/be/").status_code == 200
    assert Correction.objects.filter(country_id="TH").count() == 2


@pytest.mark.usefixtures("a_minute_later")
def test_with_the_cache_down_the_cap_counts_the_days_stored_notes(client, monkeypatch, settings):
    monkeypatch.setattr(limits, "PER_COUNTRY_PER_DAY", 1)
    settings.CACHES = {"default": {"BACKEND": "tests.broken_cache.BrokenCache"}}
    assert [send(client).status_code for _ in range(2)] == [200, 429]


@pytest.mark.usefixtures("a_minute_later")
def test_notes_older_than_90_days_are_deleted_by_the_command_and_on_each_new_note(client):
    today = date.today()
    kept = Correction.objects.create(country_id="TH", page=THAI_PAGE, text="kept", received_on=today - timedelta(90))
    Correction.objects.create(country_id="TH", page=THAI_PAGE, text="old", received_on=today - timedelta(91))
    out = io.StringIO()
    call_command("forget_old_corrections", stdout=out)
    assert "1 note(s)" in out.getvalue()
    assert list(Correction.objects.all()) == [kept]

    Correction.objects.create(country_id="BE", page="/en/countries/be/", text="old", received_on=today - timedelta(200))
    assert send(client).status_code == 200
    assert sorted(Correction.objects.values_list("text", flat=True)) == sorted(["kept", NOTE])


def test_the_form_says_it_is_not_a_way_to_report_abuse_and_links_to_the_plan_and_emergency(client):
    page = client.get(THAI_PAGE).content.decode()
    form = page[page.index('id="correction"') :]
    assert "This is not a way to report abuse." in form
    assert 'href="/en/?happened=TH"' in form and 'href="/en/emergency/?country=TH"' in form
    assert 'type="file"' not in form and 'type="email"' not in form and 'name="email"' not in form
    plan = client.get(PLAN).content.decode()
    back_to_the_steps = PLAN.replace("&", "&amp;") + "#todo-heading"
    assert f'href="{back_to_the_steps}"' in plan[plan.index('id="correction"') :]
