import pytest

from pathways.occupations.models import SocCode
from pathways.saved import services
from pathways.saved.models import MAX_SAVED_OCCUPATIONS, SavedOccupation
from tests.factories.accounts import StudentFactory
from tests.factories.occupations import SocCodeFactory
from tests.factories.saved import SavedOccupationFactory

pytestmark = pytest.mark.django_db


def test_a_student_sees_only_their_own_saved_occupations(districts):
    mine = SavedOccupationFactory()
    SavedOccupationFactory()
    assert list(services.saved_occupations(mine.owner)) == [mine]


def test_saving_twice_keeps_one_row(districts):
    student = StudentFactory()
    nurse = SocCodeFactory(code="29-1141")
    assert services.save_occupation(student, nurse.code) is True
    assert services.save_occupation(student, nurse.code) is False
    assert SavedOccupation.objects.filter(owner=student).count() == 1


@pytest.mark.parametrize("code", ["29-1141.00", "nurse", "29-0000", "99-9999"])
def test_only_a_detailed_occupation_can_be_saved(districts, code):
    SocCodeFactory(code="29-0000", level=SocCode.Level.MAJOR)
    with pytest.raises(services.UnknownOccupation):
        services.save_occupation(StudentFactory(), code)


def test_the_list_is_bounded(districts):
    student = StudentFactory()
    codes = [SocCodeFactory(code=f"99-{n:04d}") for n in range(MAX_SAVED_OCCUPATIONS + 1)]
    SavedOccupation.objects.bulk_create(
        SavedOccupation(owner=student, occupation=soc) for soc in codes[:-1]
    )
    with pytest.raises(services.TooManySaved):
        services.save_occupation(student, codes[-1].code)


def test_removing_takes_it_off_the_list_only_for_its_owner(districts):
    saved = SavedOccupationFactory()
    other = StudentFactory()
    assert services.remove_occupation(other, saved.occupation_id) is False
    assert services.remove_occupation(saved.owner, saved.occupation_id) is True
    assert not services.saved_occupations(saved.owner).exists()
