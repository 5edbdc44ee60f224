"""The public program list's filters: district, workforce region and career cluster."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pathways.framework.models import Cluster, Framework
from pathways.framework.names import name_key
from pathways.geography.models import District, WorkforceRegion

from .forms import GroupedModelChoiceIterator


class RegionField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.local_name)


class ClusterField(forms.ModelChoiceField):
    """A cluster of either framework, named in the page's language."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.local_name)

    @staticmethod
    def sort_key(obj: Cluster) -> tuple[str, str]:
        return obj.framework, name_key(obj.local_name)


class ProgramFilterForm(forms.Form):
    district = forms.ModelChoiceField(
        queryset=District.objects.order_by("name"),
        required=False,
        label=_("School district"),
        empty_label=_("All districts"),
    )
    region = RegionField(
        queryset=WorkforceRegion.objects.order_by("name"),
        required=False,
        label=_("Workforce region"),
        empty_label=_("All regions"),
    )
    cluster = ClusterField(
        queryset=Cluster.objects.order_by("framework", "name"),
        required=False,
        label=_("Career cluster"),
        empty_label=_("All clusters"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cluster = self.fields["cluster"]
        assert isinstance(cluster, forms.ModelChoiceField)
        cluster.iterator = GroupedModelChoiceIterator
        cluster.group_by = _framework_label  # type: ignore[attr-defined]
        cluster.widget.choices = cluster.choices


def _framework_label(cluster: Cluster) -> str:
    return str(Framework(cluster.framework).label)
