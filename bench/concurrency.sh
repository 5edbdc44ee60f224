#!/usr/bin/env bash
# Throughput under concurrent load on loopback: gunicorn (the production server) over the
# loaded SQLite database, driven by wrk from Debian's packages with 64 connections.
#   bash bench/concurrency.sh [seconds per URL, default 15]
# Run `make data` first. Prints wrk's summary (requests/s, latency, errors) per URL.
# Visitors get public pages from the page cache; the API builds every response.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-15}"
port=8799
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
export DJANGO_DEBUG=0 DJANGO_SECRET_KEY=bench-only DJANGO_ALLOWED_HOSTS=127.0.0.1
.venv/bin/pathways collectstatic --noinput --verbosity 0
workers=$(( $(nproc) * 2 + 1 ))
.venv/bin/gunicorn pathways.wsgi --bind "127.0.0.1:$port" --workers "$workers" --threads 2 \
  --access-logfile /dev/null --error-logfile /tmp/pathways-bench-gunicorn.log &
server=$!
trap 'kill $server' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.2; done
echo "gunicorn: $workers workers x 2 threads; wrk: 2 threads, 64 connections, ${duration}s per URL"
for path in / /clusters/healthcare-human-services/ /occupations/29-1141/ /regions/central/ \
            "/search/suggest/?q=nurs" /api/v1/occupations/29-1141; do
  echo "== $path"
  # One second of warm-up so each worker has built its caches: this measures steady state.
  wrk -t2 -c16 -d1s "http://127.0.0.1:$port$path" >/dev/null
  wrk -t2 -c64 -d"${duration}s" --latency "http://127.0.0.1:$port$path" \
    | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|Socket errors|requests in"
done
