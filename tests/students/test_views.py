"""The student-record pages: a student's own view, the upload page and the status reports,
for every role (anonymous, student, counselor, coordinators of this and another district,
state administrator)."""

import csv
import io
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from pathways.accounts.models import User
from pathways.programs.models import ProgramOfStudy
from pathways.students import views_reports
from pathways.students.models import CourseCompletion, RecordUpload
from pathways.students.status import recompute
from tests.factories.accounts import (
    CounselorFactory,
    DistrictCoordinatorFactory,
    StateAdminFactory,
    StudentFactory,
)
from tests.factories.geography import ALAMOGORDO, ALBUQUERQUE, alamogordo
from tests.factories.students import enrol, program_with_sequence, school, took
from tests.html import visible_text as text_of
from tests.html import visible_text as text_of_html

pytestmark = pytest.mark.django_db

ME = reverse("students:me")
UPLOAD = reverse("students:upload")
REPORTS = reverse("students:reports")
PERKINS = reverse("students:perkins")
STATUS_CSV = reverse("students:report_file", kwargs={"fmt": "csv"})
STATUS_XLSX = reverse("students:report_file", kwargs={"fmt": "xlsx"})
PERKINS_CSV = reverse("students:perkins_file", kwargs={"fmt": "csv"})
COURSE_HEADER = (
    "student_id,district_nces_id,school_code,school_year,term,course_code,credit_earned,"
    "passed,grade_level,sex,race_ethnicity"
)


