"""Class codes of a school (issue #17)."""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from pathways.accounts.class_codes import new_code
from pathways.accounts.models import ClassCode
from pathways.core.school_years import current_school_year

from .students import school


class ClassCodeFactory(DjangoModelFactory[ClassCode]):
    class Meta:
        model = ClassCode

    code = factory.LazyFunction(new_code)
    school = factory.LazyFunction(school)
    district = factory.LazyAttribute(lambda c: c.school.district)
    school_year = factory.LazyFunction(current_school_year)
    grade = 9
    expires_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    max_uses = 30
