"""Spreadsheet uploads (.csv or .xlsx) on the import pages: the same checks, limits and
messages for programs of study and for student records."""

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

SUFFIXES = (".csv", ".xlsx")
# The multipart envelope around the file: boundaries, field names, the CSRF token.
OVERHEAD_BYTES = 64 * 1024


class SpreadsheetUploadForm(forms.Form):
    """A form whose `file` field takes one non-empty .csv or .xlsx file of at most
    `max_bytes`; `too_large` tells the view to answer 413 rather than 400."""

    max_bytes = 5 * 1024 * 1024

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.too_large = False

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
