"""A country editor reaches only their own countries, through every admin URL: lists, forms, history, revert,
bulk actions, autocomplete, import and export, for channels, emergency numbers and law alike.

Every probe is made as a Thai editor against Belgian records of the shipped directory; each one that answers
must leave Belgium exactly as it was.
"""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.forms import CheckboxInput
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from directory.loading import read_directory
from directory.models import Channel, EmergencyNumber, Jurisdiction

PASSWORD = "a long pass phrase for scope tests 0815"
DENIED = (302, 403, 404)
MODELS = {"channel": Channel, "emergencynumber": EmergencyNumber, "jurisdiction": Jurisdiction}
pytestmark = pytest.mark.django_db


def signed_in(client, username: str, *role) -> User:
    path = "/tmp/dla-scope-password"  # noqa: S108 - a throwaway file for the command's --password-file
    with open(path, "w", encoding="utf-8") as secret:
        secret.write(PASSWORD)
    call_command("create_maintainer", username, *role, "--password-file", path, stdout=io.StringIO())
    TOTPDevice.objects.filter(user__username=username).update(confirmed=True)  # as its set-up link does
    user = User.objects.get(username=username)
    device = TOTPDevice.objects.get(user=user)
    token = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    data = {"username": username, "password": PASSWORD, "otp_token": token}
    assert client.post("/admin/login/?next=/admin/", data).status_code == 302
    return user


def belgium_with_history():
    """Belgium's records, each with an older version in its history to revert to."""
    rows = [
        Channel.objects.filter(country="BE").first(),
        EmergencyNumber.objects.filter(country="BE").first(),
        Jurisdiction.objects.get(country="BE"),
    ]
    for row in rows:
        row.save()  # a second version, so that the first is an old one
    return rows


def form_data(client, url: str) -> dict:
    """What the admin form at `url` would post back unchanged."""
    form = client.get(url).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is True and isinstance(field.widget, CheckboxInput):
            data[name] = "on"
            continue
        if value is None or value is False:
            continue
        if isinstance(value, list):  # a multiple choice (the languages) posts each value
            data[name] = value
            continue
        shown = field.widget.format_value(field.prepare_value(value))  # as the form draws it (a note: its lines)
        if shown is not None:
            data[name] = shown
    return data


def test_a_thai_editor_cannot_reach_belgium_through_any_admin_url(client, loaded_directory):
    before = read_directory(["BE"])
    rows = belgium_with_history()
    signed_in(client, "thai-editor", "--countries", "TH")
    for row in rows:
        name = row._meta.model_name
        base = f"/admin/directory/{name}/"
        old = row.history.last().history_id
        listing = client.get(base).content.decode()
        assert f"/{row.pk}/change/" not in listing
        for path in (f"{row.pk}/change/", f"{row.pk}/history/", f"{row.pk}/history/{old}/", f"{row.pk}/delete/"):
            assert client.get(base + path).status_code in DENIED, path
            assert client.post(base + path, {"post": "yes", "change_reason": "probe"}).status_code in DENIED, path
        client.post(base, {"action": "delete_selected", "_selected_action": [row.pk], "post": "yes"})
        found = client.get(f"{base}?q=BE").content.decode()
        assert f"/{row.pk}/change/" not in found
    assert read_directory(["BE"]) == before


def test_a_belgian_channel_that_was_once_thai_cannot_be_reverted_by_a_thai_editor(client, loaded_directory):
    """The version is Thai, the row is Belgian now: the revert would move Belgium's channel into Thailand."""
    belgian = Channel.objects.filter(country="BE").first()
    belgian.country_id = "TH"
    belgian.save()
    thai_version = belgian.history.first().history_id
    belgian.country_id = "BE"
    belgian.save()
    signed_in(client, "thai-editor", "--countries", "TH")
    revert = f"/admin/directory/channel/{belgian.pk}/history/{thai_version}/"
    assert client.get(revert).status_code in DENIED
    assert client.post(revert, {"country": "TH", "change_reason": "probe"}).status_code in DENIED
    assert Channel.objects.get(pk=belgian.pk).country_id == "BE"


def test_a_thai_channel_cannot_be_moved_to_belgium_nor_a_belgian_version_restored_over_it(client, loaded_directory):
    signed_in(client, "thai-editor", "--countries", "TH")
    thai = Channel.objects.filter(country="TH").first()
    url = f"/admin/directory/channel/{thai.pk}/change/"
    data = form_data(client, url) | {"country": "BE", "change_reason": "probe"}
    response = client.post(url, data)
    assert response.status_code in (200, *DENIED)
    thai.refresh_from_db()
    assert thai.country_id == "TH"
    # A version of this row once in Belgium (made by a coordinator) cannot be reverted to by a Thai editor.
    thai.country_id = "BE"
    thai.save()
    belgian_version = thai.history.first().history_id
    thai.country_id = "TH"
    thai.save()
    revert = f"/admin/directory/channel/{thai.pk}/history/{belgian_version}/"
    assert client.get(revert).status_code in DENIED
    assert client.post(revert, data | {"country": "TH"}).status_code in DENIED
    assert Channel.objects.get(pk=thai.pk).country_id == "TH"


