"""Spreadsheet uploads (.csv or .xlsx) on the import pages: the same form, checks, limits,
status codes and messages for programs of study and for student records.

`received_upload` answers the first steps of the flow every import page follows: 413 for a
body or file over the size cap, 400 for a form that is not valid (no file, an empty or
wrongly named one); the page then reads the valid form's file and answers 422 with the
problems (core/problems.py) or its summary.
"""

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

SUFFIXES = (".csv", ".xlsx")
# The multipart envelope around the file: boundaries, field names, the CSRF token.
OVERHEAD_BYTES = 64 * 1024


class SpreadsheetUploadForm(forms.Form):
    """A form whose `file` field (declared by each page, with its label) takes one non-empty
    .csv or .xlsx file of at most `max_bytes`, with a "check only" box; `too_large` tells
    the view to answer 413 rather than 400."""

    max_bytes = 5 * 1024 * 1024
    check_only = forms.BooleanField(
        required=False,
        label=gettext_lazy("Check only"),
        help_text=gettext_lazy("Check every row and show what would change; nothing is saved."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.too_large = False

    @property
    def file_name(self) -> str:
        """The uploaded file's own name, without any folder."""
        return Path(self.cleaned_data["file"].name or "upload").name

    @property
    def check(self) -> bool:
        """Whether only to check the file, saving nothing."""
        return bool(self.cleaned_data.get("check_only"))

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        name = Path(upload.name or "").name
        if Path(name).suffix.lower() not in SUFFIXES:
            raise forms.ValidationError(
                _("“%(name)s” is not a .csv or .xlsx file.") % {"name": name}
            )
        if upload.size is not None and upload.size > self.max_bytes:
            self.too_large = True
            raise forms.ValidationError(
                _("The file is %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(self.max_bytes)}
            )
        if not upload.size:
            raise forms.ValidationError(_("The file is empty."))
        return upload


def body_too_large(request: HttpRequest, max_bytes: int) -> str | None:
    """Why a request is refused before its body is read, or None when it is within bounds."""
    if int(request.META.get("CONTENT_LENGTH") or 0) <= max_bytes + OVERHEAD_BYTES:
        return None
    return _("The file is larger than the limit of %(limit)s.") % {
        "limit": filesizeformat(max_bytes)
    }


def received_upload(
    request: HttpRequest,
    form_class: type[SpreadsheetUploadForm],
    template: str,
    context: dict[str, Any],
    **form_options: Any,
) -> SpreadsheetUploadForm | HttpResponse:
    """The page with an empty form (GET), a refusal (413 too big, 400 a bad form) on the
    page, or the valid form whose file the page goes on to read."""
    if request.method != "POST":
        context["form"] = form_class(**form_options)
        return render(request, template, context)
    refusal = body_too_large(request, form_class.max_bytes)
    if refusal:
        context["form"] = form_class(**form_options)
        context["upload_error"] = refusal
        return render(request, template, context, status=413)
    form = form_class(request.POST, request.FILES, **form_options)
    if not form.is_valid():
        context["form"] = form
        return render(request, template, context, status=413 if form.too_large else 400)
    return form


@contextmanager
def saved_upload(upload: UploadedFile, prefix: str) -> Iterator[Path]:
    """The upload written to a temporary file, removed when the block ends."""
    name = Path(upload.name or "upload").name
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        path = Path(folder) / f"upload{Path(name).suffix.lower()}"
        with open(path, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        yield path
