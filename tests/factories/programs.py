"""Programs of study. Each gets its own 2024-framework cluster and sub-cluster unless given one."""

import factory
from factory.django import DjangoModelFactory

from pathways.framework.models import Cluster, Framework, SubCluster
from pathways.programs.models import ProgramOfStudy

from .geography import albuquerque


class ClusterFactory(DjangoModelFactory[Cluster]):
    class Meta:
        model = Cluster
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"test-cluster-{n}")
    framework = Framework.MODERN
    name = factory.Sequence(lambda n: f"Test cluster {n}")


class SubClusterFactory(DjangoModelFactory[SubCluster]):
    class Meta:
        model = SubCluster
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"test-subcluster-{n}")
    cluster = factory.SubFactory(ClusterFactory)
    name = factory.Sequence(lambda n: f"Test sub-cluster {n}")


class ProgramOfStudyFactory(DjangoModelFactory[ProgramOfStudy]):
    class Meta:
        model = ProgramOfStudy

    district = factory.LazyFunction(albuquerque)
    title = factory.Sequence(lambda n: f"Program of study {n}")
    subcluster = factory.SubFactory(SubClusterFactory)
    status = ProgramOfStudy.Status.DRAFT
