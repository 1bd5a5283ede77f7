"""After the first load the database is the directory: a load of the files never undoes a maintainer's work.

Every deploy runs `load_directory`. An editor's change in the back office must survive it until it is
exported and committed; a folder that is empty or holds only some countries must never empty the rest.
"""

import io
import shutil

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.utils import timezone

from directory.loading import read_directory
from directory.models import Channel

pytestmark = pytest.mark.django_db


def load(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("load_directory", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def edited_in_the_back_office(row, **changes):
    """What a change form does: the row saved with the editor named in its history."""
    editor, _ = User.objects.get_or_create(username="thai-editor")
    for name, value in changes.items():
        setattr(row, name, value)
    row._history_user = editor
    row.save()
    return row


def thai_channel():
    return Channel.objects.filter(country="TH").order_by("position").first()


def test_a_load_keeps_a_change_made_in_the_back_office_and_says_so(loaded_directory):
    channel = edited_in_the_back_office(thai_channel(), hours={"en": "Every day, 8:00 to 20:00"})
    out, err = load()
    channel.refresh_from_db()
    assert channel.hours == {"en": "Every day, 8:00 to 20:00"}
    assert "Kept 1 row(s) changed in the back office" in err
    assert f"TH / {channel.kind} / {channel.name}: hours: Every day, 8:00 to 20:00 → " in err
    assert "export_directory" in err and "--force" in err
    assert "1 kept" in out


def test_a_channel_added_in_the_back_office_is_not_removed_by_a_load(loaded_directory):
    model = thai_channel()
    model.pk = None
    model.name = "Tourist police desk, added by an editor"
    edited_in_the_back_office(model)
    load()
    assert Channel.objects.filter(name="Tourist police desk, added by an editor").exists()


def test_force_takes_the_files_version(loaded_directory, shipped_directory):
    edited_in_the_back_office(thai_channel(), hours={"en": "Every day, 8:00 to 20:00"})
    load("--force")
    assert read_directory() == shipped_directory


def test_once_exported_and_committed_the_files_own_the_row_again(loaded_directory, tmp_path):
    """Export writes the editor's change to the files; loading them catches up; a later file edit applies."""
    folder = tmp_path / "directory"
    channel = edited_in_the_back_office(thai_channel(), hours={"en": "Every day, 8:00 to 20:00"})
    call_command("export_directory", "--folder", str(folder), stdout=io.StringIO())
    _, err = load("--folder", str(folder))
    assert err == ""
    thai = folder / "TH.yaml"
    thai.write_text(thai.read_text(encoding="utf-8").replace("8:00 to 20:00", "7:00 to 21:00"), encoding="utf-8")
    out, err = load("--folder", str(folder))
    channel.refresh_from_db()
    assert channel.hours == {"en": "Every day, 7:00 to 21:00"}, err
    assert "hours: Every day, 8:00 to 20:00 → Every day, 7:00 to 21:00" in out


def test_an_empty_folder_loads_nothing_and_keeps_the_directory(loaded_directory, shipped_directory, tmp_path):
    with pytest.raises(CommandError, match="has no country files; nothing was loaded"):
        load("--folder", str(tmp_path))
    assert read_directory() == shipped_directory


def test_a_folder_with_some_countries_changes_only_those(loaded_directory, shipped_directory, tmp_path):
    shutil.copy(settings.DIRECTORY_DATA_DIR / "BE.yaml", tmp_path / "BE.yaml")
    out, _ = load("--folder", str(tmp_path))
    assert "0 created, 0 updated, 0 deleted" in out
    assert read_directory() == shipped_directory


def test_a_dry_run_shows_each_change_old_and_new_and_changes_nothing(loaded_directory, shipped_directory, tmp_path):
    thai = tmp_path / "TH.yaml"
    text = (settings.DIRECTORY_DATA_DIR / "TH.yaml").read_text(encoding="utf-8")
    assert "Call 1155 to reach" in text
    thai.write_text(text.replace("Call 1155 to reach", "Dial 1155 for"), encoding="utf-8")
    out, _ = load("--folder", str(tmp_path), "--dry-run")
    assert "Would load 1 countries" in out and "1 updated" in out
    assert "Tourist Police call centre 1155: how_to: Call 1155 to reach the Tourist Police Bureau's call" in out
    assert "→ Dial 1155 for the Tourist Police Bureau's call centre" in out
    assert read_directory() == shipped_directory


def test_a_page_edited_in_the_back_office_survives_load_content_until_exported(db, tmp_path):
    from content.models import Translation

    privacy = Translation.objects.get(entry__slug="privacy", language="en")
    privacy.body += "\nA sentence an editor added today.\n"
    privacy.updated_at = timezone.now()
    privacy.save()
    err = io.StringIO()
    call_command("load_content", stdout=io.StringIO(), stderr=err)
    privacy.refresh_from_db()
    assert "A sentence an editor added today." in privacy.body
    assert "Kept 1 text(s) edited in the back office" in err.getvalue() and "en/privacy" in err.getvalue()

    folder = tmp_path / "content"
    call_command("export_content", "--folder", str(folder), stdout=io.StringIO())
    exported = folder / "pages" / "en" / "privacy.md"
    assert "A sentence an editor added today." in exported.read_text(encoding="utf-8")
    exported.write_text(exported.read_text(encoding="utf-8").replace("an editor added", "a translator fixed"))
    err = io.StringIO()
    call_command("load_content", "--folder", str(folder), stdout=io.StringIO(), stderr=err)
    privacy.refresh_from_db()
    assert "A sentence a translator fixed today." in privacy.body, err.getvalue()


def test_exported_content_loads_back_as_it_was(db, tmp_path):
    from content.models import Entry, Translation

    before = list(
        Translation.objects.order_by("entry__slug", "language").values_list(
            "entry__slug", "language", "title", "summary", "body"
        )
    )
    dates = dict(Entry.objects.values_list("slug", "published_at"))
    folder = tmp_path / "content"
    call_command("export_content", "--folder", str(folder), stdout=io.StringIO())
    Entry.objects.all().delete()
    call_command("load_content", "--folder", str(folder), stdout=io.StringIO())
    assert (
        list(
            Translation.objects.order_by("entry__slug", "language").values_list(
                "entry__slug", "language", "title", "summary", "body"
            )
        )
        == before
    )
    assert dict(Entry.objects.values_list("slug", "published_at")) == dates


def test_load_content_with_an_empty_folder_changes_nothing(db, tmp_path):
    from content.models import Translation

    count = Translation.objects.count()
    with pytest.raises(CommandError, match="has no pages or articles"):
        call_command("load_content", "--folder", str(tmp_path), stdout=io.StringIO())
    assert Translation.objects.count() == count