def signed_in(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


# --- A student's own records -------------------------------------------------------------


@pytest.fixture
def welding() -> ProgramOfStudy:
    return program_with_sequence(["WLD1", "WLD2", "WLD3", "WLD9"], title="Welding Technology")


def test_anonymous_visitors_are_sent_to_sign_in_for_their_records(client: Client) -> None:
    response = client.get(ME)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_student_sees_their_courses_status_and_what_is_left(
    client: Client, welding: ProgramOfStudy
) -> None:
    enrol("S1", 2025)
    took("S1", 2024, "WLD1")
    took("S1", 2025, "WLD2", passed=False)
    recompute()

    response = signed_in(client, StudentFactory(student_id="S1")).get(ME)

    page = text_of(response)
    assert response.status_code == 200
    assert "Welding Technology" in page
    assert "Participant since 2023-24" in page
    assert "Pass 1 more course in this program to become a concentrator." in page
    assert "Pass the capstone, Course WLD9, to complete the program." in page
    assert "Passed in 2023-24" in page
    assert "Taken in 2024-25, not passed" in page
    assert page.count("Not yet taken") == 2


def test_a_student_never_sees_another_students_courses(
    client: Client, welding: ProgramOfStudy
) -> None:
    took("S1", 2025, "WLD1")
    took("S2", 2025, "OTHER7", term="Q4")

    response = signed_in(client, StudentFactory(student_id="S1")).get(ME + "?student_id=S2")

    page = text_of(response)
    assert "Course WLD1 (WLD1)" in page
    assert "OTHER7" not in page
    assert "Q4" not in page


def test_a_completer_is_told_nothing_is_left(client: Client, welding: ProgramOfStudy) -> None:
    enrol("S1", 2025)
    for code in ("WLD1", "WLD2", "WLD9"):
        took("S1", 2025, code)
    recompute()

    page = text_of(signed_in(client, StudentFactory(student_id="S1")).get(ME))

    assert "Completer since 2024-25" in page
    assert "Nothing: you have completed this program." in page


def test_a_student_account_without_a_student_id_is_told_how_to_link_it(client: Client) -> None:
    response = signed_in(client, StudentFactory(student_id="")).get(ME)

    assert response.status_code == 200
    assert "not linked to your student records" in text_of(response)


@pytest.mark.parametrize("factory", [CounselorFactory, DistrictCoordinatorFactory])
def test_staff_are_refused_the_student_view_and_pointed_to_reports(
    client: Client, factory: Callable[..., User]
) -> None:
    response = signed_in(client, factory()).get(ME)

    assert response.status_code == 403
    assert f'href="{REPORTS}"' in response.content.decode()


# --- Uploads -------------------------------------------------------------------------------


def course_file(*rows: str, name: str = "courses.csv") -> SimpleUploadedFile:
    body = "\n".join((COURSE_HEADER, *rows)) + "\n"
    return SimpleUploadedFile(name, body.encode(), content_type="text/csv")


def good_row(student: str = "T1", district: str = ALBUQUERQUE, course: str = "WLD1") -> str:
    return f"{student},{district},520,2025,S1,{course},1,Y,11,F,hispanic"


def post_upload(client: Client, upload: SimpleUploadedFile, **fields: Any) -> Any:
    """Upload, then follow to the job's page (the job runs at once under tests)."""
    data = {"file": upload, "kind": "courses", "scope": "district_year", **fields}
    return client.post(UPLOAD, data, follow=True)


def test_anonymous_visitors_are_sent_to_sign_in_to_upload(client: Client) -> None:
    assert client.get(UPLOAD).status_code == 302


@pytest.mark.parametrize("factory", [StudentFactory, CounselorFactory])
def test_students_and_counselors_may_not_upload(
    client: Client, factory: Callable[..., User]
) -> None:
    signed_in(client, factory())

    assert client.get(UPLOAD).status_code == 403
    assert post_upload(client, course_file(good_row())).status_code == 403
    assert not CourseCompletion.objects.exists()


def test_a_coordinator_uploads_their_districts_records_and_sees_the_history(
    client: Client,
) -> None:
    coordinator = DistrictCoordinatorFactory(username="maria")
    signed_in(client, coordinator)

    response = post_upload(client, course_file(good_row("T1"), good_row("T2")))

    page = text_of(response)
    assert response.status_code == 200
    assert "courses.csv was loaded." in page
    assert "Albuquerque Public Schools, 2024-25 0 2 0 2 new records" in page
    assert CourseCompletion.objects.count() == 2
    history = text_of(client.get(UPLOAD))
    assert "Course completions 2024-25 courses.csv 2" in history
    assert "maria" in history


def test_check_only_saves_nothing(client: Client) -> None:
    signed_in(client, DistrictCoordinatorFactory())

    response = post_upload(client, course_file(good_row()), check_only="on")

    assert response.status_code == 200
    assert "This was a check only: nothing was saved." in text_of(response)
    assert not CourseCompletion.objects.exists()
    assert not RecordUpload.objects.exists()


def test_every_problem_is_listed_with_its_row_and_column(client: Client) -> None:
    signed_in(client, DistrictCoordinatorFactory())
    rows = (
        good_row("T1"),
        "T2,3500060,520,2025,S1,WLD1,1,Y,13,F,hispanic",  # grade 13
        "T3,3500060,520,2025,S1,WLD1,lots,Y,11,Q,white",  # credit and sex
    )

    response = post_upload(client, course_file(*rows))

    assert response.status_code == 422
    page = text_of(response)
    assert "courses.csv has 3 problems. Nothing was saved" in page
    problems = re.findall(
        r"<tr>\s*<td[^>]*><code>(\w+)</code></td>\s*<td[^>]*>[^<]*</td>"
        r"\s*<td class=\"num\"[^>]*>1</td>\s*<td[^>]*>(\d+)</td>",
        response.content.decode(),
    )
    assert sorted(problems) == [("credit_earned", "4"), ("grade_level", "3"), ("sex", "4")]
    assert "T2" not in page and "T3" not in page  # problems never repeat a student ID
    assert not CourseCompletion.objects.exists()


def test_a_coordinator_may_not_load_another_districts_records(client: Client) -> None:
    signed_in(client, DistrictCoordinatorFactory())
    alamogordo()

    response = post_upload(client, course_file(good_row(district=ALAMOGORDO)))

    assert response.status_code == 422
    assert "you may import records of Albuquerque Public Schools only" in text_of(response)
    assert not CourseCompletion.objects.exists()


@pytest.mark.parametrize(
    ("upload", "status", "message"),
    [
        (SimpleUploadedFile("notes.txt", b"hello"), 400, "is not a .csv or .xlsx file"),
        (SimpleUploadedFile("empty.csv", b""), 400, "file is empty"),
        (
            SimpleUploadedFile("broken.xlsx", b"not a zip file at all"),
            422,
            "cannot be read as an XLSX",
        ),
        (SimpleUploadedFile("binary.csv", bytes(range(256)) * 4), 422, "is not a CSV text file"),
        (
            SimpleUploadedFile("names.csv", b"name,birthday\nAna,2008-01-01\n"),
            422,
            "birthday is not a column of the courses layout",
        ),
    ],
)
def test_bad_files_get_a_message_never_a_server_error(
    client: Client, upload: SimpleUploadedFile, status: int, message: str
) -> None:
    signed_in(client, DistrictCoordinatorFactory())

    response = post_upload(client, upload)

    assert response.status_code == status
    assert message in text_of(response)


def test_a_file_over_the_size_limit_is_refused_before_reading(
    client: Client, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathways.students.forms import UploadForm

    monkeypatch.setattr(UploadForm, "max_bytes", 10)
    signed_in(client, DistrictCoordinatorFactory())

    response = post_upload(client, course_file(*[good_row(f"T{n}") for n in range(5000)]))

    assert response.status_code == 413
    assert not CourseCompletion.objects.exists()


def test_the_state_sees_every_districts_uploads(client: Client) -> None:
    signed_in(client, DistrictCoordinatorFactory())
    post_upload(client, course_file(good_row()))
    client.logout()

    page = text_of(signed_in(client, StateAdminFactory()).get(UPLOAD))

    assert "Albuquerque Public Schools" in page
    assert "Student record uploads, every district" in page


def test_another_districts_coordinator_does_not_see_the_upload(client: Client) -> None:
    signed_in(client, DistrictCoordinatorFactory())
    post_upload(client, course_file(good_row()))
    client.logout()

    page = text_of(signed_in(client, DistrictCoordinatorFactory(district=alamogordo())).get(UPLOAD))

    assert "No records have been uploaded yet." in page


# --- Status reports ------------------------------------------------------------------------


@pytest.fixture
def cohort() -> None:
    """Albuquerque: 12 welding concentrators (9 F, 3 M), 2 of them completers (below the
    minimum of 10). Alamogordo: 11 culinary participants."""
    program_with_sequence(["W1", "W2", "W9"], title="Welding")
    for number in range(12):
        student = f"A{number:02d}"
        enrol(student, 2025, sex="F" if number < 9 else "M")
        took(student, 2025, "W1")
        took(student, 2025, "W2")
        if number < 2:
            took(student, 2025, "W9", term="S2")
    program_with_sequence(["C1", "C2", "C9"], title="Culinary", district=alamogordo())
    for number in range(11):
        enrol(f"B{number:02d}", 2025, district=alamogordo())
        took(f"B{number:02d}", 2025, "C1", district=alamogordo())
    recompute()


def table_rows(response: Any, css_class: str = "status-report") -> list[list[str]]:
    """The report table's body as text cells, row by row."""
    html = response.content.decode()
    table = re.search(rf'<table class="figures {css_class}[^"]*">(.*?)</table>', html, flags=re.S)
    assert table is not None, "no report table on the page"
    body = table.group(1).split("<tbody>")[1]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S)
    return [
        [text_of_html(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S)]
        for row in rows
    ]


def test_anonymous_visitors_are_sent_to_sign_in_for_reports(client: Client) -> None:
    for url in (REPORTS, PERKINS, STATUS_CSV):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.usefixtures("cohort")
def test_students_may_not_see_reports(client: Client) -> None:
    signed_in(client, StudentFactory(student_id="A00"))

    for url in (REPORTS, PERKINS, STATUS_CSV, STATUS_XLSX, PERKINS_CSV):
        assert client.get(url).status_code == 403, url


@pytest.mark.usefixtures("cohort")
@pytest.mark.parametrize("factory", [CounselorFactory, DistrictCoordinatorFactory])
def test_district_staff_see_their_district_by_school(
    client: Client, factory: Callable[..., User]
) -> None:
    response = signed_in(client, factory()).get(REPORTS)

    assert response.status_code == 200
    assert table_rows(response) == [
        ["Albuquerque Public Schools (district total)", "12", "12", "* (suppressed)"],
        ["Test School 001", "12", "12", "* (suppressed)"],
    ]
    assert "Alamogordo" not in text_of(response)


@pytest.mark.usefixtures("cohort")
def test_a_coordinator_asking_for_another_district_is_refused(client: Client) -> None:
    signed_in(client, DistrictCoordinatorFactory(district=alamogordo()))

    for url in (REPORTS, PERKINS, STATUS_CSV):
        response = client.get(url, {"district": ALBUQUERQUE})
        assert response.status_code == 403, url
    assert "You may only see reports for your own district." in text_of(
        client.get(REPORTS, {"district": ALBUQUERQUE})
    )


@pytest.mark.usefixtures("cohort")
def test_the_state_sees_every_district_and_may_narrow_to_one(client: Client) -> None:
    signed_in(client, StateAdminFactory())

    statewide = table_rows(client.get(REPORTS))
    one = table_rows(client.get(REPORTS, {"district": ALAMOGORDO}))

    assert [row[0] for row in statewide] == [
        "New Mexico (state total)",
        "Alamogordo Public Schools",
        "Albuquerque Public Schools",
    ]
    assert statewide[0][1:] == ["23", "12", "* (suppressed)"]
    assert one == [
        ["Alamogordo Public Schools (district total)", "11", "0", "0"],
        ["Test School 001", "11", "0", "0"],
    ]


@pytest.mark.usefixtures("cohort")
def test_suppressed_cells_are_stars_explained_with_the_minimum(client: Client) -> None:
    response = signed_in(client, DistrictCoordinatorFactory()).get(REPORTS)

    page = text_of(response)
    assert "* marks a hidden count." in page
    assert "a count of fewer than 10 students is not shown" in page
    assert ">2<" not in response.content.decode()  # the hidden count is nowhere on the page


@pytest.mark.usefixtures("cohort")
def test_a_breakdown_lists_every_subgroup_under_each_group(client: Client) -> None:
    response = signed_in(client, DistrictCoordinatorFactory()).get(
        REPORTS, {"group_by": "district", "breakdown": "sex"}
    )

    rows = table_rows(response)
    assert [row[1] for row in rows] == ["All students", "Female", "Male", "Nonbinary"]
    assert rows[0][2:4] == ["12", "12"]
    assert rows[1][2:4] == rows[2][2:4] == ["* (suppressed)", "* (suppressed)"]  # 9 and 3
    assert rows[3][2:] == ["0", "0", "0"]


@pytest.mark.usefixtures("cohort")
def test_a_long_table_comes_in_pages_of_whole_groups(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views_reports, "ROWS_PER_PAGE", 5)  # 4 rows a place by sex: 1 place
    signed_in(client, StateAdminFactory())
    query = {"group_by": "district", "breakdown": "sex"}

    first = client.get(REPORTS, query)
    second = client.get(REPORTS, {**query, "page": "2"})
    beyond = client.get(REPORTS, {**query, "page": "99"})
    nonsense = client.get(REPORTS, {**query, "page": "x' OR 1=1"})

    assert [row[0] for row in table_rows(first)] == ["New Mexico (state total)"] * 4
    assert [row[0] for row in table_rows(second)] == ["Alamogordo Public Schools"] * 4
    assert [row[0] for row in table_rows(beyond)] == ["Albuquerque Public Schools"] * 4
    assert table_rows(nonsense) == table_rows(first)
    page_text = text_of(first.content.decode())
    assert "Rows 1 to 4 of 12; the downloads have every row." in page_text
    assert "Page 1 of 3" in page_text
    assert 'href="?group_by=district&amp;breakdown=sex&amp;page=2" rel="next"' in (
        first.content.decode()
    )
    downloaded = csv_table(client.get(STATUS_CSV, {**query, "page": "2"}))
    assert len(downloaded) == 12, downloaded


@pytest.mark.usefixtures("cohort")
def test_the_chart_draws_only_counts_that_are_shown(client: Client) -> None:
    response = signed_in(client, DistrictCoordinatorFactory()).get(REPORTS)

    svg = re.search(r'<svg class="bar-chart".*?</svg>', response.content.decode(), flags=re.S)
    assert svg is not None
    assert 'role="img"' in svg.group(0)
    assert re.findall(r'class="bar-value"[^>]*>([^<]+)<', svg.group(0)) == ["12", "12"]


@pytest.mark.usefixtures("cohort")
@pytest.mark.parametrize(
    "query",
    [
        {"year": "1999"},
        {"year": "9" * 30},
        {"group_by": "county"},
        {"breakdown": "income"},
        {"district": "9999999"},
        {"district": "x'; DROP TABLE y; --"},
    ],
)
def test_bad_filters_answer_400_with_the_reason(client: Client, query: dict[str, str]) -> None:
    response = signed_in(client, StateAdminFactory()).get(REPORTS, query)

    assert response.status_code == 400
    assert "Please correct the filters" in text_of(response)


def test_a_district_without_records_is_told_so(client: Client) -> None:
    response = signed_in(client, DistrictCoordinatorFactory()).get(REPORTS)

    assert response.status_code == 200
    assert "No student records have been uploaded" in text_of(response)


# --- Perkins V indicators ------------------------------------------------------------------


@pytest.mark.usefixtures("cohort")
def test_perkins_indicators_show_counts_rates_and_what_is_missing(client: Client) -> None:
    response = signed_in(client, DistrictCoordinatorFactory()).get(PERKINS)

    rows = {row[0].split()[0]: row[1:] for row in table_rows(response, "perkins-indicators")}
    assert response.status_code == 200
    assert rows["4S1"] == ["Albuquerque Public Schools", "0", "12", "fewer than 5%", ""]
    assert rows["1S1"] == [
        "Albuquerque Public Schools",
        "—",
        "—",
        "—",
        "Needs graduation records for 2024-25.",
    ]
    assert "Alamogordo" not in text_of(response)


@pytest.mark.usefixtures("cohort")
def test_perkins_offers_only_the_groupings_it_is_computed_for(client: Client) -> None:
    signed_in(client, StateAdminFactory())

    assert client.get(PERKINS, {"group_by": "program"}).status_code == 400
    places = [
        row[1]
        for row in table_rows(client.get(PERKINS, {"group_by": "state"}), "perkins-indicators")
    ]
    assert set(places) == {"New Mexico"}


# --- Downloads -----------------------------------------------------------------------------


def csv_table(response: Any) -> list[list[str]]:
    """The CSV's data rows: those after the header, up to the blank line before the notes."""
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    lines = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    body = lines[2:]
    return body[: body.index([])]


@pytest.mark.usefixtures("cohort")
@pytest.mark.parametrize(
    "query",
    [{}, {"group_by": "program"}, {"group_by": "district", "breakdown": "sex"}],
)
def test_the_csv_download_has_the_tables_figures_and_stars(
    client: Client, query: dict[str, str]
) -> None:
    signed_in(client, DistrictCoordinatorFactory())

    page = client.get(REPORTS, query)
    download = client.get(STATUS_CSV, query)

    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in download["Content-Disposition"]
    shown = [row[-3:] for row in table_rows(page)]
    assert [row[-3:] for row in csv_table(download)] == [
        ["*" if value == "* (suppressed)" else value for value in row] for row in shown
    ]


@pytest.mark.usefixtures("cohort")
def test_the_pages_download_links_keep_its_filters(client: Client) -> None:
    signed_in(client, StateAdminFactory())

    page = client.get(REPORTS, {"district": ALBUQUERQUE, "breakdown": "sex"}).content.decode()

    links = re.findall(r'href="([^"]*cte-status\.(?:csv|xlsx)[^"]*)"', page)
    assert len(links) == 2
    for link in links:
        assert "district=3500060" in link and "breakdown=sex" in link and "year=2025" in link
        assert client.get(link.replace("&amp;", "&")).status_code == 200


@pytest.mark.usefixtures("cohort")
def test_the_xlsx_download_opens_with_the_same_figures(client: Client) -> None:
    from openpyxl import load_workbook

    signed_in(client, DistrictCoordinatorFactory())

    download = client.get(STATUS_XLSX)

    sheet = load_workbook(io.BytesIO(download.content)).active
    assert sheet is not None
    values = [list(row) for row in sheet.iter_rows(min_row=3, max_row=4, values_only=True)]
    assert [row[-3:] for row in values] == [[12, 12, "*"], [12, 12, "*"]]


@pytest.mark.usefixtures("cohort")
def test_the_perkins_csv_has_the_pages_indicators(client: Client) -> None:
    signed_in(client, DistrictCoordinatorFactory())

    rows = csv_table(client.get(PERKINS_CSV))

    four_s_one = [row for row in rows if row[1] == "4S1"]
    assert [row[-4:-1] for row in four_s_one] == [["0", "12", "fewer than 5%"]]


@pytest.mark.usefixtures("cohort")
def test_a_counselor_tied_to_one_school_sees_only_that_school(client: Client) -> None:
    for number in range(10):
        enrol(f"S{number:02d}", 2025, school_code="002")
        took(f"S{number:02d}", 2025, "W1", school_code="002")
    recompute()
    counselor = CounselorFactory(school=school("002"))

    rows = table_rows(signed_in(client, counselor).get(REPORTS))

    assert [row[0] for row in rows] == ["Test School 002"]
    assert rows[0][1:] == ["10", "0", "0"]
