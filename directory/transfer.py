"""Import and export of the directory from the admin, in the dataset's own format.

An import is checked exactly as `load_directory` checks the files, previewed as a list of changes, and
applied only when the maintainer confirms. Editors may import and export only their own countries; an editor
whose changes wait for a coordinator's approval may preview an import but not apply it.
"""

import io
import zipfile
from pathlib import PurePosixPath

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from directory import reviews
from directory.dataset import INTERNATIONAL, Problem, read_text
from directory.export import dump, record_to_dict
from directory.loading import load_directory, read_directory
from directory.permissions import editable_countries
from directory.records import Channel, CountryRecord, Directory

MAX_BYTES = 2_000_000
SESSION_KEY = "pending_directory_import"
REVIEWED = (
    "Your changes wait for a coordinator's approval, so an import cannot be applied from your account: "
    "send the files to a coordinator, or make the changes in the forms, where they wait for approval."
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class ImportForm(forms.Form):
    # A field named like Form.files: the form's metaclass takes it out of the class, so Form.files stays the uploads.
    files = MultipleFileField(  # type: ignore[assignment]
        widget=MultipleFileInput(attrs={"accept": ".yaml,.zip"}),
        help_text="One or more country files (TH.yaml, BE.yaml …), or a .zip of them, as written by the export.",
    )


def _texts(uploads) -> dict[str, str]:
    """{file name: text} from .yaml uploads and .zip archives, refusing anything larger than MAX_BYTES."""
    texts: dict[str, str] = {}
    for upload in uploads:
        if upload.size > MAX_BYTES:
            raise ValueError(f"{upload.name} is larger than {MAX_BYTES // 1_000_000} MB")
        data = upload.read()
        if upload.name.endswith(".zip"):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for info in archive.infolist():
                    if info.filename.endswith(".yaml") and info.file_size <= MAX_BYTES:
                        texts[PurePosixPath(info.filename).name] = archive.read(info).decode("utf-8")
        elif upload.name.endswith(".yaml"):
            texts[PurePosixPath(upload.name).name] = data.decode("utf-8")
        else:
            raise ValueError(f"{upload.name} is neither a .yaml file nor a .zip")
    return texts


def parse_import(texts: dict[str, str], user) -> tuple[Directory, list[str]]:
    allowed = editable_countries(user)
    problems: list[str] = []
    countries: dict[str, CountryRecord] = {}
    international: tuple[Channel, ...] = ()
    for name, text in sorted(texts.items()):
        try:
            record = read_text(text, name)
        except Problem as problem:
            problems.append(str(problem))
            continue
        if allowed is not None and (record.code == INTERNATIONAL or record.code not in allowed):
            problems.append(f"{name}: you may only import the countries assigned to you")
        elif record.code == INTERNATIONAL:
            international = record.channels
        else:
            countries[record.code] = record
    return Directory(countries=countries, international=international), problems


def import_view(request, admin_site):
    context = {**admin_site.each_context(request), "title": "Import directory files"}
    may_apply = not reviews.needs_review(request.user)
    context.update(may_apply=may_apply, why_not_apply=REVIEWED)
    if request.method == "POST" and "apply" in request.POST:
        if not may_apply:
            messages.error(request, REVIEWED)
            return redirect("admin:directory_import")
        pending = request.session.pop(SESSION_KEY, None)
        if not pending:
            messages.error(request, "Nothing to apply: upload the files again.")
            return redirect("admin:directory_import")
        directory, problems = parse_import(pending, request.user)
        if problems:
            messages.error(request, "The files changed meanwhile; nothing was applied.")
            return redirect("admin:directory_import")
        report = load_directory(directory, only=set(directory.countries), force=True)
        messages.success(
            request, f"Applied: {report['created']} added, {report['updated']} changed, {report['deleted']} removed."
        )
        return redirect("admin:directory_country_changelist")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            texts = _texts(form.cleaned_data["files"])
        except (ValueError, UnicodeDecodeError, zipfile.BadZipFile) as error:
            context.update(form=form, problems=[str(error)])
            return render(request, "admin/directory/import.html", context, status=400)
        directory, problems = parse_import(texts, request.user)
        if problems:
            context.update(form=form, problems=problems)
            return render(request, "admin/directory/import.html", context, status=400)
        report = load_directory(directory, only=set(directory.countries), dry_run=True, force=True)
        request.session[SESSION_KEY] = texts
        context.update(form=ImportForm(), preview=report.changes, counts=report, codes=sorted(directory.countries))
    else:
        context["form"] = form
    return render(request, "admin/directory/import.html", context)


def export_view(request):
    allowed = editable_countries(request.user)
    directory = read_directory(allowed)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for code, record in sorted(directory.countries.items()):
            archive.writestr(f"directory/{code}.yaml", dump(record_to_dict(record)))
        if allowed is None and directory.international:
            intl = CountryRecord(code=INTERNATIONAL, channels=directory.international)
            archive.writestr(f"directory/{INTERNATIONAL}.yaml", dump(record_to_dict(intl)))
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="dont-look-away-directory.zip"'
    return response
