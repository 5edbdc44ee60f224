"""Users of each role. District staff and students default to Albuquerque.

Passwords: by default none can be used (hashing is slow, and `client.force_login(user)`
needs none); pass one to sign in through the form: `CounselorFactory(password=PASSWORD)`.
"""

import factory
from factory.django import DjangoModelFactory, Password

from pathways.accounts.models import Role, User

from .geography import albuquerque

PASSWORD = "Pinon-Mesa-2024!"


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = "Ana"
    last_name = factory.Sequence(lambda n: f"Tester{n}")
    password = Password(None)
    role = Role.STUDENT
    district = factory.LazyFunction(albuquerque)


class StudentFactory(UserFactory):
    username = factory.Sequence(lambda n: f"student{n}")
    role = Role.STUDENT


class CounselorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"counselor{n}")
    role = Role.COUNSELOR


class DistrictCoordinatorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"coordinator{n}")
    role = Role.DISTRICT_COORDINATOR


class StateAdminFactory(UserFactory):
    """A state administrator: every power comes from the role, none from is_superuser."""

    username = factory.Sequence(lambda n: f"stateadmin{n}")
    role = Role.STATE_ADMIN
    district = None
