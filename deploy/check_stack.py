"""Check that a running stack serves the site through nginx, on PostgreSQL and Redis.

    python deploy/check_stack.py http://127.0.0.1:8080

Run by `STACK_CHECK=1 bash deploy/run-local-stack.sh` with the stack's environment; exits
non-zero with the first failed check."""

import gzip
import os
import sys
import urllib.error
import urllib.request

import psycopg
import redis


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def check(condition: bool, what: str) -> None:
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        sys.exit(1)


def main(base: str) -> None:
    page = f"{base}/occupations/29-1141/"
    status, headers, body = get(page)
    check(status == 200 and b"Registered Nurses" in body, "an occupation page is served")
    check("default-src 'self'" in headers.get("Content-Security-Policy", ""), "with a CSP")
    _, again, _ = get(page)
    check(again.get("X-Cache") == "HIT", f"nginx serves it from its cache ({again.get('X-Cache')})")
    status, _, _ = get(page, **{"If-None-Match": again["ETag"]})
    check(status == 304, "revalidation with the ETag answers 304")
    _, random, _ = get(f"{page}?x=random")
    check(random.get("X-Cache") == "BYPASS", "an unknown parameter bypasses nginx's cache")
    status, headers, body = get(f"{base}/static/css/site.css", **{"Accept-Encoding": "gzip"})
    check(status == 200 and headers.get("Content-Encoding") == "gzip", "static files, gzipped")
    check(b"{" in gzip.decompress(body), "and readable")
    status, _, body = get(f"{base}/api/v1/docs")
    check(status == 200 and b"/static/ninja/swagger-ui-bundle.js" in body, "API docs, local assets")
    status, _, body = get(f"{base}/es/clusters/")
    check(status == 200 and b'lang="es"' in body, "Spanish pages")
    with psycopg.connect(os.environ["DATABASE_URL"]) as connection:
        rows = connection.execute("SELECT count(*) FROM occupations_onetoccupation").fetchone()
    count = rows[0] if rows else 0
    check(count > 800, f"the data is in PostgreSQL ({count} occupations)")
    keys = redis.Redis.from_url(os.environ["REDIS_URL"]).keys("pathways:*")
    check(bool(keys), f"the shared cache is Redis ({len(keys)} keys)")


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"))
