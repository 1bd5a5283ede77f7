"""Maintainers keep the directory right, safely: their countries only, every change kept, 2FA, no brute force."""

import io
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from directory.models import Channel, Country

PASSWORD = "a long pass phrase for tests 4711"
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_directory")]


@pytest.fixture
def countries():
    for code in ("TH", "BE"):
        Country.objects.create(code=code)
    make = dict(
        kind="police",
        scope="both",
        url="https://example.org/report",
        source_url="https://example.org",
        source_title="A page",
        verified_on=date(2026, 10, 9),
        confidence="verified",
    )
    return Channel.objects.create(country_id="TH", name="Thai police", **make), Channel.objects.create(
        country_id="BE", name="Belgian police", **make
    )


def maintainer(username: str, *options) -> User:
    path = "/tmp/dla-test-password"  # noqa: S108 - a throwaway file for the command's --password-file
    with open(path, "w", encoding="utf-8") as secret:
        secret.write(PASSWORD)
    call_command("create_maintainer", username, *options, "--password-file", path, stdout=io.StringIO())
    # Its app confirmed, as the set-up link does (tests/test_sign_in_set_up.py goes through that page).
    TOTPDevice.objects.filter(user__username=username).update(confirmed=True)
    return User.objects.get(username=username)


def code_for(user: User, offset: int = 0) -> str:
    device = TOTPDevice.objects.get(user=user)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


def sign_in(client, user: User, token: str | None = None):
    data = {"username": user.username, "password": PASSWORD, "next": "/admin/"}
    if token is not None:
        data["otp_token"] = token
        data["otp_device"] = TOTPDevice.objects.get(user=user).persistent_id
    return client.post("/admin/login/?next=/admin/", data)


def test_the_right_password_without_a_valid_code_reaches_no_admin_page(client, countries):
    editor = maintainer("thai-editor", "--countries", "TH")
    sign_in(client, editor, token="000000" if code_for(editor) != "000000" else "111111")
    for path in ("/admin/", "/admin/directory/channel/"):
        assert client.get(path).status_code == 302
    sign_in(client, editor)
    assert client.get("/admin/").status_code == 302


def test_a_thai_editor_edits_thai_channels_and_cannot_open_a_belgian_one(client, countries):
    thai, belgian = countries
    editor = maintainer("thai-editor", "--countries", "TH")
    assert sign_in(client, editor, code_for(editor)).status_code == 302
    listing = client.get("/admin/directory/channel/").content.decode()
    assert "Thai police" in listing and "Belgian police" not in listing
    assert client.get(f"/admin/directory/channel/{thai.pk}/change/").status_code == 200
    assert client.get(f"/admin/directory/channel/{belgian.pk}/change/").status_code in (302, 403, 404)
    assert client.get(f"/admin/directory/channel/{belgian.pk}/history/").status_code in (302, 403, 404)
    assert client.post(f"/admin/directory/channel/{belgian.pk}/delete/", {"post": "yes"}).status_code in (302, 403, 404)
    assert Channel.objects.filter(pk=belgian.pk).exists()


