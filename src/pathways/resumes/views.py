"""The resume pages: the student's guided editor, the files, sharing, and the read-only views.

Thin: every change goes through services.py or prefill.py; who may do what is
accounts/rules.py (`resumes.*` permissions), refused with PermissionDenied (403).
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pathways.datasets.registry import get_source
from pathways.occupations.search import search_occupations

from . import output, prefill, sections, services, technology
from .documents import ResumeError, export, parse
from .forms import CareerSearchForm, ImportForm, OptionsForm
from .models import Resume


def _own(request: HttpRequest) -> Resume:
    if not request.user.has_perm("resumes.add_resume"):
        raise PermissionDenied(_("The resume builder is for student accounts."))
    return services.resume_for(request.user)


def _section(name: str) -> sections.Section:
    try:
        return sections.BY_NAME[name]
    except KeyError:
        raise Http404(_("There is no resume section called %(name)s.") % {"name": name}) from None


@login_required
def home(request: HttpRequest) -> HttpResponse:
    resume = _own(request)
    context = {
        "resume": resume,
        "suggestions": prefill.suggestions(resume),
        "steps": sections.SECTIONS,
        "counts": {s.name: len(resume.document.get(s.name) or []) for s in sections.SECTIONS},
        "meta": resume.document.get("meta", {}),
        "length": services.length_check(resume.document),
        "one_page_words": services.ONE_PAGE_WORDS,
        "options_form": OptionsForm(instance=resume),
        "import_form": ImportForm(),
        "linked": bool(getattr(request.user, "student_id", "")),
    }
    return render(request, "resumes/home.html", context)


@login_required
def edit_section(request: HttpRequest, name: str) -> HttpResponse:
    resume = _own(request)
    section = _section(name)
    form_class = sections.form_class(section)
    index = _index(request.GET.get("item") or request.POST.get("item"))
    stored = resume.document.get(section.name)
    items: list[Any] = [] if section.single else list(stored or [])
    if index is not None and not 0 <= index < len(items):
        raise Http404(_("That item is not in this section."))
    if section.single:
        initial = sections.to_initial(section, stored or {})
    else:
        initial = sections.to_initial(section, items[index]) if index is not None else {}
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            item = sections.to_item(section, form.cleaned_data)
            services.save_item(resume, section, item, None if section.single else index)
        except ResumeError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Saved."))
            return redirect("resumes:section", name=section.name)
    status = 400 if request.method == "POST" else 200
    context: dict[str, Any] = {
        "section": section,
        "form": form,
        "items": [output._entry(section.name, i) for i in items],
        "index": index,
        "examples": services.EXAMPLES.get(section.name, []),
        "next": _neighbour(section, 1),
        "previous": _neighbour(section, -1),
    }
    if section.name == "skills":
        suggestions = _skill_suggestions(request, resume)
        status = max(status, suggestions.pop("status"))
        context.update(suggestions)
    return render(request, "resumes/section.html", context, status=status)


def _skill_suggestions(request: HttpRequest, resume: Resume) -> dict[str, Any]:
    """The skills step's O*NET suggestions, and the career search that feeds them."""
    search = CareerSearchForm(request.GET)
    hits = []
    if search.is_valid() and search.cleaned_data["career"]:
        hits = search_occupations(search.cleaned_data["career"], limit=5)
    return {
        "careers": technology.careers(resume),
        "career_search": search,
        "career_hits": hits,
        "saved_careers": technology.saved_not_aimed_for(resume),
        "can_aim": len(technology.targets(resume)) < technology.MAX_TARGETS,
        "technology_source": get_source("onet_technology"),
        "status": 200 if search.is_valid() else 400,
    }


def _index(value: str | None) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except ValueError:
        raise Http404(_("That item is not in this section.")) from None


def _neighbour(section: sections.Section, step: int) -> sections.Section | None:
    position = sections.SECTIONS.index(section) + step
    return sections.SECTIONS[position] if 0 <= position < len(sections.SECTIONS) else None


@login_required
@require_POST
def remove_item(request: HttpRequest, name: str) -> HttpResponse:
    resume = _own(request)
    if not name.startswith("meta."):
        _section(name)
    elif name not in ("meta.cte", "meta.workBasedLearning"):
        raise Http404
    index = _index(request.POST.get("item"))
    try:
        if index is None:
            raise IndexError(index)
        services.remove_item(resume, name, index)
    except IndexError:
        raise Http404(_("That item is not in this section.")) from None
    messages.success(request, _("Removed."))
    return (
        redirect("resumes:section", name=name)
        if name in sections.BY_NAME
        else redirect("resumes:home")
    )


