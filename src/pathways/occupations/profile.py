"""Everything the occupation profile page and `GET /api/v1/occupations/{soc}` show.
Its wage table (per-area estimates, area names, the CSV download) is in `profile_wages`."""

from dataclasses import dataclass, field
from decimal import Decimal

from pathways.framework.models import Framework, SubClusterOccupation
from pathways.framework.names import local_name
from pathways.geography.models import OewsArea, State
from pathways.occupations import spanish
from pathways.occupations.combined import (
    CombinedCode,
    combined_codes,
    member_map,
    oews_code_for,
    projection_code_for,
)
from pathways.occupations.labels import (
    JOB_TRAINING,
    JOB_ZONE_NAMES,
    REQUIRED_EDUCATION,
    RIASEC_NAMES,
    TYPICAL_EDUCATION,
    WORK_EXPERIENCE,
    label,
)
from pathways.occupations.models import (
    RIASEC,
    CipCode,
    CipSocLink,
    JobZone,
    NationalProjection,
    OnetEducation,
    OnetOccupation,
    OnetRelated,
    OnetTask,
    SocCode,
    StateProjectionEstimate,
    WageEstimate,
)
from pathways.occupations.profile_wages import area_wages

RIASEC_FIELDS = dict(
    zip(
        RIASEC,
        ["realistic", "investigative", "artistic", "social", "enterprising", "conventional"],
        strict=True,
    )
)
TASKS_SHOWN = 8
RELATED_SHOWN = 10


@dataclass(frozen=True)
class ClusterPlacement:
    framework: str
    cluster_code: str
    cluster_name: str
    subcluster_code: str
    subcluster_name: str

    # The names above are as published (the API serves them); pages show these.
    @property
    def cluster_local_name(self) -> str:
        return local_name(self.cluster_code, self.cluster_name)

    @property
    def subcluster_local_name(self) -> str:
        return local_name(self.subcluster_code, self.subcluster_name)


@dataclass(frozen=True)
class EducationShare:
    category: int
    percent: Decimal
    # O*NET flags the share "Recommend Suppress" (too few respondents or a large error).
    less_reliable: bool = False

    @property
    def label(self) -> str:
        return str(REQUIRED_EDUCATION.get(self.category, self.category))


@dataclass(frozen=True)
class Program:
    cip: str
    title: str


@dataclass(frozen=True)
class Related:
    soc: str
    title: str


@dataclass(frozen=True)
class Interest:
    """One RIASEC interest: O*NET's 1-7 rating, and its place among the high points."""

    letter: str
    score: Decimal | None
    high_point: int | None  # 1, 2 or 3 for the first to third high point

    @property
    def name(self) -> str:
        return str(RIASEC_NAMES[self.letter])


