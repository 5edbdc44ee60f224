"""Work-based learning placements and their hours.

placement = PlacementFactory()                     # a student of school "001" and their teacher
entry = HoursEntryFactory(placement=placement, hours=Decimal("3"))
"""

from datetime import date, timedelta
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from pathways.placements.models import HoursEntry, Placement

from .accounts import CounselorFactory, StudentFactory
from .students import school

YEAR = 2025
START = date(2024, 9, 2)


class PlacementFactory(DjangoModelFactory[Placement]):
    class Meta:
        model = Placement

    student = factory.SubFactory(StudentFactory, school=factory.LazyFunction(school))
    district = factory.LazyAttribute(lambda p: p.student.district)
    school = factory.LazyAttribute(lambda p: p.student.school)
    kind = "internship"
    organization = "Presbyterian Hospital"
    supervisor_name = "Rosa Chavez"
    supervisor_email = "rosa.chavez@example.org"
    start_date = START
    end_date = date(2025, 5, 23)
    school_year = YEAR
    teacher = factory.SubFactory(
        CounselorFactory,
        district=factory.SelfAttribute("..student.district"),
        school=factory.SelfAttribute("..student.school"),
    )


class HoursEntryFactory(DjangoModelFactory[HoursEntry]):
    class Meta:
        model = HoursEntry

    placement = factory.SubFactory(PlacementFactory)
    date = factory.Sequence(lambda n: START + timedelta(days=n))
    hours = Decimal("3")
    activity = "Restocked supplies and shadowed the charge nurse"