@login_required
@require_POST
def decide(request: HttpRequest) -> HttpResponse:
    resume = _own(request)
    add = request.POST.get("action") == "add"
    if not prefill.decide(resume, request.POST.get("key", ""), add=add):
        messages.error(request, _("That record was already added or turned down."))
    return redirect("resumes:home")


@login_required
@require_POST
def target(request: HttpRequest) -> HttpResponse:
    """Aim for a career (its technologies are then suggested) or stop aiming for it."""
    soc = request.POST.get("soc", "")[:20]
    if request.POST.get("action") == "remove":
        return _change_skills(request, lambda resume: technology.stop_aiming(resume, soc))
    return _change_skills(request, lambda resume: technology.aim_for(resume, soc))


@login_required
@require_POST
def add_technology(request: HttpRequest) -> HttpResponse:
    soc, name = request.POST.get("soc", "")[:20], request.POST.get("name", "")[:200]
    done = _("Added %(name)s to your skills.") % {"name": name}
    return _change_skills(
        request, lambda resume: technology.add_technology(resume, soc, name), done
    )


def _change_skills(
    request: HttpRequest, change: Callable[[Resume], None], done: str = ""
) -> HttpResponse:
    """Run a change from the skills step: back to it, or a 400 page that says why not."""
    resume = _own(request)
    try:
        change(resume)
    except ResumeError as exc:
        return _not_saved(request, exc, _("Back to your skills"), "skills")
    if done:
        messages.success(request, done)
    return redirect("resumes:section", name="skills")


def _not_saved(
    request: HttpRequest, exc: ResumeError, back: str, section: str = "", title: str = ""
) -> HttpResponse:
    context = {"message": str(exc), "back": back, "section": section, "title": title}
    return render(request, "resumes/not_saved.html", context, status=400)


@login_required
@require_POST
def options(request: HttpRequest) -> HttpResponse:
    resume = _own(request)
    form = OptionsForm(request.POST, instance=resume)
    if not form.is_valid():
        return HttpResponse(_("Choose a language and a design from the lists."), status=400)
    form.save()
    return redirect("resumes:home")


@login_required
@require_POST
def share(request: HttpRequest) -> HttpResponse:
    resume = _own(request)
    if request.POST.get("action") == "stop":
        resume.stop_sharing()
    else:
        resume.start_sharing()
    resume.save()
    return redirect("resumes:home")


@login_required
@require_POST
def import_json(request: HttpRequest) -> HttpResponse:
    resume = _own(request)
    form = ImportForm(request.POST, request.FILES)
    try:
        if not form.is_valid():
            raise ResumeError(" ".join(str(m) for e in form.errors.values() for m in e))
        services.replace_document(resume, parse(form.cleaned_data["file"].read()))
    except ResumeError as exc:
        title = _("The file was not imported")
        return _not_saved(request, exc, _("Back to my resume"), title=title)
    messages.success(request, _("Your resume was imported."))
    return redirect("resumes:home")


def _download(resume: Resume, fmt: str) -> HttpResponse:
    if fmt == "pdf":
        response = HttpResponse(output.pdf(resume), content_type="application/pdf")
    elif fmt == "docx":
        response = HttpResponse(
            output.docx(resume),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    else:
        response = HttpResponse(export(resume.document), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="resume.{fmt}"'
    return response


@login_required
def download(request: HttpRequest, fmt: str) -> HttpResponse:
    return _download(_own(request), fmt)


@login_required
def student_resume(request: HttpRequest, resume_id: int) -> HttpResponse:
    """A counselor's read-only view of a student's resume (and the student's own)."""
    resume = get_object_or_404(Resume.objects.select_related("owner"), pk=resume_id)
    if not request.user.has_perm("resumes.view_resume", resume):
        raise PermissionDenied(_("Only the student and their school counselor see this resume."))
    return render(request, "resumes/view.html", {"shown": output.context(resume), "shared": False})


def shared(request: HttpRequest, token: str, fmt: str = "") -> HttpResponse:
    """The public link: anyone with it, while the student keeps sharing on."""
    resume = get_object_or_404(Resume, share_token=token)
    if fmt:
        return _download(resume, fmt)
    response = render(
        request, "resumes/view.html", {"shown": output.context(resume), "shared": True}
    )
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response
