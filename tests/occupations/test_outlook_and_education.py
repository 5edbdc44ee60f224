"""The derived bright-outlook flag and O*NET's education shares, on small tables."""

from decimal import Decimal

import pytest

from pathways.occupations import outlook
from pathways.occupations.models import NationalProjection, OnetEducation, OnetOccupation
from pathways.occupations.profile import _required_education

ALL = NationalProjection(
    soc_code="00-0000", title="Total", is_summary=True, change_percent=Decimal("3.1")
)


def projection(change: str | None, openings: str | None) -> NationalProjection:
    return NationalProjection(
        soc_code="29-1171",
        title="x",
        is_summary=False,
        change_percent=None if change is None else Decimal(change),
        annual_openings=None if openings is None else Decimal(openings),
    )


def test_the_growth_threshold_is_twice_the_all_occupations_rate():
    assert outlook.outlook_rule(ALL).growth_percent == Decimal("6.2")
    assert Decimal(10) == outlook.ANNUAL_OPENINGS_THOUSANDS  # 100,000 over ten years


@pytest.mark.parametrize(
    ("change", "openings", "bright"),
    [
        ("6.2", "1.0", True),  # grows much faster than average
        ("6.1", "9.9", False),
        ("-1.5", "10.0", True),  # 100,000 openings over 2024-34
        (None, None, False),
        ("40.1", None, True),
    ],
)
def test_an_occupation_is_bright_on_either_criterion(change, openings, bright):
    assert outlook.is_bright(projection(change, openings), outlook.outlook_rule(ALL)) is bright


def test_no_projection_is_never_bright():
    assert not outlook.is_bright(None, outlook.outlook_rule(ALL))
    assert not outlook.grows_much_faster(projection("50", None), outlook.OutlookRule(None))


@pytest.mark.django_db
def test_every_published_education_share_is_shown_and_flagged_ones_are_marked():
    OnetOccupation.objects.filter(code="29-1141.00").delete()  # real data, if loaded
    OnetEducation.objects.filter(onet_code="29-1141.00").delete()
    nurse = OnetOccupation.objects.create(
        code="29-1141.00", soc_code="29-1141", title="Registered Nurses", description="."
    )
    for category, percent, suppress in [
        (6, "55.92", True),
        (3, "22.50", False),
        (5, "19.39", False),
        (1, "0.00", False),
    ]:
        OnetEducation.objects.create(
            onet_code=nurse.code,
            scale="RL",
            category=category,
            category_label="",
            percent=Decimal(percent),
            recommend_suppress=suppress,
        )
    shares = _required_education(nurse)
    assert [(s.category, s.less_reliable) for s in shares] == [
        (6, True),
        (3, False),
        (5, False),
        (1, False),
    ]
    assert shares[0].label == "Bachelor's degree"
