"""Career clusters of both frameworks, their sub-clusters (legacy: pathways) and the
occupations and CIP programs placed in them."""

import factory
from factory.django import DjangoModelFactory

from pathways.framework.models import (
    Cluster,
    Framework,
    SubCluster,
    SubClusterOccupation,
    SubClusterProgram,
)


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


class SubClusterOccupationFactory(DjangoModelFactory[SubClusterOccupation]):
    """An SOC code placed in a sub-cluster; legacy placements name their O*NET-SOC code."""

    class Meta:
        model = SubClusterOccupation
        django_get_or_create = ("subcluster", "soc_code")

    subcluster = factory.SubFactory(SubClusterFactory)
    soc_code = "29-1141"
    onet_code = factory.LazyAttribute(
        lambda link: f"{link.soc_code}.00" if link.subcluster.cluster.framework == "legacy" else ""
    )


class SubClusterProgramFactory(DjangoModelFactory[SubClusterProgram]):
    class Meta:
        model = SubClusterProgram
        django_get_or_create = ("subcluster", "cip_code")

    subcluster = factory.SubFactory(SubClusterFactory)
    cip_code = "51.3801"
