"""factory_boy factories shared by the test suite (tests need `django_db`).

    from tests.factories import CounselorFactory, ProgramOfStudyFactory, alamogordo
    program = ProgramOfStudyFactory(status="approved", district=alamogordo())

Districts are real rows from the state profile, loaded on first use.
"""

from .accounts import (
    PASSWORD,
    CounselorFactory,
    DistrictCoordinatorFactory,
    StateAdminFactory,
    StudentFactory,
    UserFactory,
)
from .geography import (
    ALAMOGORDO,
    ALBUQUERQUE,
    alamogordo,
    albuquerque,
    district,
    load_state_profile,
)
from .opportunities import (
    ApplicationFactory,
    EmployerFactory,
    EmployerProfileFactory,
    OpportunityFactory,
)
from .programs import ClusterFactory, ProgramOfStudyFactory, SubClusterFactory

__all__ = [
    "ALAMOGORDO",
    "ALBUQUERQUE",
    "PASSWORD",
    "ApplicationFactory",
    "ClusterFactory",
    "CounselorFactory",
    "DistrictCoordinatorFactory",
    "EmployerFactory",
    "EmployerProfileFactory",
    "OpportunityFactory",
    "ProgramOfStudyFactory",
    "StateAdminFactory",
    "StudentFactory",
    "SubClusterFactory",
    "UserFactory",
    "alamogordo",
    "albuquerque",
    "district",
    "load_state_profile",
]
