"""First view of the report pages with an empty cache, and the queries that make it slow.

    python bench/first_view.py --home DIR [--database-url URL] [--only TEXT] [--queries 3]

Reuses the database bench/report_pages.py built in DIR. For each report page it empties the
caches (the shared report tables too), times one request (the first view after a restart or
new data), counts its queries and prints the slowest of them, so a slow page names its cause.
Ends with the slowest page, how many took 1 s or more, and the ratio of the slowest to the
1 s target.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import report_pages

TARGET = 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--home", required=True)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--only", default="")
    parser.add_argument("--queries", type=int, default=0, help="slowest queries to print")
    args = parser.parse_args()
    report_pages.setup(args.home, args.database_url)
    from django.core.cache import caches
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from pathways.accounts.models import User
    from pathways.students.models import StudentYear

    district = StudentYear.objects.values_list("district_id", flat=True).order_by("district_id")[0]
    users = {
        "state": User.objects.get_or_create(username="bench-pages-state", role="state_admin")[0],
        "district": User.objects.get_or_create(
            username="bench-pages-coordinator", role="district_coordinator", district_id=district
        )[0],
    }
    clients = {}
    for who, user in users.items():
        clients[who] = Client()
        clients[who].force_login(user)
    # One request outside the timing, so the URL configuration's import (once per process)
    # is not put on the first report page.
    clients["state"].get("/")
    times = []
    print(f"first view, empty cache ({connection.vendor})")
    for who, url in report_pages.report_urls():
        if args.only and args.only not in url:
            continue
        for cache in caches.all():  # the pages' cache and the shared report tables
            cache.clear()
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            status = clients[who].get(url).status_code
            seconds = time.perf_counter() - start
        times.append(seconds)
        queries = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))
        query_seconds = sum(float(q["time"]) for q in queries)
        flag = "  SLOW" if seconds >= TARGET else ""
        print(
            f"{who:9} {url:78} {status} {seconds:6.3f} s  {len(queries):3} queries "
            f"{query_seconds:6.3f} s{flag}",
            flush=True,
        )
        for query in queries[: args.queries]:
            print(f"    {float(query['time']):6.3f} s  {query['sql'][:300]}")
    slow = sum(t >= TARGET for t in times)
    median = sorted(times)[len(times) // 2]
    print(
        f"slowest {max(times):.3f} s ({max(times) / TARGET:.2f}x the {TARGET:.0f} s target); "
        f"{slow} of {len(times)} pages >= {TARGET:.0f} s; median {median:.3f} s"
    )


if __name__ == "__main__":
    main()
