"""The /interests/ pages on the tiny labour market: questionnaires, results, saving, the
cluster survey, Spanish. Full match lists over the real data are in test_pages_mirror.py."""

import re
from html import unescape

import pytest
from django.urls import reverse

from pathways.accounts.models import Role, User
from pathways.geography.models import District
from pathways.profiler.data import instrument
from pathways.profiler.models import SavedProfile
from tests.html import visible_text

pytestmark = pytest.mark.django_db
SOCIAL_INVESTIGATIVE = "R=10&I=30&A=12&S=36&E=14&C=20"


def html_of(response) -> str:
    return response.content.decode()


def short_answers(values: dict[str, int]) -> dict[str, str]:
    """Form data for the 30-item version: each item answered with its area's value."""
    return {i.id: str(values[i.area]) for i in instrument().questionnaire(short=True)}


def make_user(username: str, role: str = Role.STUDENT) -> User:
    district = District.objects.first()
    return User.objects.create_user(
        username=username, password="a-long-test-password", role=role, district=district
    )


def test_intro_offers_both_versions_and_the_survey(client, labour_market):
    html = html_of(client.get("/interests/"))
    assert 'href="/interests/questions/short/"' in html
    assert 'href="/interests/questions/"' in html
    assert 'href="/interests/clusters/"' in html
    assert "On a phone?" in html
    assert "No account needed" in html
    assert '<dt>Social <span class="area-code">(S, ' in html  # each area by its name


@pytest.mark.parametrize(
    ("path", "count"), [("/interests/questions/", 60), ("/interests/questions/short/", 30)]
)
def test_questionnaire_has_a_fieldset_and_legend_per_item(client, labour_market, path, count):
    response = client.get(path)
    assert response.status_code == 200
    html = html_of(response)
    assert html.count("<fieldset") == count
    assert html.count("<legend>") == count
    assert html.count('type="radio"') == count * 5
    assert html.count('<label class="scale-choice">') == count * 5
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html


def test_short_questionnaire_says_how_it_is_scaled(client, labour_market):
    html = html_of(client.get("/interests/questions/short/"))
    assert "doubles each area" in html


def test_completing_the_short_version_goes_to_results_with_the_scores(client, labour_market):
    answers = short_answers({"R": 1, "I": 3, "A": 0, "S": 4, "E": 2, "C": 2})
    response = client.post("/interests/questions/short/", answers)
    assert response.status_code == 303
    assert response["Location"] == "/interests/results/?R=10&I=30&A=0&S=40&E=20&C=20&form=short"


def test_completing_the_full_version(client, labour_market):
    answers = {i.id: "3" for i in instrument().questionnaire()}
    answers["R1"] = "0"
    response = client.post("/interests/questions/", answers)
    assert response["Location"] == "/interests/results/?R=27&I=30&A=30&S=30&E=30&C=30"


def test_an_incomplete_form_comes_back_with_the_missing_items_named(client, labour_market):
    answers = short_answers({"R": 1, "I": 3, "A": 0, "S": 4, "E": 2, "C": 2})
    del answers["S3"], answers["C1"]
    answers["E1"] = "9"  # not on the scale: treated as unanswered
    response = client.post("/interests/questions/short/", answers)
    assert response.status_code == 400
    html = html_of(response)
    assert 'role="alert"' in html
    assert "3 questions have no answer yet" in html
    for item_id in ("S3", "C1", "E1"):
        assert f'href="#item-{item_id}"' in html
        assert f'aria-describedby="error-{item_id}"' in html
    # What was answered stays checked.
    assert html.count(" checked>") == 27


def test_results_show_scores_chart_top_areas_and_matches(client, labour_market):
    response = client.get(f"/interests/results/?{SOCIAL_INVESTIGATIVE}")
    assert response.status_code == 200
    html = html_of(response)
    assert '<svg class="score-chart"' in html and 'role="img"' in html
    assert '<td class="num">36</td>' in html
    top = re.search(r'<ol class="top-areas">(.*?)</ol>', html, re.S).group(1)
    assert [m for m in re.findall(r"<strong>(\w+)</strong>", top)] == [
        "Social",
        "Investigative",
        "Conventional",
    ]
    assert instrument().areas["S"].explanation.en in unescape(top)
    words = visible_text(html)
    assert "6 matching occupations, best first" in words
    # Best first, each with the fixture's New Mexico wage and openings estimate.
    assert (
        "Registered Nurses High Social and Investigative Best (0.88) 3 $88,400 1,008 "
        "2024: Healthcare & Human Services Legacy: Health Science" in words
    )
    assert "Nurse Practitioners High Social and Investigative Great (0.72) 5 $131,040 196" in words
    assert "Cardiologists High Social and Investigative Great (0.67) 5 ≥ $239,200 5" in words
    assert "Teaching Assistants, Special Education High Social Good (0.48) 3 $33,280 —" in words
    assert "correlation 0.80 or more" in html and "0.60" in html and "0.40" in html
    assert 'href="/occupations/29-1141/"' in html and 'href="/clusters/health-science/"' in html
    assert "Used under the CC BY 4.0 license" in html  # O*NET attribution
    assert "Occupational Employment and Wage Statistics, May 2025" in words
    assert 'class="source-note"' in html
    assert "Show all" not in html  # fewer than 25 matches


