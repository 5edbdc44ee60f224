"""Reading live-figure shortcodes: each mistake is reported with its line."""

import pytest

from pathways.analyses.rendering import check_body
from pathways.analyses.shortcodes import ShortcodeError, find_shortcodes


def test_shortcode_arguments_may_be_bare_quoted_or_in_angle_brackets():
    text = (
        'Intro\n{{ median-wage soc=29-1141 area="Las Cruces" }} and '
        "{{ openings soc=1 area=<Las Cruces MSA> }}"
    )
    first, second = find_shortcodes(text)
    assert first.kind == "median-wage" and first.get("area") == "Las Cruces"
    assert first.line == 2
    assert second.get("area") == "Las Cruces MSA"


def test_canonical_key_ignores_spacing():
    (one,) = find_shortcodes("{{top-openings   region=eastern n=5}}")
    (two,) = find_shortcodes('{{ top-openings region="eastern" n=5 }}')
    assert one.key == two.key


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("ok\n\n{{ top-openings region }}", 3, "name=value"),
        ("{{ 42 }}", 1, "starts with its kind"),
        ("one\n{{ top-openings n=2", 2, "not closed"),
        ("{{ openings soc=1 soc=2 }}", 1, "twice"),
    ],
)
def test_malformed_shortcodes_name_their_line(text, line, words):
    with pytest.raises(ShortcodeError) as raised:
        list(find_shortcodes(text))
    assert raised.value.line == line
    assert words in str(raised.value)
    assert str(raised.value).startswith(f"Line {line}:")


def test_unknown_kind_is_a_problem_naming_the_line(db):
    (problem,) = check_body("Hello\n\n{{ unemployment-rate region=eastern }}")
    assert problem.line == 3
    assert "not a kind of live figure" in str(problem)
    assert "top-openings" in str(problem)  # the kinds to choose from


def test_unknown_argument_and_missing_required_argument(labour_market):
    unknown, missing = check_body("{{ top-openings colour=red }}\n{{ median-wage area=3500000 }}")
    assert "takes no “colour”" in str(unknown) and unknown.line == 1
    assert "needs soc=" in str(missing) and missing.line == 2


@pytest.mark.parametrize(
    ("shortcode", "words"),
    [
        ("{{ top-openings region=atlantis }}", "not a workforce region"),
        ("{{ top-openings n=500 }}", "from 1 to 10"),
        ("{{ median-wage soc=99-9999 }}", "not an occupation code"),
        ('{{ median-wage soc=29-1141 area="Nowhere Springs" }}', "not an OEWS area"),
        ("{{ median-wage soc=29-1141 area=0010740 region=central }}", "not both"),
    ],
)
def test_invalid_values_are_reported(labour_market, shortcode, words):
    (problem,) = check_body(f"Text\n{shortcode}")
    assert words in str(problem)
    assert problem.line == 2
