"""The bounded reader: hostile files are refused before anything large is allocated."""

from pathlib import Path

import pytest

from pathways.core.spreadsheets import (
    Bounds,
    Reader,
    SpreadsheetError,
    SpreadsheetRefused,
    column_letters,
    far_reference,
)
from tests.core.hostile import cell, far_cell, workbook, xml_bomb


def read(path: Path, **bounds: int) -> list[list[object]]:
    return [cells for _number, cells in Reader(path, bounds=Bounds(**bounds))]


def refusal(path: Path, **bounds: int) -> SpreadsheetError:
    with pytest.raises(SpreadsheetError) as error:
        read(path, **bounds)
    return error.value


def test_a_cell_at_xfd1048576_is_refused_without_allocating_the_range(tmp_path: Path) -> None:
    path = far_cell(tmp_path / "far.xlsx")
    assert path.stat().st_size < 2_000

    error = refusal(path)

    assert isinstance(error, SpreadsheetRefused)
    assert "beyond row 1,048,576 or column 40" in error.message


def test_a_small_file_of_hundreds_of_megabytes_of_xml_is_refused_by_its_ratio(
    tmp_path: Path,
) -> None:
    path = xml_bomb(tmp_path / "bomb.xlsx")
    assert path.stat().st_size < 200_000

    assert "compressed more than 100 times" in refusal(path).message


def test_the_total_unpacked_size_is_bounded(tmp_path: Path) -> None:
    path = xml_bomb(tmp_path / "bomb.xlsx", megabytes=2)

    assert "unpacks to" in refusal(path, max_uncompressed=1 << 20, max_ratio=10_000).message


def test_a_workbook_of_too_many_parts_is_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path / "parts.xlsx", f'<row r="1">{cell("A1", "a")}</row>', extra=300)

    assert "parts" in refusal(path).message


def test_the_dimension_tag_is_not_trusted(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "dim.xlsx",
        f'<row r="1">{cell("A1", "a")}{cell("B1", "b")}</row>',
        dimension="A1:XFD1048576",
    )

    assert read(path) == [["a", "b"]]


@pytest.mark.parametrize(
    "reference",
    ['r="AO1"', 'r = "ZZ9"', "r='A1048577'", 'r="a1"', 'r="A0001048577"', 'r="AAA1"'],
)
def test_references_past_the_bounds_are_found_however_written(reference: str) -> None:
    assert far_reference(1_048_576, 40).search(f"<c {reference}>".encode())


@pytest.mark.parametrize("reference", ['r="AN1"', 'r="A1048576"', 'r="T20"'])
def test_references_within_the_bounds_are_fine(reference: str) -> None:
    assert not far_reference(1_048_576, 40).search(f"<c {reference}>".encode())


def test_cells_without_references_count_towards_the_columns(tmp_path: Path) -> None:
    row = "<row>" + '<c t="inlineStr"><is><t>x</t></is></c>' * 50 + "</row>"
    path = workbook(tmp_path / "wide.xlsx", row)

    assert "more than 40 columns" in refusal(path).message


def test_rows_beyond_the_bound_stop_the_reading(tmp_path: Path) -> None:
    rows = "".join(f'<row r="{n}">{cell(f"A{n}", "x")}</row>' for n in range(1, 30))
    path = workbook(tmp_path / "long.xlsx", rows)

    assert "beyond row 20 " in refusal(path, max_rows=20).message


@pytest.mark.parametrize(
    ("text", "bounds", "expected"),
    [
        ("a\n" * 30, {"max_rows": 20}, "more than 20 rows"),
        ("," * 60 + "\n", {}, "more than 40 columns"),
        ("a\n" + "x" * 20_000 + "\n", {}, "longer than 10,000 characters"),
        ("a\n" * 30, {"max_bytes": 10}, "files of at most"),
    ],
)
def test_csv_files_are_bounded(tmp_path: Path, text: str, bounds: dict, expected: str) -> None:
    path = tmp_path / "file.csv"
    path.write_text(text)

    assert expected in refusal(path, **bounds).message


def test_reading_is_bounded_in_time(tmp_path: Path) -> None:
    path = tmp_path / "file.csv"
    path.write_text("a\n" * 20_000)

    assert "longer than 0 seconds" in refusal(path, max_seconds=0).message


def test_a_good_csv_is_read_with_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "file.csv"
    path.write_text("\ufeffa,b\n1,2\n", encoding="utf-8")

    assert list(Reader(path)) == [(1, ["a", "b"]), (2, ["1", "2"])]


@pytest.mark.parametrize(("number", "letters"), [(1, "A"), (26, "Z"), (27, "AA"), (40, "AN")])
def test_column_letters(number: int, letters: str) -> None:
    assert column_letters(number) == letters