@dataclass
class OccupationProfile:
    soc: SocCode
    onet: OnetOccupation | None
    job_zone: JobZone | None
    riasec: dict[str, Decimal | None]
    wages: list[WageEstimate]
    # True when wages are for OEWS's merged code (e.g. 13-1020 for 13-1021).
    wages_merged_code: str
    national_projection: NationalProjection | None
    state_projection: StateProjectionEstimate | None
    state: State | None
    clusters: dict[str, list[ClusterPlacement]]
    required_education: list[EducationShare] = field(default_factory=list)
    # O*NET task id -> statement, most important first.
    tasks: dict[int, str] = field(default_factory=dict)
    related: list[Related] = field(default_factory=list)
    programs: list[Program] = field(default_factory=list)
    specialties: list[OnetOccupation] = field(default_factory=list)
    # With `wages_merged_code`: the other detailed occupations OEWS publishes with this one.
    merged_with: list[Related] = field(default_factory=list)
    # The projections' combined code when the national projection is for it, else "".
    projection_combined_code: str = ""
    # Set when this page is a BLS combined code itself (25-9045): what it covers.
    combined: CombinedCode | None = None
    members: list[Related] = field(default_factory=list)
    member_onet: list[OnetOccupation] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.combined.title if self.combined else self.soc.title

    @property
    def description(self) -> str:
        return self.onet.description if self.onet else self.soc.definition

    @property
    def title_es(self) -> str:
        """The project's Spanish title, or "" where there is none."""
        return spanish.title_es(self.soc.code)

    @property
    def description_es(self) -> str:
        """The project's Spanish O*NET description, or "" (none for SOC definitions)."""
        return spanish.description_es(self.soc.code) if self.onet else ""

    @property
    def local_title(self) -> str:
        return spanish.local_title(self.soc.code, self.title)

    @property
    def local_description(self) -> str:
        """The description in the page's language (English where no Spanish is written)."""
        return (
            (self.description_es or self.description) if spanish.is_spanish() else self.description
        )

    @property
    def local_tasks(self) -> list[tuple[str, bool]]:
        """Tasks in the page's language, each with True when it is in Spanish."""
        return spanish.local_tasks(self.onet.code, self.tasks) if self.onet else []

    @property
    def state_wage(self) -> WageEstimate | None:
        """The statewide estimate (New Mexico), if OEWS published one."""
        return next((w for w in self.wages if w.area.area_type == OewsArea.AreaType.STATE), None)

    @property
    def national_wage(self) -> WageEstimate | None:
        return next((w for w in self.wages if w.area.area_type == OewsArea.AreaType.NATIONAL), None)

    @property
    def has_hourly_wages(self) -> bool:
        """False when BLS publishes only annual wages (teachers, for example)."""
        return any(_published(w, "hourly") for w in self.wages)

    @property
    def has_annual_wages(self) -> bool:
        """False when BLS publishes only hourly wages (actors, for example)."""
        return any(_published(w, "annual") for w in self.wages)

    @property
    def interests(self) -> list[Interest]:
        code = self.onet.holland_code if self.onet else ""
        return [
            Interest(letter, score, code.index(letter) + 1 if letter in code else None)
            for letter, score in self.riasec.items()
        ]

    @property
    def holland_code(self) -> str:
        return self.onet.holland_code if self.onet else ""

    @property
    def job_zone_name(self) -> str:
        """O*NET's name for the Job Zone, in Spanish "Zona de trabajo 3: ..." on Spanish pages."""
        if self.job_zone is None:
            return ""
        english = str(JOB_ZONE_NAMES.get(self.job_zone.number, ""))
        return spanish.local_job_zone(self.job_zone.number, english)

    @property
    def typical_education(self) -> str:
        projection = self.national_projection
        return label(TYPICAL_EDUCATION, projection.typical_education) if projection else ""

    @property
    def work_experience(self) -> str:
        projection = self.national_projection
        return label(WORK_EXPERIENCE, projection.work_experience) if projection else ""

    @property
    def job_training(self) -> str:
        projection = self.national_projection
        return label(JOB_TRAINING, projection.job_training) if projection else ""


def _published(estimate: WageEstimate, unit: str) -> bool:
    columns = [c for c in WageEstimate.WAGE_COLUMNS if c.endswith(unit)]
    return any(getattr(estimate, c) is not None or c in estimate.top_coded for c in columns)


def occupation_profile(soc: str) -> OccupationProfile | None:
    """None when the code is neither an SOC 2018 code nor a BLS combined code."""
    codes = combined_codes()
    combined = codes.get(soc)
    code = SocCode.objects.filter(code=soc).first()
    if code is None and combined is None:
        return None
    if code is None:  # a code of BLS's own (25-9045): SOC 2018 has no row for it
        code = SocCode(
            code=soc, level=SocCode.Level.DETAILED, title=combined.title if combined else ""
        )
    onet = OnetOccupation.objects.filter(code=f"{soc}.00").first()
    members = member_map(codes)
    wages, merged = area_wages(soc, members)
    projection_code = projection_code_for(soc, members) or soc
    covered = list(combined.members) if combined else []
    return OccupationProfile(
        soc=code,
        onet=onet,
        job_zone=JobZone.objects.filter(number=onet.job_zone).first()
        if onet and onet.job_zone
        else None,
        riasec={
            letter: getattr(onet, name) if onet else None for letter, name in RIASEC_FIELDS.items()
        },
        wages=wages,
        wages_merged_code=merged,
        national_projection=_projection(soc, projection_code),
        state_projection=StateProjectionEstimate.objects.filter(soc_code=projection_code).first()
        or StateProjectionEstimate.objects.filter(soc_code=soc).first(),
        projection_combined_code=projection_code if projection_code != soc else "",
        state=State.objects.first(),
        clusters=clusters_of(soc, extra=covered, members=members),
        required_education=_required_education(onet),
        tasks=dict(
            OnetTask.objects.filter(onet_code=onet.code, is_core=True).values_list(
                "task_id", "statement"
            )[:TASKS_SHOWN]
        )
        if onet
        else {},
        related=_related(onet),
        programs=_programs([soc, *covered]),
        specialties=list(OnetOccupation.objects.filter(soc_code=soc).exclude(code=f"{soc}.00")),
        merged_with=_merged_with(soc, codes[merged]) if merged in codes else [],
        combined=combined,
        members=_titled(covered),
        member_onet=list(OnetOccupation.objects.filter(soc_code__in=covered).order_by("code"))
        if covered
        else [],
    )


