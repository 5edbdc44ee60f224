"""The site behind its production front (nginx with its page cache, gunicorn) against
nginx serving the same HTML as static files, side by side in one run, on loopback.

    .venv/bin/python bench/serving.py [--seconds 10] [--connections 64]

Run `make data` first (the embedded SQLite database). Starts one nginx with two servers,
the repository's deploy/nginx.conf in front of gunicorn (deploy/gunicorn.conf.py) and a
plain static server holding a copy of each page's HTML, then drives each with wrk from
Debian's packages. Prints requests/s, p99 and errors per page, the ratio to static, the
p95 of signed-in pages (no cache: every page built afresh) and the same visitor pages
while a data load runs. Goal: ratio >= 25%, 0 errors, p99 < 100 ms; signed-in p95 < 50 ms.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = REPO / ".venv" / "bin"
STATIC_PORT, STACK_PORT, APP_PORT = 8791, 8792, 8793
VISITOR_PAGES = [
    "/",
    "/clusters/healthcare-human-services/",
    "/occupations/29-1141/",
    "/regions/central/",
    "/es/clusters/",
    "/search/?q=nurse",
]
SIGNED_IN_PAGES = ["/", "/occupations/29-1141/", "/clusters/healthcare-human-services/"]
REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\\n",
    summary.requests / summary.duration * 1e6,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def wrk(url: str, seconds: int, connections: int, script: Path, cookie: str = "") -> dict:
    command = [
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        "-s",
        str(script),
        url,
    ]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    found = re.search(r"RESULT (\S+) (\S+) (\S+) (\d+) (\d+)", output)
    assert found, output
    rps, p95, p99, errors, non_2xx = found.groups()
    return {
        "rps": float(rps),
        "p95": float(p95),
        "p99": float(p99),
        "errors": int(errors) + int(non_2xx),
    }


def nginx_config(home: Path, static_root: Path, copies: Path) -> Path:
    values = {
        "PATHWAYS_UPSTREAM": f"127.0.0.1:{APP_PORT}",
        "PATHWAYS_STATIC_ROOT": str(static_root),
        "NGINX_LISTEN": f"127.0.0.1:{STACK_PORT}",
        "NGINX_CACHE_DIR": str(home / "cache"),
    }
    stack = (REPO / "deploy" / "nginx.conf").read_text()
    for name, value in values.items():
        stack = stack.replace("${" + name + "}", value)
    (home / "stack.conf").write_text(stack)
    temp = "\n".join(
        f"    {kind}_temp_path {home / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    config = home / "nginx.conf"
    config.write_text(f"""
