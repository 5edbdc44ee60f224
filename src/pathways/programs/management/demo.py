"""The demonstration catalogue: made-up programs of study for three real districts.

Every program is marked `is_demonstration`, says so in its title and description, and uses
course codes that start with "DEMO-"; postsecondary programs are at institutions named
"Demonstration ...". Nothing here describes a real district offering.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from pathways.framework.models import SubCluster
from pathways.geography.models import District
from pathways.programs.models import Course, PostsecondaryProgram, ProgramOfStudy
from pathways.programs.transfer.layout import (
    CourseLine,
    ImportSummary,
    PostsecondaryRef,
    ProgramSpec,
    WorkBasedLearningRef,
)
from pathways.programs.transfer.writing import apply_programs

SOURCE = "demonstration catalogue"
COURSE_PREFIX = "DEMO-"
INSTITUTION_PREFIX = "Demonstration "
DISTRICTS = {
    "3500060": ("health", "software", "welding"),  # Albuquerque Public Schools
    "3501500": ("agriculture", "health", "software", "welding"),  # Las Cruces Public Schools
    "3500990": ("agriculture", "health", "welding"),  # Farmington Municipal Schools
}


@dataclass(frozen=True)
class DemoProgram:
    title: str
    subcluster: str
    legacy_pathway: str
    summary: str
    # (code, title, credits, grade_min, grade_max); the last is the capstone.
    courses: tuple[tuple[str, str, str, int, int], ...]
    credentials: tuple[str, ...]
    postsecondary: tuple[tuple[str, str, str], ...]
    work_based_learning: tuple[tuple[str, str], ...]


PROGRAMS = {
    "health": DemoProgram(
        title="Health Sciences: Physical Health (demonstration)",
        subcluster="healthcare-human-services--physical-health",
        legacy_pathway="health-science--therapeutic-services",
        summary="From an introduction to health careers to a clinical practicum, preparing "
        "for nursing assistant certification.",
        courses=(
            ("DEMO-HLT-1", "Introduction to Health Sciences", "1.0", 9, 10),
            ("DEMO-HLT-2", "Medical Terminology", "1.0", 10, 11),
            ("DEMO-HLT-3", "Anatomy and Physiology", "1.0", 10, 12),
            ("DEMO-HLT-4", "Clinical Practicum (capstone)", "2.0", 11, 12),
        ),
        credentials=("Certified Nursing Assistant (CNA)", "CPR and First Aid"),
        postsecondary=(
            ("Demonstration Community College", "Nursing Assistant certificate", "51.3902"),
            ("Demonstration State University", "Registered Nursing (BSN)", "51.3801"),
        ),
        work_based_learning=(
            ("job_shadowing", "A day with nurses at a local clinic"),
            ("internship", "Summer placement in a hospital"),
        ),
    ),
    "welding": DemoProgram(
        title="Welding Technology (demonstration)",
        subcluster="construction--skilled-trades",
        legacy_pathway="manufacturing--production",
        summary="From shop safety to a fabrication capstone, preparing for entry-level "
        "welding certification.",
        courses=(
            ("DEMO-WLD-1", "Welding Safety and Fundamentals", "1.0", 9, 12),
            ("DEMO-WLD-2", "Shielded Metal Arc Welding", "1.0", 10, 12),
            ("DEMO-WLD-3", "Gas Metal and Flux-Cored Arc Welding", "1.0", 10, 12),
            ("DEMO-WLD-4", "Welding Fabrication (capstone)", "2.0", 11, 12),
        ),
        credentials=("AWS SENSE Entry Welder", "OSHA 10-Hour Construction"),
        postsecondary=(
            ("Demonstration Community College", "Welding Technology certificate", "48.0508"),
        ),
        work_based_learning=(
            ("tour", "Visit a fabrication shop"),
            ("pre_apprenticeship", "Pre-apprenticeship with a local contractor"),
        ),
    ),
    "software": DemoProgram(
        title="Software Development (demonstration)",
        subcluster="digital-technology--software-solutions",
        legacy_pathway="information-technology--programming-and-software-development",
        summary="From computer science principles to a team software project.",
        courses=(
            ("DEMO-SWD-1", "Computer Science Principles", "1.0", 9, 10),
            ("DEMO-SWD-2", "Programming Fundamentals", "1.0", 10, 11),
            ("DEMO-SWD-3", "Web and App Development", "1.0", 10, 12),
            ("DEMO-SWD-4", "Software Development Project (capstone)", "1.0", 11, 12),
        ),
        credentials=("IT Specialist: Python", "CompTIA Tech+"),
        postsecondary=(
            ("Demonstration Community College", "Computer Programming (associate)", "11.0201"),
            ("Demonstration State University", "Computer Science (bachelor's)", "11.0701"),
        ),
        work_based_learning=(
            ("mentoring", "Monthly meetings with a software developer"),
            ("internship", "Summer internship with a local employer"),
        ),
    ),
    "agriculture": DemoProgram(
        title="Agricultural Science: Animal Systems (demonstration)",
        subcluster="agriculture--animal-systems",
        legacy_pathway="agriculture-food-natural-resources--animal-systems",
        summary="From agricultural basics to a supervised agricultural experience project.",
        courses=(
            ("DEMO-AGR-1", "Introduction to Agriculture", "1.0", 9, 10),
            ("DEMO-AGR-2", "Animal Science", "1.0", 10, 11),
            ("DEMO-AGR-3", "Plant and Soil Science", "1.0", 10, 12),
            ("DEMO-AGR-4", "Supervised Agricultural Experience (capstone)", "1.0", 11, 12),
        ),
        credentials=("Beef Quality Assurance (BQA)", "OSHA 10-Hour General Industry"),
        postsecondary=(
            ("Demonstration State University", "Animal Sciences (bachelor's)", "01.0901"),
            ("Demonstration Community College", "Agricultural Business (associate)", "01.0101"),
        ),
        work_based_learning=(
            ("entrepreneurship", "Supervised agricultural experience project"),
            ("tour", "Visit a ranch or dairy"),
        ),
    ),
}


class NotLoaded(Exception):
    """The districts or sub-clusters the catalogue refers to are not in the database."""


def demo_specs() -> list[ProgramSpec]:
    districts = dict(District.objects.filter(nces_id__in=DISTRICTS).values_list("pk", "name"))
    codes = {p.subcluster for p in PROGRAMS.values()} | {
        p.legacy_pathway for p in PROGRAMS.values()
    }
    found = set(SubCluster.objects.filter(code__in=codes).values_list("code", flat=True))
    if len(districts) < len(DISTRICTS) or found != codes:
        raise NotLoaded("load the data first (pathways data load)")
    specs = []
    for district_id, keys in DISTRICTS.items():
        for key in keys:
            program = PROGRAMS[key]
            last = len(program.courses)
            specs.append(
                ProgramSpec(
                    file=SOURCE,
                    district_id=district_id,
                    title=program.title,
                    subcluster_code=program.subcluster,
                    legacy_pathway_code=program.legacy_pathway,
                    description=(
                        f"Demonstration data: a made-up example program of study, not an "
                        f"offering of {districts[district_id]}. {program.summary}"
                    ),
                    courses=[
                        CourseLine(
                            row=0,
                            position=position,
                            code=code,
                            title=title,
                            credits=Decimal(credits),
                            grade_min=grade_min,
                            grade_max=grade_max,
                            is_capstone=position == last,
                        )
                        for position, (code, title, credits, grade_min, grade_max) in enumerate(
                            program.courses, start=1
                        )
                    ],
                    credentials=sorted(program.credentials),
                    postsecondary=sorted(PostsecondaryRef(*p) for p in program.postsecondary),
                    work_based_learning=sorted(
                        WorkBasedLearningRef(*w) for w in program.work_based_learning
                    ),
                )
            )
    return specs


def create_demo_catalogue() -> ImportSummary:
    """Create or refresh the demonstration programs, approved; running it again creates
    nothing new."""
    return apply_programs(demo_specs(), status=ProgramOfStudy.Status.APPROVED, demonstration=True)


def remove_demo_catalogue() -> int:
    """Delete the demonstration programs, then the demonstration courses and postsecondary
    programs nothing else uses. Returns the number of programs deleted."""
    programs = ProgramOfStudy.objects.filter(is_demonstration=True)
    count = programs.count()
    programs.delete()
    Course.objects.filter(state_code__startswith=COURSE_PREFIX, placements__isnull=True).delete()
    PostsecondaryProgram.objects.filter(
        Q(institution__startswith=INSTITUTION_PREFIX), programs_of_study__isnull=True
    ).delete()
    return count
