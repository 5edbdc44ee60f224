"""Server time of the main pages and API calls, in process, over the loaded database.

    DJANGO_DEBUG=0 DJANGO_SECRET_KEY=bench python bench/pages.py [--requests 300]

Run `make data` first. Prints p50, p95 and max milliseconds per URL (the Django test
client: routing, views, queries and templates, without network or a WSGI server), twice:
for a visitor (public pages come from the page cache after the first request) and for a
signed-in user (every page built afresh; only figures such as labour markets are cached).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.test import Client

URLS = [
    "/",
    "/clusters/",
    "/clusters/?framework=legacy",
    "/clusters/healthcare-human-services/",
    "/clusters/healthcare-human-services/?region=northern&view=high-wage&sort=median_wage",
    "/occupations/29-1141/",
    "/es/occupations/47-2111/",
    "/search/?q=nurse",
    "/search/suggest/?q=weld",
    "/compare/?soc=29-1141&soc=29-2061&soc=31-1131",
    "/regions/",
    "/regions/central/",
    "/counties/35017/",
    "/districts/",
    "/districts/3500060/",
    "/api/v1/clusters?framework=2024",
    "/api/v1/clusters/construction",
    "/api/v1/occupations?cluster=construction&sort=median_wage",
    "/api/v1/occupations/29-1141",
    "/api/v1/regions/central",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pathways.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    visitor = Client()
    user = get_user_model().objects.create(username="bench-pages", role="state_admin")
    signed_in = Client()
    signed_in.force_login(user)
    print(f"DEBUG={settings.DEBUG}; {args.requests} requests per URL after 5 warm-up requests")
    print(f"{'':62} {'visitor (cached)':>24}   {'signed in (built)':>24}")
    print(f"{'url':55} {'status':>6} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}   ", end="")
    print(f"{'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}")
    try:
        for url in URLS:
            status = visitor.get(url).status_code
            print(f"{url:55} {status:>6} {_timings(visitor, url, args.requests)}   ", end="")
            print(_timings(signed_in, url, args.requests))
    finally:
        user.delete()


def _timings(client: "Client", url: str, requests: int) -> str:
    for _ in range(5):
        client.get(url)
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    return f"{statistics.median(times):7.1f} {p95:7.1f} {times[-1]:7.1f}"


if __name__ == "__main__":
    main()