def test_matches_name_their_clusters_in_both_frameworks(client, labour_market):
    # A profile shaped exactly like registered nurses' ratings.
    response = client.get("/interests/results/?R=18&I=24&A=7&S=28&E=11&C=23&zone=3")
    results = response.context["results"]
    assert {m.job_zone for m in results.matches} == {3}
    row = results.rows[0]
    assert row.clusters_2024 and row.clusters_legacy
    html = html_of(response)
    assert "2024 framework" in html and "Legacy framework" in html
    assert 'option value="3" selected' in html


def test_job_zone_filter_keeps_the_scores(client, labour_market):
    response = client.get(f"/interests/results/?{SOCIAL_INVESTIGATIVE}&zone=5")
    html = html_of(response)
    assert {m.job_zone for m in response.context["results"].matches} == {5}
    for name, value in (("R", 10), ("S", 36), ("C", 20)):
        assert f'name="{name}" value="{value}"' in html


def test_a_flat_profile_is_explained_and_gets_no_matches(client, labour_market):
    response = client.get("/interests/results/?R=20&I=20&A=20&S=20&E=20&C=20")
    assert response.status_code == 200
    html = html_of(response)
    assert "No area stands out yet" in html
    assert "All six of your scores are the same" in html
    assert '<table class="figures matches"' not in html
    assert "Your top three areas</h2>" not in html
    assert "top three areas are in dark red" not in html
    assert response.context["results"].matches == []


def test_a_short_version_result_says_it_was_scaled(client, labour_market):
    html = html_of(client.get(f"/interests/results/?{SOCIAL_INVESTIGATIVE}&form=short"))
    assert "short version (30 questions, 5 per area)" in html
    assert "doubled" in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "R=10",
        "R=41&I=1&A=1&S=1&E=1&C=1",
        "R=x&I=1&A=1&S=1&E=1&C=1",
        f"{SOCIAL_INVESTIGATIVE}&zone=6",
        f"{SOCIAL_INVESTIGATIVE}&zone=a",
        "R=-1&I=1&A=1&S=1&E=1&C=1",
    ],
)
def test_a_broken_results_link_is_a_clear_400(client, labour_market, query):
    response = client.get(f"/interests/results/?{query}")
    assert response.status_code == 400
    assert "Results link not understood" in html_of(response)


def test_the_share_link_carries_scores_not_identity(client, labour_market):
    student = make_user("ana")
    client.force_login(student)
    html = html_of(client.get(f"/interests/results/?{SOCIAL_INVESTIGATIVE}&zone=4"))
    link = re.search(r'id="share-link"[^>]*value="([^"]+)"', html).group(1)
    assert unescape(link) == f"http://testserver/interests/results/?{SOCIAL_INVESTIGATIVE}&zone=4"
    assert "ana" not in link
    assert "Save to my account" in html


def test_print_styles_hide_the_controls(client, labour_market):
    html = html_of(client.get(f"/interests/results/?{SOCIAL_INVESTIGATIVE}"))
    assert 'class="zone-filter no-print"' in html
    assert 'class="keep no-print"' in html
    assert 'class="print-button" hidden' in html


# Spanish


def test_spanish_questionnaire_shows_the_spanish_items_and_scale(client, labour_market):
    html = html_of(client.get("/es/interests/questions/short/"))
    assert '<html lang="es">' in html
    for item in instrument().questionnaire(short=True):
        assert item.text.es in unescape(html)
        assert item.text.en not in unescape(html)
    assert "Me gusta mucho" in html and "Me disgusta mucho" in html
    assert "Strongly like" not in html


def test_spanish_results_show_spanish_areas_and_clusters(client, labour_market):
    response = client.get("/es/interests/results/?R=18&I=24&A=7&S=28&E=11&C=23")
    html = unescape(html_of(response))
    assert '<html lang="es">' in html
    assert instrument().areas["S"].explanation.es in html
    assert instrument().areas["I"].explanation.es in html
    assert "Investigador" in html and "Convencional" in html
    assert "Salud y Servicios Humanos" in html
    # Legacy clusters have Spanish names too (framework/names_es.toml).
    assert "Ciencias de la Salud" in html
    assert not re.search(r'<a href="/es/clusters/[\w-]+/" lang="en">', html)
    assert re.search(r'lang="en">This \w+ includes information from the O\*NET', html)


def test_spanish_why_text_uses_spanish_area_names(client, labour_market):
    from django.utils import translation

    from pathways.profiler.results import join_names

    with translation.override("es"):
        assert join_names(["Social", "Investigador"]).endswith("Investigador")
        assert "Social" in join_names(["Social", "Investigador"])


