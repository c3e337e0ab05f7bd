#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests: `scripts/pg.sh start` prints its URL
# (export it as MARSAD_TEST_PG); `scripts/pg.sh stop` stops it and removes its files.
# Uses Debian's postgresql package (installed with `scripts/pg.sh install`). Listens on
# 127.0.0.1 only, on a free port, with a data directory under /tmp keyed by this checkout.
set -euo pipefail
cmd="${1:-}"
here="$(cd "$(dirname "$0")/.." && pwd)"
key="$(printf %s "$here" | md5sum | cut -c1-10)"
base="${MARSAD_PG_DIR:-/tmp/marsad-pg-$key}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"

as_owner() {  # initdb and postgres refuse to run as root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  install)
    if [ -z "$bin" ]; then
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null
    fi
    ;;
  start)
    [ -n "$bin" ] || { echo "pg.sh: PostgreSQL is not installed (run: scripts/pg.sh install)" >&2; exit 1; }
    if [ -f "$base/url" ] && as_owner "$bin/pg_ctl" -D "$base/data" status >/dev/null 2>&1; then
      cat "$base/url"; exit 0
    fi
    rm -rf "$base"; mkdir -p "$base"
    [ "$(id -u)" = 0 ] && chown postgres "$base"
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    as_owner "$bin/initdb" -D "$base/data" -U marsad --auth=trust -E UTF8 --locale=C.UTF-8 >"$base/initdb.log" 2>&1 \
      || { cat "$base/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$base/data" -l "$base/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $base -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=128MB" \
      start >/dev/null || { cat "$base/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U marsad marsad_test
    echo "postgresql://marsad@127.0.0.1:$port/marsad_test" | tee "$base/url"
    ;;
  stop)
    if [ -d "$base/data" ]; then
      as_owner "$bin/pg_ctl" -D "$base/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$base"
    ;;
  url)
    cat "$base/url"
    ;;
  *)
    echo "usage: scripts/pg.sh install|start|stop|url" >&2; exit 2
    ;;
esac
