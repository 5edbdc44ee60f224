"""Programs of study. Each gets its own 2024-framework cluster and sub-cluster unless given one."""

import factory
from factory.django import DjangoModelFactory

from pathways.programs.models import ProgramOfStudy

from .framework import ClusterFactory, SubClusterFactory
from .geography import albuquerque

__all__ = ["ClusterFactory", "ProgramOfStudyFactory", "SubClusterFactory"]


class ProgramOfStudyFactory(DjangoModelFactory[ProgramOfStudy]):
    class Meta:
        model = ProgramOfStudy

    district = factory.LazyFunction(albuquerque)
    title = factory.Sequence(lambda n: f"Program of study {n}")
    subcluster = factory.SubFactory(SubClusterFactory)
    status = ProgramOfStudy.Status.DRAFT