def test_spanish_survey(client, labour_market):
    html = unescape(html_of(client.get("/es/interests/clusters/")))
    assert "Programar un robot para que arme piezas." in html
    assert "Matemáticas" in html
    html = unescape(html_of(client.get("/es/interests/clusters/results/?item=sub-math")))
    assert "Servicios Financieros" in html and "Construcción" in html


# The cluster survey


def test_survey_has_checkbox_groups(client, labour_market):
    html = html_of(client.get("/interests/clusters/"))
    assert html.count("<fieldset") == 3
    assert html.count("<legend>") == 3
    assert html.count('type="checkbox"') == len(instrument().survey)
    assert 'method="get"' in html


def test_survey_ranks_clusters_by_count(client, labour_market):
    items = [
        "act-vitals",
        "act-clinic",
        "q-caring",
        "sub-biology",
        "act-tutor",
        "sub-math",
        "not-an-item",
    ]
    response = client.get("/interests/clusters/results/?" + "&".join(f"item={i}" for i in items))
    ranked = response.context["ranked"]
    assert [(c.code, c.count, c.rank) for c in ranked] == [
        ("healthcare-human-services", 4, 1),
        ("education", 2, 2),
        ("agriculture", 1, 3),
        ("construction", 1, 3),
        ("financial-services", 1, 3),
    ]
    html = html_of(response)
    assert 'href="/clusters/healthcare-human-services/"' in html
    assert "4 of 7 checks" in html
    assert "Rank 1:" in html and "Rank 3 (tie):" in html
    ranking = html[html.index('<ol class="cluster-ranking">') :]
    assert "not-an-item" not in ranking
    assert html.index("Healthcare &amp; Human Services") < html.index("Education")


def test_survey_with_nothing_checked(client, labour_market):
    html = html_of(client.get("/interests/clusters/results/"))
    assert "You did not check anything" in html


def test_survey_answers_can_be_changed(client, labour_market):
    html = html_of(client.get("/interests/clusters/?item=act-robot&item=q-hands"))
    assert html.count(" checked>") == 2


# Saving


def save(client, query: dict[str, str]):
    return client.post(reverse("profiler:save"), query)


SCORES = {"R": "10", "I": "30", "A": "12", "S": "36", "E": "14", "C": "20"}


def test_a_student_saves_and_lists_results(client, labour_market):
    student = make_user("student-a")
    client.force_login(student)
    response = save(client, {**SCORES, "zone": "3", "form": "short"})
    assert response.status_code == 303
    assert response["Location"] == "/interests/saved/"
    saved = SavedProfile.objects.get(user=student)
    assert (saved.social, saved.investigative, saved.job_zone, saved.short_form) == (
        36,
        30,
        3,
        True,
    )
    html = unescape(html_of(client.get("/interests/saved/")))
    assert "Your results are saved." in html
    assert f"/interests/results/?{SOCIAL_INVESTIGATIVE}&form=short&zone=3" in html
    assert "SIC" in html


def test_nobody_else_sees_or_deletes_a_students_saved_results(client, labour_market):
    owner = make_user("owner")
    other = make_user("other-student")
    counselor = make_user("counselor", role=Role.COUNSELOR)
    entry = SavedProfile.objects.create(
        user=owner,
        realistic=1,
        investigative=2,
        artistic=3,
        social=4,
        enterprising=5,
        conventional=40,
    )
    for intruder in (other, counselor):
        client.force_login(intruder)
        html = html_of(client.get("/interests/saved/"))
        assert "C=40" not in html
        assert client.post(f"/interests/saved/{entry.pk}/delete/").status_code == 404
    client.logout()
    response = client.get("/interests/saved/")
    assert response.status_code in (302, 403)
    assert "C=40" not in html_of(response)
    assert client.post(f"/interests/saved/{entry.pk}/delete/").status_code == 404
    assert SavedProfile.objects.filter(pk=entry.pk).exists()
    client.force_login(owner)
    assert "C=40" in html_of(client.get("/interests/saved/"))
    assert client.post(f"/interests/saved/{entry.pk}/delete/").status_code == 303
    assert not SavedProfile.objects.filter(pk=entry.pk).exists()


def test_only_students_can_save(client, labour_market):
    client.force_login(make_user("a-counselor", role=Role.COUNSELOR))
    assert save(client, SCORES).status_code == 403
    html = html_of(client.get(f"/interests/results/?{SOCIAL_INVESTIGATIVE}"))
    assert "Save to my account" not in html
    client.logout()
    response = save(client, SCORES)
    assert response.status_code in (302, 403)
    assert not SavedProfile.objects.exists()


def test_saving_refuses_bad_scores(client, labour_market):
    client.force_login(make_user("student-b"))
    assert save(client, {**SCORES, "R": "99"}).status_code == 400
    assert save(client, {**SCORES, "zone": "0"}).status_code == 400
    assert not SavedProfile.objects.exists()


def test_saving_needs_a_post(client, labour_market):
    client.force_login(make_user("student-c"))
    assert client.get(reverse("profiler:save")).status_code == 405