def test_a_change_is_kept_with_who_when_and_why_and_can_be_reverted(client, countries):
    thai, _ = countries
    coordinator = maintainer("coordinator", "--coordinator")
    sign_in(client, coordinator, code_for(coordinator))
    form = client.get(f"/admin/directory/channel/{thai.pk}/change/").context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(hours="24/7", change_reason="The police page says 24/7", country="TH", languages=[])
    response = client.post(f"/admin/directory/channel/{thai.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    thai.refresh_from_db()
    assert thai.hours == {"en": "24/7"}
    latest = thai.history.first()
    assert latest.history_user == coordinator and latest.history_change_reason == "The police page says 24/7"
    history = client.get(f"/admin/directory/channel/{thai.pk}/history/").content.decode()
    assert "The police page says 24/7" in history
    older = thai.history.last()
    older.instance.save()  # what the admin's "revert" does
    thai.refresh_from_db()
    assert thai.hours == {}


def test_a_used_code_is_refused(client, countries):
    editor = maintainer("thai-editor", "--countries", "TH")
    token = code_for(editor)
    assert sign_in(client, editor, token).status_code == 302
    client.logout()
    sign_in(client, editor, token)
    assert client.get("/admin/").status_code == 302


def test_the_lock_holds_from_any_address_and_stores_none(client, countries):
    from axes.models import AccessAttempt

    editor = maintainer("thai-editor", "--countries", "TH")
    for attempt in range(5):
        client.post(
            "/admin/login/",
            {"username": editor.username, "password": "wrong"},
            REMOTE_ADDR=f"203.0.113.{attempt}",
            HTTP_USER_AGENT="Marker-Browser/4711",
        )
    device = TOTPDevice.objects.get(user=editor).persistent_id
    response = client.post(
        "/admin/login/",
        {"username": editor.username, "password": PASSWORD, "otp_device": device, "otp_token": code_for(editor)},
        REMOTE_ADDR="198.51.100.1",
    )
    assert response.status_code == 429
    assert client.get("/admin/").status_code == 302
    assert not AccessAttempt.objects.exclude(ip_address__isnull=True).exclude(ip_address="").exists()
    assert AccessAttempt.objects.exists()
    assert not AccessAttempt.objects.filter(user_agent__contains="Marker-Browser").exists(), "nor the browser"


def test_sign_out_ends_the_session(client, countries):
    editor = maintainer("thai-editor", "--countries", "TH")
    sign_in(client, editor, code_for(editor))
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")
    assert client.get("/admin/").status_code == 302


def test_the_coverage_map_and_broken_links_are_shown_to_maintainers(client, countries):
    coordinator = maintainer("coordinator", "--coordinator")
    sign_in(client, coordinator, code_for(coordinator))
    page = client.get("/admin/directory/country/").content.decode()
    assert "about-our-data/map.svg" in page
    assert "link_status__exact=broken" in page and "complete and fresh" in page
    thai, _ = countries
    Channel.objects.filter(pk=thai.pk).update(link_status="broken")
    broken = client.get("/admin/directory/channel/?link_status__exact=broken").content.decode()
    assert "Thai police" in broken and "Belgian police" not in broken


def test_the_public_about_our_data_page_and_map(client, loaded_directory):
    page = client.get("/en/about-our-data/").content.decode()
    assert "no known official mechanism" in page and 'href="/en/about-our-data/map.svg"' in page
    svg = client.get("/en/about-our-data/map.svg")
    assert svg["Content-Type"].startswith("image/svg+xml")
    text = svg.content.decode()
    assert "<title>Thailand: " in text and 'fill="#D55E00"' in text


def test_maintainers_see_how_the_guide_is_used_as_a_chart(client, countries):
    from guide.models import PlanCount

    PlanCount.objects.create(day=date.today(), happened="TH", lives="BE", seen="in_person", count=12)
    editor = maintainer("thai-editor", "--countries", "TH")
    sign_in(client, editor, code_for(editor))
    page = client.get("/admin/guide/plancount/").content.decode()
    assert "Plans made per day" in page and "<svg" in page and ": 12</title>" in page


def test_an_import_is_checked_previewed_then_applied(client, countries):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from directory.export import dump, record_to_dict
    from directory.loading import read_directory

    coordinator = maintainer("coordinator", "--coordinator")
    sign_in(client, coordinator, code_for(coordinator))
    thailand = record_to_dict(read_directory(["TH"]).country("TH"))
    thailand["channels"][0]["hours"] = "24/7"
    upload = SimpleUploadedFile("TH.yaml", dump(thailand).encode(), content_type="application/x-yaml")
    preview = client.post("/admin/directory/country/import/", {"files": [upload]}).content.decode()
    assert "changed TH / police / Thai police: hours" in preview
    assert Channel.objects.get(name="Thai police").hours == {}  # nothing applied yet
    client.post("/admin/directory/country/import/", {"apply": "1"})
    assert Channel.objects.get(name="Thai police").hours == {"en": "24/7"}
    assert Channel.objects.filter(name="Belgian police").exists()  # other countries untouched


def test_a_wrong_import_is_refused_with_the_file_and_entry_named(client, countries):
    from django.core.files.uploadedfile import SimpleUploadedFile

    editor = maintainer("thai-editor", "--countries", "TH")
    sign_in(client, editor, code_for(editor))
    belgium = SimpleUploadedFile("BE.yaml", b"country: BE\n")
    response = client.post("/admin/directory/country/import/", {"files": [belgium]})
    assert response.status_code == 400 and "BE.yaml: you may only import the countries assigned to you" in (
        response.content.decode()
    )
    broken = SimpleUploadedFile("TH.yaml", b"country: TH\nchannels:\n  - name: X\n    url: http://x.example\n")
    response = client.post("/admin/directory/country/import/", {"files": [broken]})
    assert (
        response.status_code == 400 and "TH.yaml: channels[0]: missing required field(s)" in response.content.decode()
    )


def test_an_export_is_a_zip_in_the_dataset_format(client, countries):
    import io
    import zipfile

    editor = maintainer("thai-editor", "--countries", "TH")
    sign_in(client, editor, code_for(editor))
    response = client.get("/admin/directory/country/export/")
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert names == ["directory/TH.yaml"]