def test_the_autocomplete_of_countries_offers_only_the_editors_own(client, loaded_directory):
    signed_in(client, "thai-editor", "--countries", "TH")
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "directory", "model_name": "channel", "field_name": "country", "term": "B"},
    )
    codes = [result["id"] for result in response.json().get("results", [])] if response.status_code == 200 else []
    assert "BE" not in codes


def test_a_thai_editor_can_still_revert_a_thai_channel(client, loaded_directory):
    signed_in(client, "thai-editor", "--countries", "TH")
    thai = Channel.objects.filter(country="TH").first()
    original_hours = thai.hours
    thai.hours = "a probe's hours"
    thai.save()
    first = thai.history.order_by("history_date").first()
    revert = f"/admin/directory/channel/{thai.pk}/history/{first.history_id}/"
    assert client.get(revert).status_code == 200
    data = form_data(client, revert) | {"change_reason": "back to the source's hours"}
    response = client.post(revert, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    thai.refresh_from_db()
    assert thai.hours == original_hours


def test_a_reviewed_editors_change_waits_for_a_coordinator_then_shows_in_the_plan(client, loaded_directory):
    from directory.models import PendingChange

    editor = signed_in(client, "thai-editor", "--countries", "TH")
    editor.editor_profile.changes_need_review = True
    editor.editor_profile.save()
    thai = Channel.objects.filter(country="TH").order_by("position").first()
    url = f"/admin/directory/channel/{thai.pk}/change/"
    data = form_data(client, url) | {"hours": "Every day, 6:00 to 22:00", "change_reason": "the page says so"}
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == "/admin/directory/pendingchange/"
    assert Channel.objects.get(pk=thai.pk).hours != {"en": "Every day, 6:00 to 22:00"}
    plan = "/en/plan/?danger=no&seen=in_person&happened=TH&lives=BE"
    assert "Every day, 6:00 to 22:00" not in client.get(plan).content.decode()
    waiting = client.get("/admin/directory/pendingchange/").content.decode()
    assert "waits for a coordinator" in waiting and "Every day, 6:00 to 22:00" in waiting
    assert client.post(url.replace("change/", "delete/"), {"post": "yes"}).status_code in DENIED

    client.logout()
    signed_in(client, "coordinator", "--coordinator")
    change = PendingChange.objects.get()
    client.post("/admin/directory/pendingchange/", {"action": "approve", "_selected_action": [change.pk]}, follow=True)
    thai.refresh_from_db()
    assert thai.hours == {"en": "Every day, 6:00 to 22:00"}
    latest = thai.history.first()
    assert latest.history_user == editor and "approved by coordinator" in latest.history_change_reason
    assert "Every day, 6:00 to 22:00" in client.get(plan).content.decode()


def test_an_editor_cannot_approve_nor_see_another_countrys_waiting_changes(client, loaded_directory):
    from directory import reviews
    from directory.models import PendingChange

    someone = User.objects.create(username="someone")
    belgian = Channel.objects.filter(country="BE").first()
    belgian.hours = "Belgian hours, proposed"
    reviews.propose(belgian, ["hours"], someone, "")
    thai = Channel.objects.filter(country="TH").first()
    thai.hours = "Thai hours, proposed"
    thai_change = reviews.propose(thai, ["hours"], someone, "")
    signed_in(client, "thai-editor", "--countries", "TH")
    listing = client.get("/admin/directory/pendingchange/").content.decode()
    assert "Thai hours, proposed" in listing and "Belgian hours, proposed" not in listing
    assert client.get(f"/admin/directory/pendingchange/{thai_change.pk}/change/").status_code == 200
    client.post("/admin/directory/pendingchange/", {"action": "approve", "_selected_action": [thai_change.pk]})
    assert PendingChange.objects.get(pk=thai_change.pk).state == PendingChange.State.PENDING
    assert Channel.objects.get(pk=thai.pk).hours != "Thai hours, proposed"


def test_a_reviewed_editor_can_preview_an_import_but_not_apply_it(client, loaded_directory):
    """An import would otherwise be a way round the review: the public would see the change at once."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from directory.export import dump, record_to_dict

    editor = signed_in(client, "thai-editor", "--countries", "TH")
    editor.editor_profile.changes_need_review = True
    editor.editor_profile.save()
    thailand = record_to_dict(read_directory(["TH"]).country("TH"))
    thailand["channels"][0]["hours"] = "Every day, 6:00 to 22:00"
    upload = SimpleUploadedFile("TH.yaml", dump(thailand).encode(), content_type="application/x-yaml")
    preview = client.post("/admin/directory/country/import/", {"files": [upload]}).content.decode()
    assert "Every day, 6:00 to 22:00" in preview and "wait for a coordinator" in preview
    assert 'name="apply"' not in preview
    applied = client.post("/admin/directory/country/import/", {"apply": "1"}, follow=True).content.decode()
    assert "an import cannot be applied from your account" in applied
    assert not Channel.objects.filter(country="TH", hours={"en": "Every day, 6:00 to 22:00"}).exists()
