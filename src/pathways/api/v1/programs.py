"""Programs of study: districts' course sequences and what they lead to.

Anonymous callers see approved programs only; a signed-in user (session) sees what the
site shows them (`ProgramOfStudy.objects.visible_to`). A program the caller may not view
answers 404, as if it did not exist.
"""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from pathways.api.v1.schemas import Error
from pathways.framework.models import Cluster, SubCluster
from pathways.geography.models import District, WorkforceRegion
from pathways.programs.models import ProgramCourse, ProgramOfStudy, ProgramQuerySet
from pathways.programs.reach import occupations_reached

router = Router(tags=["programs"])
NCES_ID_PATTERN = r"^\d{7}$"


class DistrictRef(Schema):
    nces_id: str = Field(description="NCES LEA ID, 7 digits.")
    name: str


class SubClusterRef(Schema):
    code: str
    name: str


class ProgramOut(Schema):
    id: int
    title: str
    district: DistrictRef
    subcluster: SubClusterRef = Field(description="The 2024 framework sub-cluster.")
    legacy_pathway: SubClusterRef | None = Field(description="The legacy framework pathway.")
    status: str = Field(description="draft, submitted, approved or returned.")
    is_demonstration: bool = Field(description="True for made-up example data.")
    course_count: int


class CourseOut(Schema):
    position: int
    state_code: str = Field(description="State course code.")
    title: str
    credits: float
    grade_min: int
    grade_max: int
    is_capstone: bool


class CredentialOut(Schema):
    name: str
    issuer: str
    url: str


class PostsecondaryOut(Schema):
    institution: str
    title: str
    cip_code: str = Field(description="CIP 2020 code, e.g. 51.3902.")
    award: str
    url: str


class WorkBasedLearningOut(Schema):
    kind: str = Field(description="tour, job_shadowing, mentoring, internship, coop, ...")
    kind_label: str
    description: str
    partner: str


class OccupationRef(Schema):
    soc: str = Field(description="SOC 2018 code, e.g. 29-1141.")
    title: str
    via_subcluster: bool = Field(description="Placed in the program's 2024 sub-cluster.")
    via_postsecondary: bool = Field(
        description="A postsecondary program of this program prepares for it (CIP-SOC)."
    )


class ProgramDetailOut(ProgramOut):
    description: str
    courses: list[CourseOut] = Field(
        description="The sequence, in order; the last is the capstone."
    )
    credentials: list[CredentialOut]
    postsecondary_programs: list[PostsecondaryOut]
    work_based_learning: list[WorkBasedLearningOut]
    occupations: list[OccupationRef] = Field(
        description="Occupations the program leads to: its sub-cluster's (Advance CTE) and "
        "those its postsecondary programs prepare for (NCES-BLS CIP-SOC crosswalk), most "
        "openings first."
    )


def _user(request: HttpRequest) -> Any:
    return getattr(request, "user", None) or AnonymousUser()


def _visible(request: HttpRequest) -> ProgramQuerySet:
    return ProgramOfStudy.objects.visible_to(_user(request))


def _ref(subcluster: SubCluster | None) -> SubClusterRef | None:
    return SubClusterRef(code=subcluster.code, name=subcluster.name) if subcluster else None


def _program_fields(program: ProgramOfStudy, course_count: int) -> dict[str, Any]:
    return {
        "id": program.pk,
        "title": program.title,
        "district": DistrictRef(nces_id=program.district.nces_id, name=program.district.name),
        "subcluster": _ref(program.subcluster),
        "legacy_pathway": _ref(program.legacy_pathway),
        "status": program.status,
        "is_demonstration": program.is_demonstration,
        "course_count": course_count,
    }


@router.get(
    "",
    response={200: list[ProgramOut], 404: Error, 422: Error},
    summary="List programs of study",
)
def list_programs(
    request: HttpRequest,
    district: str = Query("", description="A school district's NCES LEA ID (7 digits)."),
    cluster: str = Query("", description="A cluster or sub-cluster code of either framework."),
    region: str = Query("", description="A workforce region slug."),
) -> list[ProgramOut]:
    programs = _visible(request)
    district, cluster, region = district.strip(), cluster.strip(), region.strip()
    if district:
        if not District.objects.filter(nces_id=district).exists():
            raise HttpError(404, f"Unknown school district '{district}' (NCES LEA ID, 7 digits).")
        programs = programs.filter(district_id=district)
    if cluster:
        if Cluster.objects.filter(code=cluster).exists():
            programs = programs.filter(
                Q(subcluster__cluster_id=cluster) | Q(legacy_pathway__cluster_id=cluster)
            )
        elif SubCluster.objects.filter(code=cluster).exists():
            programs = programs.filter(Q(subcluster_id=cluster) | Q(legacy_pathway_id=cluster))
        else:
            raise HttpError(
                404, f"Unknown cluster '{cluster}'. GET /api/v1/clusters lists the codes."
            )
    if region:
        if not WorkforceRegion.objects.filter(slug=region).exists():
            raise HttpError(404, f"Unknown region '{region}'. GET /api/v1/regions lists the slugs.")
        programs = programs.filter(district__county__region_id=region)
    programs = (
        programs.select_related("district", "subcluster", "legacy_pathway")
        .annotate(course_count=Count("sequence", distinct=True))
        .order_by("district__name", "title", "pk")
    )
    return [ProgramOut.model_validate(_program_fields(p, p.course_count)) for p in programs]


@router.get(
    "/{program_id}",
    response={200: ProgramDetailOut, 404: Error, 422: Error},
    summary="One program: its courses, credentials, postsecondary programs, occupations",
)
def program_detail(request: HttpRequest, program_id: int) -> ProgramDetailOut:
    sequence = ProgramCourse.objects.select_related("course").order_by("position")
    program = (
        ProgramOfStudy.objects.select_related("district", "subcluster", "legacy_pathway")
        .prefetch_related(
            Prefetch("sequence", queryset=sequence),
            "credentials",
            "postsecondary_programs",
            "work_based_learning",
        )
        .filter(pk=program_id)
        .first()
    )
    if program is None or not _user(request).has_perm("programs.view_programofstudy", program):
        raise HttpError(404, f"Unknown program of study {program_id}.")
    placements = list(program.sequence.all())
    reached = occupations_reached(program)
    return ProgramDetailOut.model_validate(
        {
            **_program_fields(program, len(placements)),
            "description": program.description,
            "courses": [
                CourseOut(
                    position=pc.position,
                    state_code=pc.course.state_code,
                    title=pc.course.title,
                    credits=float(pc.course.credits),
                    grade_min=pc.course.grade_min,
                    grade_max=pc.course.grade_max,
                    is_capstone=pc.is_capstone,
                )
                for pc in placements
            ],
            "credentials": [
                CredentialOut(name=c.name, issuer=c.issuer, url=c.url)
                for c in program.credentials.all()
            ],
            "postsecondary_programs": [
                PostsecondaryOut(
                    institution=p.institution,
                    title=p.title,
                    cip_code=p.cip_code,
                    award=p.award,
                    url=p.url,
                )
                for p in program.postsecondary_programs.all()
            ],
            "work_based_learning": [
                WorkBasedLearningOut(
                    kind=w.kind,
                    kind_label=str(w.get_kind_display()),
                    description=w.description,
                    partner=w.partner,
                )
                for w in program.work_based_learning.all()
            ],
            "occupations": [
                OccupationRef(
                    soc=row.soc,
                    title=row.title,
                    via_subcluster=row.soc in reached.via_subcluster,
                    via_postsecondary=row.soc in reached.via_programs,
                )
                for row in reached.rows
            ],
        }
    )
