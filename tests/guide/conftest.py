"""A small Healthcare & Human Services cluster with New Mexico figures, in the models' shape."""

from decimal import Decimal

import pytest

from pathways.framework.models import Cluster, Framework, SubCluster, SubClusterOccupation
from pathways.occupations.models import (
    NationalProjection,
    OnetOccupation,
    SocCode,
    StateProjectionEstimate,
    WageEstimate,
)
from pathways.programs.models import Course, Credential, ProgramCourse, ProgramOfStudy
from tests.factories import albuquerque, load_state_profile

STATE, CENTRAL = "3500000", "0010740"  # statewide; Albuquerque MSA (central region)
CLUSTER = "healthcare-human-services"
PHYSICAL = f"{CLUSTER}--physical-health"
PERSONAL = f"{CLUSTER}--personal-care-services"
# soc: title, job zone, education, state median, central median, state openings
OCCUPATIONS = {
    "29-1141": ("Registered Nurses", 3, "Bachelor's degree", 94340, 96010, 1180),
    "31-1131": ("Nursing Assistants", 2, "Postsecondary nondegree award", 37170, 38020, 1410),
    "39-9011": ("Childcare Workers", 2, "High school diploma or equivalent", 29830, None, 900),
}


@pytest.fixture
def health_cluster(db):  # type: ignore[no-untyped-def]
    load_state_profile()
    for table in (SocCode, OnetOccupation, WageEstimate, NationalProjection):
        table.objects.all().delete()
    StateProjectionEstimate.objects.all().delete()
    Cluster.objects.filter(framework=Framework.MODERN).delete()
    cluster = Cluster.objects.create(
        code=CLUSTER, framework=Framework.MODERN, name="Healthcare & Human Services"
    )
    physical = SubCluster.objects.create(code=PHYSICAL, cluster=cluster, name="Physical Health")
    personal = SubCluster.objects.create(
        code=PERSONAL, cluster=cluster, name="Personal Care Services"
    )
    for soc, (title, zone, education, state, central, openings) in OCCUPATIONS.items():
        SocCode.objects.create(code=soc, level="detailed", title=title)
        OnetOccupation.objects.create(
            code=f"{soc}.00", soc_code=soc, title=title, description=".", job_zone=zone
        )
        sub = personal if soc.startswith("39") else physical
        SubClusterOccupation.objects.create(subcluster=sub, soc_code=soc)
        for area, median, employment in [(STATE, state, 10000), (CENTRAL, central, 5000)]:
            if median:
                WageEstimate.objects.create(
                    area_id=area, soc_code=soc, oews_title=title, is_detailed=True,
                    employment=employment, median_annual=median,
                    median_hourly=Decimal(median) / 2080,
                )  # fmt: skip
        NationalProjection.objects.create(
            soc_code=soc, title=title, is_summary=False, change_percent=Decimal("3.1"),
            annual_openings=Decimal("100.0"), typical_education=education,
        )  # fmt: skip
        StateProjectionEstimate.objects.create(
            state_id="35", soc_code=soc, state_employment=10000, employment_share=Decimal("0.005"),
            annual_openings=openings, method="national openings x state share",
        )  # fmt: skip
    return cluster


@pytest.fixture
def nursing_program(health_cluster):  # type: ignore[no-untyped-def]
    program = ProgramOfStudy.objects.create(
        district=albuquerque(), title="Nursing Pathway", subcluster_id=PHYSICAL,
        status=ProgramOfStudy.Status.APPROVED,
    )  # fmt: skip
    for position, (code, title) in enumerate(
        [("HS101", "Health Science I"), ("HS201", "Clinical Practicum")], start=1
    ):
        course = Course.objects.create(state_code=code, title=title)
        ProgramCourse.objects.create(
            program=program, course=course, position=position, is_capstone=position == 2
        )
    program.credentials.add(Credential.objects.create(name="Certified Nursing Assistant"))
    return program
