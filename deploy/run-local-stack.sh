#!/usr/bin/env bash
# The production stack of compose.yaml on one machine without Docker, from the same files
# (deploy/nginx.conf, deploy/gunicorn.conf.py): Debian's nginx in front, gunicorn, the job
# worker, the local PostgreSQL and Redis.
#   bash deploy/run-local-stack.sh            # serve on http://127.0.0.1:8080/ until Ctrl-C
#   STACK_CHECK=1 bash deploy/run-local-stack.sh   # start, check it serves, stop
# Settings: STACK_PORT (8080), STACK_DATABASE_URL (postgres://postgres@127.0.0.1:5432/
# pathways_stack, created if missing), STACK_REDIS_URL (redis://127.0.0.1:6379/1), and
# deploy/production.env when present. The data is loaded once (from ../shared/data or
# PATHWAYS_DATA_MIRROR when present, else downloaded).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
port="${STACK_PORT:-8080}"
app_port="${STACK_APP_PORT:-8001}"
home="$repo/var/stack"
mkdir -p "$home/nginx/logs" "$home/nginx/cache"

command -v nginx >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light; }

set -a
[ -f deploy/production.env ] && . deploy/production.env
DATABASE_URL="${STACK_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/pathways_stack}"
REDIS_URL="${STACK_REDIS_URL:-redis://127.0.0.1:6379/1}"
PATHWAYS_HOME="$home"
DJANGO_DEBUG=0
DJANGO_ALLOWED_HOSTS="${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}"
# Plain HTTP on loopback: no redirect to HTTPS and no HSTS here (a load balancer ends TLS
# in a real deployment). Cookies stay Secure: browsers accept them on 127.0.0.1.
SECURE_SSL_REDIRECT=0
SECURE_HSTS_SECONDS=0
GUNICORN_BIND="127.0.0.1:$app_port"
PATHWAYS_UPSTREAM="127.0.0.1:$app_port"
PATHWAYS_STATIC_ROOT="$home/static"
NGINX_LISTEN="127.0.0.1:$port"
NGINX_CACHE_DIR="$home/nginx/cache"
set +a

database="${DATABASE_URL##*/}"
server="${DATABASE_URL%/*}"
psql "$server/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1 \
  || psql "$server/postgres" -qc "CREATE DATABASE $database"

bin=.venv/bin
$bin/pathways migrate --noinput --verbosity 0
$bin/pathways collectstatic --noinput --verbosity 0
loaded='from pathways.datasets.models import DataSource as D; from pathways.datasets.registry import all_sources as a
raise SystemExit(D.objects.count() < len(list(a())))'
if ! $bin/pathways shell --no-imports -c "$loaded"; then
  mirror="${PATHWAYS_DATA_MIRROR:-$(test -d ../shared/data && echo ../shared/data)}"
  $bin/pathways data load ${mirror:+--mirror "$mirror"}
fi

# nginx's own file around the repository's template, which compose.yaml mounts as is.
vars='${PATHWAYS_UPSTREAM} ${PATHWAYS_STATIC_ROOT} ${NGINX_LISTEN} ${NGINX_CACHE_DIR}'
envsubst "$vars" < deploy/nginx.conf > "$home/nginx/pathways.conf"
cat > "$home/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $home/nginx/nginx.pid;
error_log $home/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path $home/nginx/body;
    proxy_temp_path $home/nginx/proxy;
    fastcgi_temp_path $home/nginx/fastcgi;
    uwsgi_temp_path $home/nginx/uwsgi;
    scgi_temp_path $home/nginx/scgi;
    include $home/nginx/pathways.conf;
}
CONF
chmod -R a+rX "$home/static"

pids=()
stop() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT INT TERM
$bin/gunicorn --config deploy/gunicorn.conf.py pathways.wsgi & pids+=($!)
if $bin/pathways help db_worker >/dev/null 2>&1; then $bin/pathways db_worker & pids+=($!); fi
nginx -p "$home/nginx" -c "$home/nginx/nginx.conf" -g "daemon off;" & pids+=($!)

for _ in $(seq 100); do curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
echo "Serving on http://127.0.0.1:$port/ (nginx -> gunicorn on 127.0.0.1:$app_port; $database on PostgreSQL, Redis cache)"
if [ -n "${STACK_CHECK:-}" ]; then
  $bin/python deploy/check_stack.py "http://127.0.0.1:$port"
  exit
fi
wait
