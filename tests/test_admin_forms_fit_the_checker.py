"""The back office's forms refuse what the data checker refuses, in the checker's words, so that whatever a
maintainer saves exports and loads again: a Thai editor cannot save a number that does not connect in
Thailand, an http:// address, or a date in 2099."""

import html
import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.forms.models import model_to_dict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory import dataset
from directory.admin_forms import ChannelForm, EmergencyNumberForm, JurisdictionForm, NoteField, language_choices
from directory.dataset import KNOWN_LANGUAGES, Problem, read_text
from directory.export import dump, entry_of
from directory.models import Channel, Country, EmergencyNumber, Jurisdiction
from tests.maintainers import code_for, create, sign_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_directory")]
SOURCE = dict(source_url="https://www.royalthaipolice.go.th/", source_title="Royal Thai Police", confidence="verified")
FORMS = {Channel: ChannelForm, EmergencyNumber: EmergencyNumberForm, Jurisdiction: JurisdictionForm}
SECTION = {Channel: "channels", EmergencyNumber: "emergency_numbers", Jurisdiction: "jurisdiction"}


@pytest.fixture
def thailand():
    """Thailand's police channel, its police number and its law, each as the data files would have them."""
    for code in ("TH", "BE"):
        Country.objects.create(code=code)
    verified_on = date(2026, 10, 9)
    return (
        Channel.objects.create(
            country_id="TH",
            name="Thai police",
            kind="police",
            official=True,
            scope="both",
            url="https://www.royalthaipolice.go.th/report",
            phone="1155",
            languages=["th", "en"],
            verified_on=verified_on,
            **SOURCE,
        ),
        EmergencyNumber.objects.create(
            country_id="TH", service="police", number="191", verified_on=verified_on, **SOURCE
        ),
        Jurisdiction.objects.create(
            country_id="TH", nationals=True, summary="It can.", verified_on=verified_on, **SOURCE
        ),
    )


def unchanged(row) -> dict:
    """What the row's form holds before anyone changes it (a note as its text box shows it)."""
    held = {name: value for name, value in model_to_dict(row).items() if value is not None}
    return {name: NoteField.lines(value) if isinstance(value, dict) else value for name, value in held.items()}


def checked(row, **change):
    form = FORMS[type(row)](data=unchanged(row) | change, instance=row)
    form.is_valid()
    return form


def checker_says(row, **change) -> str:
    """The data checker's message for the row's entry in TH.yaml, with `change` written into it."""
    entry = entry_of(row.to_record())
    for name, value in change.items():
        if name.startswith("source_") or name in ("verified_on", "confidence"):
            entry["source"][name.removeprefix("source_")] = value
        else:
            entry[name] = value
    section = SECTION[type(row)]
    content = {"country": "TH", section: entry if type(row) is Jurisdiction else [entry]}
    with pytest.raises(Problem) as refused:
        read_text(dump(content), "TH.yaml")
    return refused.value.message


BAD = [
    (0, "phone", "12"),
    (0, "phone", "+32 2 555 01 00 00"),
    (0, "url", "http://www.royalthaipolice.go.th/report"),
    (0, "url", "https://www.royalthaipolice.go.th/report?utm_source=poster"),
    (0, "verified_on", date(2099, 1, 1)),
    (0, "source_published", "2099"),
    (0, "source_published", "May 2010"),
    (0, "source_url", "https://www.royalthaipolice.go.th/ประกาศ"),
    (1, "number", "4444"),
    (1, "number", "19-1"),
    (1, "verified_on", date.today() + timedelta(days=1)),
    (2, "source_url", "http://www.royalthaipolice.go.th/"),
    (2, "verified_on", date(2099, 1, 1)),
]


@pytest.mark.parametrize(("which", "field", "value"), BAD)
def test_it_refuses_what_the_checker_refuses_in_its_words_beside_the_field(thailand, which, field, value):
    row = thailand[which]
    form = checked(row, **{field: value})
    assert form.errors == {field: [checker_says(row, **{field: value})]}


def test_it_refuses_a_channel_with_no_way_to_reach_it_and_a_directory_in_a_country(thailand):
    channel = thailand[0]
    form = checked(channel, url="", phone="")
    assert form.errors == {"__all__": ["This channel needs at least one way to reach it: url, phone or email."]}
    form = checked(channel, kind="directory")
    assert form.errors == {"kind": [checker_says(channel, kind="directory")]}


def test_it_takes_what_the_checker_takes(thailand):
    channel, number, law = thailand
    assert checked(channel, phone="1111", phone_override="The police page gives it").is_valid()
    assert checked(channel, phone="02 123 4567", source_published="2024-05").is_valid()
    assert checked(number, number="4444", override="The ministry's page lists it").is_valid()
    assert checked(law, summary="A long plain sentence. " * 40).is_valid()


def test_its_lengths_are_the_checkers(thailand):
    channel = thailand[0]
    assert checked(channel, name="N" * 200).is_valid()
    assert "name" in checked(channel, name="N" * 201).errors
    assert "hours" in checked(channel, hours="H" * 201).errors


@pytest.fixture
def thai_editor(client):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user, _link = create("somchai", "--countries", "TH")
    TOTPDevice.objects.filter(user=user).update(confirmed=True)  # set up (tests/test_sign_in_set_up.py)
    assert sign_in(client, user, code_for(user)).status_code == 302
    return client


def posted(row, **change) -> dict:
    """What the admin's change form posts for the row, with `change` typed in."""
    data = {}
    for name, value in (unchanged(row) | change).items():
        if value is True:
            data[name] = "on"
        elif value is not False:
            data[name] = value
    return data | {"change_reason": "a probe"}


