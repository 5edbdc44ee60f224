"""The interest profiler's results over the real data: 25 matches of many, and all of them
without N+1 queries. The pages' behaviour on the tiny labour market is in test_pages.py."""

import re
from html import unescape

import pytest

from pathways.profiler.data import instrument

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]
SOCIAL_INVESTIGATIVE = "R=10&I=30&A=12&S=36&E=14&C=20"


def html_of(response) -> str:
    return response.content.decode()


def test_results_show_scores_chart_top_areas_and_matches(client, real_data):
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
    results = response.context["results"]
    assert len(results.rows) == 25 < len(results.matches)
    assert "High Social and Investigative" in html
    assert "correlation 0.80 or more" in html and "0.60" in html and "0.40" in html
    assert 'href="/occupations/' in html and 'href="/clusters/' in html
    assert "$" in html  # New Mexico wages
    assert "Used under the CC BY 4.0 license" in html  # O*NET attribution
    assert 'class="source-note"' in html
    assert "Show all" in html


def test_show_all_matches_without_n_plus_one(client, real_data, django_assert_max_num_queries):
    # One more than before: the data version that keys the (cached) BLS combined codes.
    with django_assert_max_num_queries(13):
        response = client.get(f"/interests/results/?{SOCIAL_INVESTIGATIVE}&all=1")
    results = response.context["results"]
    assert len(results.rows) == len(results.matches) > 100
    assert "Show all" not in html_of(response)


# Spanish


# The cluster survey


# Saving


SCORES = {"R": "10", "I": "30", "A": "12", "S": "36", "E": "14", "C": "20"}
