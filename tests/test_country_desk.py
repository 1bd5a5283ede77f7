"""A country's desk: one page with everything an editor keeps for one country, over the shipped directory."""

from datetime import date

import pytest

from directory.models import Channel, EmergencyNumber, PendingChange
from tests.test_editor_scope import signed_in

pytestmark = pytest.mark.django_db


def test_the_thai_desk_shows_every_fact_what_the_plan_shows_and_the_history(client, loaded_directory):
    signed_in(client, "thai-editor", "--countries", "TH")
    thai = Channel.objects.filter(country="TH").order_by("position").first()
    thai.hours = "an hour changed for the history"
    thai.save()
    page = client.get("/admin/directory/country/TH/desk/").content.decode()
    for channel in Channel.objects.filter(country="TH"):
        assert channel.name in page
    for number in EmergencyNumber.objects.filter(country="TH"):
        assert f">{number.number}</a>" in page
    assert "Prosecuting offences abroad" in page
    assert "Seen in person" in page and "Places to report, in this order" in page
    assert "Tourist Police call centre 1155" in page.split("Seen online")[0]
    assert "History of TH" in page and "hours" in page.split("History of TH")[1]


def test_a_country_with_no_mechanism_says_what_the_plan_falls_back_to(client, loaded_directory):
    signed_in(client, "coordinator", "--coordinator")
    page = client.get("/admin/directory/country/LY/desk/").content.decode()
    assert "No known mechanism" in page  # Libya: no police number in any source (data/VERIFICATION.md)


def test_the_thai_editor_cannot_open_the_belgian_desk(client, loaded_directory):
    signed_in(client, "thai-editor", "--countries", "TH")
    assert client.get("/admin/directory/country/BE/desk/").status_code == 403
    channel = Channel.objects.filter(country="BE").first()
    response = client.post("/admin/directory/country/BE/desk/", {"facts": [f"channel-{channel.pk}"]})
    assert response.status_code == 403
    assert Channel.objects.get(pk=channel.pk).verified_on == channel.verified_on


def test_checked_today_dates_every_ticked_fact_with_the_source_read(client, loaded_directory):
    editor = signed_in(client, "thai-editor", "--countries", "TH")
    channel = Channel.objects.filter(country="TH").order_by("position").first()
    number = EmergencyNumber.objects.filter(country="TH").first()
    response = client.post(
        "/admin/directory/country/TH/desk/",
        {
            "facts": [f"channel-{channel.pk}", f"number-{number.pk}"],
            "source_url": "https://www.example.org/thai-hotlines",
            "source_title": "A page of Thai hotlines",
            "source_published": "2026-11",
        },
    )
    assert response.status_code == 302
    channel.refresh_from_db()
    number.refresh_from_db()
    for row in (channel, number):
        assert row.verified_on == date.today() and row.source_url == "https://www.example.org/thai-hotlines"
    latest = channel.history.first()
    assert latest.history_user == editor and latest.history_change_reason == "checked today in A page of Thai hotlines"


def test_checked_today_refuses_a_source_that_is_not_https(client, loaded_directory):
    signed_in(client, "thai-editor", "--countries", "TH")
    channel = Channel.objects.filter(country="TH").first()
    response = client.post(
        "/admin/directory/country/TH/desk/",
        {"facts": [f"channel-{channel.pk}"], "source_url": "http://example.org/", "source_title": "A page"},
    )
    assert response.status_code == 400 and "Sources are https addresses." in response.content.decode()
    assert Channel.objects.get(pk=channel.pk).verified_on == channel.verified_on


def test_the_country_list_filters_the_countries_that_need_work(client, loaded_directory):
    signed_in(client, "coordinator", "--coordinator")
    missing = client.get("/admin/directory/country/?needs=in_person").content.decode()
    assert "LY desk" in missing and "TH desk" not in missing
    Channel.objects.filter(country="TH").update(link_status="broken")
    broken = client.get("/admin/directory/country/?needs=broken_link").content.decode()
    assert "TH desk" in broken and "BE desk" not in broken
    channel = Channel.objects.filter(country="BE").first()
    PendingChange.objects.create(
        model_name="channel",
        object_id=channel.pk,
        country_id="BE",
        proposed={},
        editor=_user(),
    )
    waiting = client.get("/admin/directory/country/?needs=waiting").content.decode()
    assert "BE desk" in waiting and "TH desk" not in waiting


def _user():
    from django.contrib.auth.models import User

    return User.objects.get(username="coordinator")


def test_a_note_from_the_public_arrives_on_the_thai_desk_and_nowhere_else(client, loaded_directory):
    from corrections.models import Correction

    Correction.objects.create(country_id="TH", page="/en/countries/TH/", text="The 1155 line now answers in Lao too.")
    signed_in(client, "coordinator", "--coordinator")
    thai = client.get("/admin/directory/country/TH/desk/").content.decode()
    assert "The 1155 line now answers in Lao too." in thai
    link = "/admin/corrections/correction/?country__code__exact=TH&amp;state__exact=new"
    assert link in thai
    assert "The 1155 line now answers in Lao too." in client.get(link.replace("&amp;", "&")).content.decode()
    belgian = client.get("/admin/directory/country/BE/desk/").content.decode()
    assert "The 1155 line now answers in Lao too." not in belgian
