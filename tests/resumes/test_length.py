from pathways.resumes.services import ONE_PAGE_WORDS, length_check


def test_a_short_resume_fits_on_one_page():
    check = length_check({"basics": {"name": "Ana García"}, "work": [{"name": "Taos Diner"}]})
    assert check.words == 4
    assert not check.too_long


def test_a_long_resume_is_flagged_and_meta_is_not_counted():
    words = " ".join(["word"] * (ONE_PAGE_WORDS + 1))
    assert length_check({"basics": {"summary": words}}).too_long
    assert not length_check({"meta": {"note": words}}).too_long


def test_long_bullet_points_are_counted():
    bullet = " ".join(["did"] * 31)
    check = length_check({"work": [{"highlights": [bullet, "Served customers"]}]})
    assert check.long_bullets == 1
