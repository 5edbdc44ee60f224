"""Saved occupations of a student account."""

import factory
from factory.django import DjangoModelFactory

from pathways.saved.models import SavedOccupation

from .accounts import StudentFactory
from .occupations import SocCodeFactory


class SavedOccupationFactory(DjangoModelFactory[SavedOccupation]):
    class Meta:
        model = SavedOccupation

    owner = factory.SubFactory(StudentFactory)
    occupation = factory.SubFactory(SocCodeFactory)
