"""Live figures read the site's own services and cite their sources."""

from django.utils import translation

from pathways.analyses.rendering import render_body
from pathways.datasets.registry import get_source
from tests.factories.geography import ALBUQUERQUE_METRO, EASTERN_NONMETRO
from tests.fixtures.labour_market import RN


def test_median_wage_shows_the_areas_figure_with_its_source(labour_market):
    rendered = render_body('Nurses earn {{ median-wage soc=29-1141 area="Albuquerque" }} a year.')
    assert f"${RN.medians[ALBUQUERQUE_METRO]:,}" in rendered.html  # $91,520
    (figure,) = rendered.figures
    assert figure.label == "Median annual wage, Registered Nurses, Albuquerque, NM"
    assert figure.sources == ("oews",)  # cited in the page's list of figures
    assert 'href="#figure-list-1"' in rendered.html  # the inline value links to its note


def test_median_wage_where_bls_has_none_says_statewide_stands_in(labour_market):
    rendered = render_body("{{ median-wage soc=47-2111 region=eastern }}")
    assert "$58,240" in rendered.html  # the statewide median, not an Eastern one
    assert "statewide figure is shown" in rendered.html


def test_top_openings_is_an_accessible_table_of_the_regions_occupations(labour_market):
    rendered = render_body("Openings:\n\n{{ top-openings region=eastern n=2 }}\n\nEnd.")
    html = str(rendered.html)
    caption = "The 2 occupations with the most estimated annual openings, Eastern"
    assert f"<caption>{caption}</caption>" in html
    assert html.count('<th scope="row">') == 2
    assert "Registered Nurses" in html and "Cooks, Restaurant" in html
    assert "Electricians" not in html  # no Eastern estimate: not ranked there
    assert get_source("state_projections").local_citation in html
    assert "<p><figure" not in html  # a block, not inside a paragraph


def test_openings_figure_matches_the_region_page(labour_market, client):
    rendered = render_body("{{ openings soc=29-1141 region=eastern }}")
    (figure,) = rendered.figures
    page = client.get("/regions/eastern/").content.decode()
    assert f"{figure.value:,}" in page  # the same estimate the region's table shows
    assert figure.value < 190  # scaled down from the state to the region


def test_figures_follow_the_page_language(labour_market):
    with translation.override("es"):
        rendered = render_body("{{ top-openings region=eastern n=1 }}")
    assert "Este" in rendered.figures[0].label


def test_a_figure_that_no_longer_computes_shows_a_notice_not_an_error(labour_market):
    from pathways.occupations.models import WageEstimate

    WageEstimate.objects.filter(soc_code="35-2014").delete()
    rendered = render_body("Cooks earn {{ median-wage soc=35-2014 area=3500007 }}.")
    assert "not available with the data loaded now" in rendered.html
    assert rendered.problems


def test_same_shortcode_twice_is_one_figure(labour_market):
    rendered = render_body(
        f"{{{{ median-wage soc=29-1141 area={EASTERN_NONMETRO} }}}} and "
        f"{{{{median-wage soc=29-1141 area={EASTERN_NONMETRO}}}}}"
    )
    assert len(rendered.figures) == 1


def test_an_area_may_be_named_as_the_msa(labour_market):
    rendered = render_body("{{ median-wage soc=29-1141 area=<Las Cruces MSA> }}")
    (figure,) = rendered.figures
    assert figure.label.endswith("Las Cruces, NM")
    assert figure.value == RN.medians["3500000"]  # no Las Cruces estimate here: statewide
    assert figure.notes
