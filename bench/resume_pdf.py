"""Time the PDF (and DOCX) of a three-page resume, against the issue's 2-second target.

    .venv/bin/python bench/resume_pdf.py [--runs 5]

Needs no database: the resume is built in memory (an unsaved model object).
"""

import argparse
import io
import os
import statistics
import time

TARGET_SECONDS = 2.0


def three_page_document() -> dict:  # type: ignore[type-arg]
    bullet = (
        "Prepared and served food for up to 60 guests a shift, following every food safety rule"
    )
    return {
        "basics": {"name": "Bench Student", "email": "bench@example.org", "summary": bullet},
        "education": [
            {"institution": f"School {i}", "courses": ["Welding I"] * 8} for i in range(3)
        ],
        "work": [
            {"name": f"Employer {i}", "position": "Cook", "highlights": [bullet] * 6}
            for i in range(10)
        ],
        "volunteer": [{"organization": f"Group {i}", "highlights": [bullet] * 4} for i in range(4)],
        "skills": [{"name": f"Skill {i}", "keywords": ["one", "two", "three"]} for i in range(8)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pathways.settings")
    import django

    django.setup()
    from pypdf import PdfReader

    from pathways.resumes import output
    from pathways.resumes.models import Resume

    resume = Resume(document=three_page_document(), language="en", design="classic")
    started = time.perf_counter()
    output.pdf(resume)  # the first includes importing WeasyPrint and loading fonts
    first = time.perf_counter() - started
    times, pages = [], 0
    for _ in range(args.runs):
        started = time.perf_counter()
        data = output.pdf(resume)
        times.append(time.perf_counter() - started)
        pages = len(PdfReader(io.BytesIO(data)).pages)
    started = time.perf_counter()
    output.docx(resume)
    docx = time.perf_counter() - started
    median = statistics.median(times)
    print(f"PDF pages: {pages}")
    print(f"PDF first (cold) : {first:.3f} s")
    ratio = median / TARGET_SECONDS
    print(f"PDF median of {args.runs}: {median:.3f} s  ({ratio:.2f} of the 2 s target)")
    print(f"DOCX             : {docx:.3f} s")


if __name__ == "__main__":
    main()