@pytest.mark.parametrize(("which", "field", "value"), [BAD[0], BAD[2], BAD[4], BAD[8], BAD[11], BAD[12]])
def test_the_admin_refuses_the_save_with_the_checkers_message(thai_editor, thailand, which, field, value):
    row = thailand[which]
    url = f"/admin/directory/{row._meta.model_name}/{row.pk}/change/"
    before = model_to_dict(type(row).objects.get(pk=row.pk))
    response = thai_editor.post(url, posted(row, **{field: value}))
    assert response.status_code == 200
    assert html.escape(checker_says(row, **{field: value})) in response.content.decode()
    assert model_to_dict(type(row).objects.get(pk=row.pk)) == before


def test_the_admin_saves_a_right_change_that_then_exports_and_loads(thai_editor, thailand, tmp_path):
    channel = thailand[0]
    url = f"/admin/directory/channel/{channel.pk}/change/"
    response = thai_editor.post(url, posted(channel, hours="24/7", phone="1111", phone_override="The page says so"))
    assert response.status_code == 302, response.content.decode()[:3000]
    call_command("export_directory", folder=str(tmp_path), stdout=io.StringIO())
    assert dataset.read_directory(tmp_path).country("TH").channels[0].hours.english == "24/7"


# Values a maintainer might type, right and wrong: what the form takes must load again.
texts = st.one_of(st.sampled_from(["", "24/7", " padded ", "x" * 200, "x" * 201, "Line\nbreak"]), st.text(max_size=30))
phones = st.sampled_from(["", "1155", "191", "12", "02 123 4567", "+66 2 123 4567", "+32 2 555 01 00", "1111", "abc"])
addresses = st.sampled_from(
    [
        "",
        "https://example.org/report",
        "http://example.org/report",
        "https://example.org/?utm_source=x",
        "https://exämple.org/",
        "https://",
        "ftp://example.org/",
        "https://example.org/a b",
    ]
)
days = st.dates(min_value=date(1990, 1, 1), max_value=date.today() + timedelta(days=400))
rough_days = st.one_of(st.sampled_from(["", "2010", "2010-05", "2010-13", "2099", "2010-02-30"]), days.map(str))
chosen = st.sampled_from(["TH", "BE", ""])


def _saved_then_loads(form, tmp_path_factory) -> None:
    with transaction.atomic():
        form.save()
        folder = tmp_path_factory.mktemp("export")
        call_command("export_directory", folder=str(folder), stdout=io.StringIO())
        dataset.read_directory(folder)  # raises DatasetError, naming every problem, if it does not load
        transaction.set_rollback(True)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    country=chosen,
    name=texts,
    kind=st.sampled_from(["police", "hotline", "helpline", "directory"]),
    phone=phones,
    phone_override=st.sampled_from(["", "The page gives it"]),
    url=addresses,
    email=st.sampled_from(["", "report@example.org", "not an address"]),
    languages=st.lists(st.sampled_from(sorted(KNOWN_LANGUAGES)), max_size=3, unique=True),
    hours=texts,
    source_url=addresses,
    verified_on=days,
    source_published=rough_days,
)
def test_whatever_the_channel_form_saves_exports_and_loads_again(thailand, tmp_path_factory, **typed):
    channel = thailand[0]
    form = ChannelForm(data=unchanged(channel) | typed, instance=channel)
    if form.is_valid():
        _saved_then_loads(form, tmp_path_factory)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    country=chosen,
    number=st.sampled_from(["191", "1669", "112", "4444", "19 1", "19a", "", "0" * 21]),
    override=st.sampled_from(["", "The ministry's page lists it"]),
    note=texts,
    verified_on=days,
    summary=texts,
    source_url=addresses,
)
def test_whatever_the_number_and_law_forms_save_exports_and_loads_again(
    thailand, tmp_path_factory, number, override, note, summary, **typed
):
    _channel, emergency, law = thailand
    number_form = EmergencyNumberForm(
        data=unchanged(emergency) | typed | {"number": number, "override": override, "note": note}, instance=emergency
    )
    if number_form.is_valid():
        _saved_then_loads(number_form, tmp_path_factory)
    law_form = JurisdictionForm(data=unchanged(law) | typed | {"summary": summary}, instance=law)
    if law_form.is_valid():
        _saved_then_loads(law_form, tmp_path_factory)


def test_languages_are_chosen_by_their_names_and_kept_in_their_order(thai_editor, thailand):
    channel = thailand[0]
    assert ("th", "Thai (th)") in language_choices() and ("de", "German (de)") in language_choices()
    assert {code for code, _ in language_choices()} == KNOWN_LANGUAGES  # the languages the files accept
    page = thai_editor.get(f"/admin/directory/channel/{channel.pk}/change/").content.decode()
    assert '<option value="th" selected>Thai (th)</option>' in page
    assert '<textarea name="languages"' not in page
    response = thai_editor.post(
        f"/admin/directory/channel/{channel.pk}/change/", posted(channel) | {"languages": ["de", "en", "th"]}
    )
    assert response.status_code == 302
    channel.refresh_from_db()
    assert channel.languages == ["th", "en", "de"]  # the order the file gave, the new one after
    assert "languages" in checked(channel, languages=["xx"]).errors


def test_the_form_says_what_official_kind_scope_and_confidence_mean(thai_editor, thailand):
    page = thai_editor.get(f"/admin/directory/channel/{thailand[0].pk}/change/").content.decode()
    for meaning in (
        "Tick when the state runs it",  # official
        "a national reporting point an organisation runs with the police",  # a kind
        "only to a witness who saw that",  # scope
        "read on the body&#x27;s own site or its government&#x27;s",  # verified, the one rule for labels
        "a lead only: kept for maintainers, never shown to witnesses",  # unconfirmed
    ):
        assert meaning in page, meaning
