"""Employers (approved unless told otherwise) and opportunity postings (published, open
for the next few months, posted by a district coordinator unless given a poster)."""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from pathways.accounts.models import Role
from pathways.opportunities.models import Application, EmployerProfile, Opportunity
from pathways.programs.models import WorkBasedLearning

from .accounts import DistrictCoordinatorFactory, StudentFactory, UserFactory
from .geography import albuquerque


class EmployerFactory(UserFactory):
    """An employer account with its profile; `status="pending"` makes one waiting for
    approval (inactive, as a sign-up leaves it)."""

    class Params:
        status = EmployerProfile.Status.APPROVED

    username = factory.Sequence(lambda n: f"employer{n}@example.org")
    role = Role.EMPLOYER
    is_active = factory.LazyAttribute(lambda user: user.status == EmployerProfile.Status.APPROVED)
    profile = factory.RelatedFactory(
        "tests.factories.opportunities.EmployerProfileFactory",
        factory_related_name="user",
        status=factory.SelfAttribute("..status"),
    )


class EmployerProfileFactory(DjangoModelFactory[EmployerProfile]):
    class Meta:
        model = EmployerProfile

    user = factory.SubFactory(EmployerFactory, profile=None)
    organization = factory.Sequence(lambda n: f"Mesa Works {n}")
    status = EmployerProfile.Status.APPROVED


def _in_days(days: int) -> object:
    return factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=days))


class OpportunityFactory(DjangoModelFactory[Opportunity]):
    class Meta:
        model = Opportunity

    kind = WorkBasedLearning.Kind.INTERNSHIP
    title = factory.Sequence(lambda n: f"Summer internship {n}")
    organization = "Rio Grande Clinic"
    description = "Work beside our nurses.\n\n- Wear closed shoes\n- Bring **lunch**"
    district = factory.LazyFunction(albuquerque)
    start_date = _in_days(30)
    end_date = _in_days(90)
    application_deadline = _in_days(20)
    hours_per_week = 20
    status = Opportunity.Status.PUBLISHED
    posted_by = factory.SubFactory(DistrictCoordinatorFactory)


class ApplicationFactory(DjangoModelFactory[Application]):
    class Meta:
        model = Application

    student = factory.SubFactory(StudentFactory)
    opportunity = factory.SubFactory(OpportunityFactory)
    message = "I would like to learn how a clinic runs; I am free every afternoon."