worker_processes auto;
pid {home / "nginx.pid"};
error_log {home / "error.log"} warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
{temp}
    include {home / "stack.conf"};
    server {{
        listen 127.0.0.1:{STATIC_PORT};
        root {copies};
        location / {{ default_type text/html; }}
    }}
}}
""")
    return config


def wait_for(url: str) -> None:
    for _ in range(150):
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer")


def signed_in_cookie(env: dict) -> str:
    code = (
        "from django.contrib.auth import get_user_model, HASH_SESSION_KEY, SESSION_KEY,"
        " BACKEND_SESSION_KEY;"
        "from django.contrib.sessions.backends.db import SessionStore;"
        "u, _ = get_user_model().objects.get_or_create(username='bench-state-admin',"
        " defaults={'role': 'state_admin'});"
        "s = SessionStore(); s[SESSION_KEY] = str(u.pk);"
        "s[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend';"
        "s[HASH_SESSION_KEY] = u.get_session_auth_hash(); s.create(); print(s.session_key)"
    )
    result = subprocess.run(
        [BIN / "pathways", "shell", "--no-imports", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return f"sessionid={result.stdout.split()[-1]}"


def line(name: str, result: dict) -> str:
    return (
        f"{name:42} {result['rps']:9.0f} req/s  p95 {result['p95']:6.1f} ms"
        f"  p99 {result['p99']:6.1f} ms  errors {result['errors']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--no-reload", action="store_true", help="skip the run during a data load")
    args = parser.parse_args()
    if not shutil.which("wrk") or not shutil.which("nginx"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk", "nginx-light"], check=True)
    home = Path(tempfile.mkdtemp(prefix="pathways-serving-"))
    home.chmod(0o755)  # nginx's workers run as an unprivileged user
    copies = home / "copies"
    copies.mkdir()
    env = {**os.environ, "DJANGO_DEBUG": "0", "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost"}
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    env["GUNICORN_BIND"] = f"127.0.0.1:{APP_PORT}"
    static_root = Path(
        subprocess.run(
            [
                BIN / "python",
                "-c",
                "import django; django.setup(); from django.conf import settings;"
                " print(settings.STATIC_ROOT)",
            ],
            env={**env, "DJANGO_SETTINGS_MODULE": "pathways.settings"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    subprocess.run(
        [BIN / "pathways", "collectstatic", "--noinput", "--verbosity", "0"], env=env, check=True
    )
    script = home / "report.lua"
    script.write_text(REPORT)
    processes = [
        subprocess.Popen(
            [BIN / "gunicorn", "--config", REPO / "deploy" / "gunicorn.conf.py", "pathways.wsgi"],
            env=env,
            cwd=REPO,
            stderr=subprocess.DEVNULL,
        )
    ]
    try:
        config = nginx_config(home, static_root, copies)
        processes.append(
            subprocess.Popen(["nginx", "-p", str(home), "-c", str(config), "-g", "daemon off;"])
        )
        wait_for(f"http://127.0.0.1:{APP_PORT}/")
        for n, page in enumerate(VISITOR_PAGES):
            html = urllib.request.urlopen(f"http://127.0.0.1:{APP_PORT}{page}").read()
            (copies / f"{n}.html").write_bytes(html)
        wait_for(f"http://127.0.0.1:{STACK_PORT}/")
        print(
            f"wrk: 2 threads, {args.connections} connections, {args.seconds} s per URL;"
            f" {os.cpu_count()} cores"
        )
        ratios, worst_p99, errors = [], 0.0, 0
        for n, page in enumerate(VISITOR_PAGES):
            wrk(f"http://127.0.0.1:{STACK_PORT}{page}", 1, 16, script)  # warm the caches
            static = wrk(
                f"http://127.0.0.1:{STATIC_PORT}/{n}.html", args.seconds, args.connections, script
            )
            stack = wrk(
                f"http://127.0.0.1:{STACK_PORT}{page}", args.seconds, args.connections, script
            )
            ratios.append(stack["rps"] / static["rps"])
            worst_p99, errors = max(worst_p99, stack["p99"]), errors + stack["errors"]
            print(f"== {page}  ({len((copies / f'{n}.html').read_bytes()):,} bytes)")
            print(line("   nginx, the same HTML as a static file", static))
            print(
                line("   the site (nginx cache -> gunicorn)", stack) + f"  ratio {ratios[-1]:.0%}"
            )
        print(
            f"visitors: lowest ratio {min(ratios):.0%}, worst p99 {worst_p99:.1f} ms,"
            f" errors {errors}"
        )
        cookie = signed_in_cookie(env)
        signed = []
        for page in SIGNED_IN_PAGES:
            result = wrk(f"http://127.0.0.1:{STACK_PORT}{page}", args.seconds, 1, script, cookie)
            signed.append(result)
            print(line(f"signed in (state admin), 1 conn: {page}", result))
        print(f"signed in: worst p95 {max(r['p95'] for r in signed):.1f} ms")
        if not args.no_reload:
            # A full reload of every source, from the mirror when present.
            mirror = REPO.parent / "shared" / "data"
            source = ["--mirror", str(mirror)] if mirror.is_dir() else []
            started = time.monotonic()
            load = subprocess.Popen(
                [BIN / "pathways", "data", "load", *source], env=env, stdout=subprocess.DEVNULL
            )
            page = "/occupations/29-1141/"
            during = wrk(
                f"http://127.0.0.1:{STACK_PORT}{page}", args.seconds, args.connections, script
            )
            print(line(f"during a data load: {page}", during))
            during = wrk(f"http://127.0.0.1:{STACK_PORT}{page}", args.seconds, 1, script, cookie)
            print(line(f"during a data load, signed in: {page}", during))
            still = "still running" if load.poll() is None else "finished"
            load.wait()
            print(f"the load took {time.monotonic() - started:.0f} s ({still} after the runs)")
    finally:
        for process in reversed(processes):
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
        if not os.environ.get("KEEP"):
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