def _projection(soc: str, projection_code: str) -> NationalProjection | None:
    """The occupation's own projection, else that of the projections' combined code."""
    found = {
        p.soc_code: p
        for p in NationalProjection.objects.filter(soc_code__in={soc, projection_code})
    }
    return found.get(soc) or found.get(projection_code)


def _titled(socs: list[str]) -> list[Related]:
    titles = dict(SocCode.objects.filter(code__in=socs).values_list("code", "title"))
    return [Related(s, titles.get(s, s)) for s in socs]


def _merged_with(soc: str, combined: CombinedCode) -> list[Related]:
    """The other detailed occupations under the OEWS combined code (13-1020: 13-1022, 13-1023)."""
    return _titled([s for s in combined.members if s != soc])


def clusters_of(
    soc: str,
    extra: list[str] | None = None,
    members: dict[str, list[CombinedCode]] | None = None,
) -> dict[str, list[ClusterPlacement]]:
    """The occupation's clusters in both frameworks: {"2024": [...], "legacy": [...]}.

    Advance CTE places some occupations under OEWS's combined code, so that code counts too;
    a combined code's page passes its members as `extra`, so it has their clusters."""
    placements: dict[str, list[ClusterPlacement]] = {Framework.MODERN: [], Framework.LEGACY: []}
    members = member_map() if members is None else members
    codes = {soc, *(extra or [])}
    codes |= {code for each in list(codes) if (code := oews_code_for(each, members))}
    links = (
        SubClusterOccupation.objects.filter(soc_code__in=codes)
        .select_related("subcluster__cluster")
        .order_by("subcluster__cluster__name", "subcluster__name")
    )
    seen = set()
    for link in links:
        sub = link.subcluster
        if sub.code in seen:
            continue
        seen.add(sub.code)
        placements[sub.cluster.framework].append(
            ClusterPlacement(
                sub.cluster.framework, sub.cluster_id, sub.cluster.name, sub.code, sub.name
            )
        )
    return placements


def _required_education(onet: OnetOccupation | None) -> list[EducationShare]:
    """Every category O*NET publishes, largest first; flagged shares are marked, not hidden."""
    if onet is None:
        return []
    shares = OnetEducation.objects.filter(
        onet_code=onet.code, scale=OnetEducation.Scale.REQUIRED_EDUCATION
    ).order_by("-percent", "category")
    return [EducationShare(s.category, s.percent, s.recommend_suppress) for s in shares]


def _related(onet: OnetOccupation | None) -> list[Related]:
    if onet is None:
        return []
    codes = list(
        OnetRelated.objects.filter(onet_code=onet.code)
        .order_by("rank")
        .values_list("related_code", flat=True)
    )
    socs: list[str] = []
    for code in codes:
        if code[:7] != onet.soc_code and code[:7] not in socs:
            socs.append(code[:7])
    titles = dict(SocCode.objects.filter(code__in=socs).values_list("code", "title"))
    return [Related(s, titles[s]) for s in socs if s in titles][:RELATED_SHOWN]


def _programs(socs: list[str]) -> list[Program]:
    cips = CipSocLink.objects.filter(soc_code__in=socs).values_list("cip_code", flat=True)
    return [
        Program(c.code, c.title) for c in CipCode.objects.filter(code__in=cips).order_by("code")
    ]
