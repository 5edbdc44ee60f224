"""The resume as a PDF (WeasyPrint over a template) and as a DOCX (python-docx).

Both designs are single-column text with real headings and no tables, images or text in
shapes, so applicant tracking systems read them in order. Headings follow the resume's
language, whatever the language of the page that asked for the file.
"""

import io
from datetime import date
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pathways.core.pdf import html_to_pdf

from .models import Resume


def _status_label(status: str) -> str:
    labels = {
        "participant": _("participant"),
        "concentrator": _("concentrator"),
        "completer": _("completer"),
    }
    return labels.get(status, status)


def _dates(item: dict[str, Any]) -> str:
    start, end = item.get("startDate", ""), item.get("endDate", "")
    if start and end:
        return f"{start} – {end}"
    if start:
        return _("%(start)s – present") % {"start": start}
    return str(end)


def _when(value: str) -> str:
    """An ISO date as the resume's language writes it: 2025, March 2025, March 14, 2025."""
    try:
        if len(value) == 10:
            return date_format(date.fromisoformat(value), "DATE_FORMAT")
        if len(value) == 7:
            return date_format(date.fromisoformat(f"{value}-01"), "YEAR_MONTH_FORMAT")
    except ValueError:
        pass  # the schema allows 2025-13 by its pattern; show it as written
    return value


def context(resume: Resume) -> dict[str, Any]:
    """What both formats show, with headings in the resume's language."""
    document = resume.document
    with translation.override(resume.language):
        meta = document.get("meta", {})
        cte = [
            {**entry, "status_label": _status_label(entry.get("status", ""))}
            for entry in meta.get("cte", [])
        ]
        return {
            "basics": document.get("basics", {}),
            "sections": _sections(document),
            "cte": cte,
            "wbl": meta.get("workBasedLearning", []),
            "headings": {
                "cte": _("Career and technical education"),
                "wbl": _("Work-based learning"),
                "hours": _("hours"),
            },
            "design": resume.design,
            "language": resume.language,
        }


def _sections(document: dict[str, Any]) -> list[dict[str, Any]]:
    titles = {
        "education": _("Education"),
        "work": _("Work experience"),
        "volunteer": _("Volunteer experience"),
        "projects": _("Projects"),
        "skills": _("Skills"),
        "certificates": _("Credentials and certificates"),
        "awards": _("Awards"),
        "publications": _("Publications"),
        "languages": _("Languages"),
        "interests": _("Interests"),
        "references": _("References"),
    }
    shown = []
    for name, title in titles.items():
        items = document.get(name) or []
        if items:
            shown.append(
                {"name": name, "title": title, "entries": [_entry(name, i) for i in items]}
            )
    return shown


def _entry(section: str, item: dict[str, Any]) -> dict[str, Any]:
    """One item as a heading line, a detail line and bullet points, the same in both formats."""
    heading = {
        "education": ("institution", "studyType"),
        "work": ("position", "name"),
        "volunteer": ("position", "organization"),
        "projects": ("name", "entity"),
        "skills": ("name", "level"),
        "certificates": ("name", "issuer"),
        "awards": ("title", "awarder"),
        "publications": ("name", "publisher"),
        "languages": ("language", "fluency"),
        "interests": ("name", ""),
        "references": ("name", ""),
    }[section]
    title = " — ".join(str(item[k]) for k in heading if k and item.get(k))
    details = [_dates(item), item.get("area", ""), item.get("location", "")]
    if isinstance(item.get("date"), str) and item["date"]:
        details.append(_("Earned %(date)s") % {"date": _when(item["date"])})
    bullets = [*item.get("highlights", [])]
    for key in ("summary", "description", "reference"):
        if item.get(key):
            bullets.insert(0, item[key])
    words = item.get("courses") or item.get("keywords") or []
    return {
        "title": title,
        "detail": " · ".join(d for d in details if d),
        "bullets": bullets,
        "list": ", ".join(words),
    }


def pdf(resume: Resume) -> bytes:
    return html_to_pdf(
        render_to_string("resumes/document.html", {"resume": context(resume), "for_pdf": True})
    )


def docx(resume: Resume) -> bytes:
    from docx import Document
    from docx.shared import Pt

    shown = context(resume)
    document = Document()
    document.styles["Normal"].font.name = "Georgia" if resume.design == "classic" else "Arial"
    document.styles["Normal"].font.size = Pt(11)
    basics = shown["basics"]
    document.add_heading(basics.get("name") or "", level=0)
    contact = [basics.get(k, "") for k in ("label", "email", "phone")]
    location = basics.get("location") or {}
    contact.append(", ".join(v for v in (location.get("city"), location.get("region")) if v))
    document.add_paragraph(" · ".join(c for c in contact if c))
    if basics.get("summary"):
        document.add_paragraph(basics["summary"])
    if shown["cte"]:
        document.add_heading(shown["headings"]["cte"], level=1)
        for entry in shown["cte"]:
            document.add_paragraph(
                f"{entry['program']} — {entry['status_label']} ({entry['schoolYear']})"
            )
    for section in shown["sections"]:
        document.add_heading(section["title"], level=1)
        for entry in section["entries"]:
            document.add_paragraph().add_run(entry["title"]).bold = True
            if entry["detail"]:
                document.add_paragraph(entry["detail"])
            for bullet in entry["bullets"]:
                document.add_paragraph(bullet, style="List Bullet")
            if entry["list"]:
                document.add_paragraph(entry["list"])
    if shown["wbl"]:
        document.add_heading(shown["headings"]["wbl"], level=1)
        for entry in shown["wbl"]:
            hours = f", {entry['hours']} {shown['headings']['hours']}" if entry.get("hours") else ""
            where = f"{entry['organization']}: " if entry.get("organization") else ""
            document.add_paragraph(f"{where}{entry['kind']} ({entry['schoolYear']}{hours})")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
