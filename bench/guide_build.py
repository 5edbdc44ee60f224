"""Build times of the Career Clusters Guide PDFs over the loaded database.

    PATHWAYS_HOME=DIR python bench/guide_build.py [--lang es] [--region central] [--framework X]

Run `make data` first. Builds every chapter and the whole guide with the cache
bypassed (a fresh build each time, as after a data load), then once more from the cache,
and prints seconds, page counts and the ratio of each build to the issue's budget
(a chapter in 3 s, the whole guide in 30 s).
"""

import argparse
import io
import os
import sys
import time
from pathlib import Path

CHAPTER_BUDGET, GUIDE_BUDGET = 3.0, 30.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", default="en", choices=["en", "es"])
    parser.add_argument("--region", default="")
    parser.add_argument("--framework", default="", help="2024 (default) or legacy")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pathways.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    import django

    django.setup()
    from django.core.cache import cache
    from pypdf import PdfReader

    from pathways.guide import pdf
    from pathways.guide.services import chapters, parse_guide_query

    query = parse_guide_query({"region": args.region, "framework": args.framework}, args.lang)

    def timed(build, *build_args):  # type: ignore[no-untyped-def]
        cache.clear()
        started = time.perf_counter()
        content = build(*build_args)
        fresh = time.perf_counter() - started
        started = time.perf_counter()
        build(*build_args)
        cached = time.perf_counter() - started
        return fresh, cached, len(PdfReader(io.BytesIO(content)).pages), len(content)

    print(f"{'pdf':50} {'build s':>8} {'cached s':>9} {'pages':>6} {'KB':>7} {'of budget':>10}")
    worst = 0.0
    for summary in chapters(query.framework):
        fresh, cached, pages, size = timed(pdf.chapter_pdf, summary.code, query)
        worst = max(worst, fresh)
        print(
            f"{summary.code:50} {fresh:8.2f} {cached:9.3f} {pages:6} {size // 1024:7}"
            f" {fresh / CHAPTER_BUDGET:9.2f}x"
        )
    fresh, cached, pages, size = timed(pdf.guide_pdf, query)
    print(
        f"{'whole guide':50} {fresh:8.2f} {cached:9.3f} {pages:6} {size // 1024:7}"
        f" {fresh / GUIDE_BUDGET:9.2f}x"
    )
    print(f"slowest chapter {worst:.2f} s = {worst / CHAPTER_BUDGET:.2f} of the 3 s budget")


if __name__ == "__main__":
    main()
