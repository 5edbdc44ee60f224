"""The staff import and export pages: permissions, results, and 4xx (never 500) on bad uploads."""

import csv
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pathways.programs.models import ProgramOfStudy
from pathways.programs.transfer.views import ImportForm
from tests.factories import (
    ALBUQUERQUE,
    CounselorFactory,
    DistrictCoordinatorFactory,
    StateAdminFactory,
    StudentFactory,
)

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]
MAX_UPLOAD_BYTES = ImportForm.max_bytes
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "programs"
IMPORT = "/programs/import/"
EXPORT = "/programs/export/"
PROBLEMS = "/programs/import/problems.csv"


def upload(name: str, content: bytes | None = None) -> SimpleUploadedFile:
    data = (FIXTURES / name).read_bytes() if content is None else content
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.fixture
def admin_client(client):
    client.force_login(StateAdminFactory())
    return client


def test_the_url_names(real_data):
    assert reverse("programs:transfer_import") == IMPORT
    assert reverse("programs:transfer_export") == EXPORT
    assert reverse("programs:transfer_export_file", kwargs={"fmt": "xlsx"}) == (
        "/programs/export/programs.xlsx"
    )
    assert reverse("programs:transfer_template") == "/programs/import/template.csv"


def test_signing_in_is_required(client, settings, real_data):
    settings.LOGIN_URL = "/accounts/login/"
    for url in (IMPORT, EXPORT, "/programs/export/programs.csv"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("factory", [CounselorFactory, StudentFactory])
def test_only_coordinators_and_the_state_may_import(client, factory, real_data):
    client.force_login(factory())
    assert client.get(IMPORT).status_code == 403
    assert client.post(IMPORT, {"file": upload("good.csv")}).status_code == 403
    assert not ProgramOfStudy.objects.exists()


def test_the_form_offers_approval_to_state_administrators_only(client, real_data):
    client.force_login(DistrictCoordinatorFactory())
    page = client.get(IMPORT).content.decode()
    assert 'name="file"' in page and 'name="check_only"' in page
    assert 'name="approve"' not in page
    assert "district_nces_id" in page  # the layout is described beside the form

    client.force_login(StateAdminFactory())
    assert 'name="approve"' in client.get(IMPORT).content.decode()


def test_a_good_file_is_imported_and_summarised(admin_client, real_data):
    response = admin_client.post(IMPORT, {"file": upload("good.csv")})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Programs imported" in page
    assert "Health Sciences: Physical Health" in page and "Las Cruces Public Schools" in page
    assert ProgramOfStudy.objects.count() == 2
    assert set(ProgramOfStudy.objects.values_list("status", flat=True)) == {"draft"}

    again = admin_client.post(IMPORT, {"file": upload("good.csv")})
    assert "nothing changed" in again.content.decode()


def test_check_only_saves_nothing(admin_client, real_data):
    response = admin_client.post(IMPORT, {"file": upload("good.csv"), "check_only": "on"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "File checked" in page and "nothing was saved" in page
    assert "Programs that would be created" in page
    assert not ProgramOfStudy.objects.exists()


def test_a_state_administrator_may_import_approved(admin_client, real_data):
    admin_client.post(IMPORT, {"file": upload("good.csv"), "approve": "on"})
    assert set(ProgramOfStudy.objects.values_list("status", flat=True)) == {"approved"}


def test_a_coordinator_cannot_sneak_in_approval(client, tmp_path, real_data):
    client.force_login(DistrictCoordinatorFactory())
    own = b"".join(
        line
        for line in (FIXTURES / "good.csv").read_bytes().splitlines(keepends=True)
        if not line.startswith(b"3501500")
    )
    response = client.post(IMPORT, {"file": upload("own.csv", own), "approve": "on"})

    assert response.status_code == 200
    assert set(ProgramOfStudy.objects.values_list("status", flat=True)) == {"draft"}
    assert ProgramOfStudy.objects.get().district_id == ALBUQUERQUE


def test_every_problem_is_listed_with_row_and_column(admin_client, real_data):
    response = admin_client.post(IMPORT, {"file": upload("partly_bad.csv")})

    assert response.status_code == 422
    page = response.content.decode()
    assert "partly_bad.csv has 16 problems. Nothing was saved" in page
    assert "<code>district_nces_id</code>" in page and "position 1 is also on row 7" in page
    assert not ProgramOfStudy.objects.exists()
    # Every problem, with its row and column, is in the CSV the page links to.
    assert 'href="/programs/import/problems.csv"' in page
    lines = list(csv.reader(io.StringIO(admin_client.get(PROBLEMS).content.decode("utf-8-sig"))))
    assert lines[0] == ["row", "column", "problem"] and len(lines) == 1 + 16
    assert any(line[:2] == ["4", "district_nces_id"] for line in lines)


def test_a_coordinator_sees_the_other_district_rows_refused(client, real_data):
    client.force_login(DistrictCoordinatorFactory())

    response = client.post(IMPORT, {"file": upload("good.csv")})

    assert response.status_code == 422
    # The same problem on four rows is one line of the table, with its count.
    page = response.content.decode()
    assert page.count("you may import programs of Albuquerque") == 1
    assert 'data-label="Rows">4</td>' in page
    problems = client.get(PROBLEMS).content.decode()
    assert problems.count("you may import programs of Albuquerque") == 4
    assert not ProgramOfStudy.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "status", "message"),
    [
        ("programs.txt", b"hello", 400, "is not a .csv or .xlsx file"),
        ("programs.pdf", b"%PDF-1.4", 400, "is not a .csv or .xlsx file"),
        ("empty.csv", b"", 400, "file is empty"),
        ("truncated.xlsx", b"PK\x03\x04\x14\x00\x00\x00", 422, "cannot be read as an XLSX"),
        ("image.csv", None, 422, "is not a CSV text file"),
        ("wrong_header.csv", None, 422, "column is missing from the header"),
        ("truncated.csv", None, 422, "truncated or malformed line"),
        ("latin1.csv", "grade,año\n".encode("latin-1"), 422, "is not UTF-8 text"),
    ],
)
def test_bad_uploads_answer_4xx_with_a_message(
    admin_client, name, content, status, message, real_data
):
    if content is None:
        source = {"image.csv": "not_a_spreadsheet.csv"}.get(name, name)
        content = (FIXTURES / source).read_bytes()

    response = admin_client.post(IMPORT, {"file": upload(name, content)})

    assert response.status_code == status
    assert message in response.content.decode()


def test_no_file_is_a_400(admin_client, real_data):
    response = admin_client.post(IMPORT, {})
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()


def test_a_request_far_over_5_mb_is_refused_before_reading_it(admin_client, real_data):
    big = b"district_nces_id\n" + b"x" * (MAX_UPLOAD_BYTES + 100_000)

    response = admin_client.post(IMPORT, {"file": upload("big.csv", big)})

    assert response.status_code == 413
    assert "larger than the limit of 5.0" in response.content.decode()


def test_a_file_just_over_5_mb_is_refused_by_the_form(admin_client, real_data):
    big = b"x" * (MAX_UPLOAD_BYTES + 1)

    response = admin_client.post(IMPORT, {"file": upload("big.csv", big)})

    assert response.status_code == 413
    assert "the limit is 5.0" in response.content.decode()


def test_the_export_page_links_downloads_with_the_filters(admin_client, real_data):
    admin_client.post(IMPORT, {"file": upload("good.csv")})

    response = admin_client.get(EXPORT, {"district": ALBUQUERQUE})

    assert response.status_code == 200
    page = response.content.decode()
    assert "1 program matches." in page
    assert f"/programs/export/programs.csv?district={ALBUQUERQUE}" in page
    assert f"/programs/export/programs.xlsx?district={ALBUQUERQUE}" in page


def test_export_downloads(admin_client, real_data):
    admin_client.post(IMPORT, {"file": upload("good.csv")})

    csv_file = admin_client.get("/programs/export/programs.csv", {"district": ALBUQUERQUE})
    xlsx_file = admin_client.get("/programs/export/programs.xlsx")

    assert csv_file.status_code == 200
    assert csv_file["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_file["Content-Disposition"] == (f'attachment; filename="programs-{ALBUQUERQUE}.csv"')
    assert csv_file.content.decode("utf-8-sig").count("\r\n") == 1 + 4
    assert xlsx_file.status_code == 200
    assert xlsx_file["Content-Type"].startswith("application/vnd.openxmlformats")
    assert xlsx_file.content.startswith(b"PK")

    # What was downloaded imports back unchanged.
    again = admin_client.post(
        IMPORT, {"file": SimpleUploadedFile("programs.xlsx", xlsx_file.content)}
    )
    assert again.status_code == 200
    assert "nothing changed" in again.content.decode()


def test_unknown_export_filters_answer_400(admin_client, real_data):
    page = admin_client.get(EXPORT, {"cluster": "basket-weaving"})
    assert page.status_code == 400
    assert "Unknown cluster or sub-cluster" in page.content.decode()

    download = admin_client.get("/programs/export/programs.csv", {"district": "12"})
    assert download.status_code == 400
    assert "Unknown school district" in download.content.decode()

    assert admin_client.get("/programs/export/programs.pdf").status_code == 404


def test_students_export_only_approved_programs(admin_client, client, real_data):
    admin_client.post(IMPORT, {"file": upload("good.csv")})
    ProgramOfStudy.objects.filter(district_id="3501500").update(status="approved")
    client.force_login(StudentFactory())

    text = client.get("/programs/export/programs.csv").content.decode("utf-8-sig")

    assert "Welding Technology" in text and "Health Sciences" not in text


def test_the_template_is_the_header_row(client, real_data):
    response = client.get("/programs/import/template.csv")
    assert response.status_code == 200
    lines = io.StringIO(response.content.decode("utf-8-sig")).read().splitlines()
    assert lines == [
        "district_nces_id,program_title,subcluster_code,legacy_pathway_code,"
        "program_description,position,course_code,course_title,credits,grade_min,grade_max,"
        "is_capstone,credentials,postsecondary,work_based_learning"
    ]


def test_the_pages_in_spanish_keep_working(admin_client, real_data):
    assert admin_client.get("/es/programs/import/").status_code == 200
    assert admin_client.get("/es/programs/export/").status_code == 200
