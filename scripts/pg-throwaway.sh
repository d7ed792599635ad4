#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for tests.
#
#   bash scripts/pg-throwaway.sh start   # prints DATABASE_URL=postgres://postgres@127.0.0.1:PORT/postgres
#   bash scripts/pg-throwaway.sh stop    # stops it and deletes its directory
#   bash scripts/pg-throwaway.sh status
#
# initdb runs in a fresh mktemp directory (UTF8, C.UTF-8 locale so pg_trgm works on Chinese text,
# trust auth, superuser `postgres`), listening on a free loopback port only (plus a unix socket
# inside the directory). Durability is switched off (fsync etc.): it is for tests only.
# As root the server runs as the `postgres` OS user (runuser); otherwise as the current user.
#
# The directory of the running instance is remembered in $PG_THROWAWAY_STATE
# (default: <repo>/.test-results/pg-throwaway.dir); `stop [DIR]` also accepts the directory.
# Env: PGBIN (default /usr/lib/postgresql/15/bin), PG_THROWAWAY_TMP (parent dir, default /tmp).
set -uo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
STATE="${PG_THROWAWAY_STATE:-$REPO_ROOT/.test-results/pg-throwaway.dir}"
TMP_PARENT="${PG_THROWAWAY_TMP:-/tmp}"

log() { echo "pg-throwaway: $*" >&2; }

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  # Ask the kernel for a free loopback port (bind to port 0), then release it.
  node -e '
    const s = require("net").createServer();
    s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => console.log(p)); });
  '
}

port_is_free() {
  node -e '
    const s = require("net").createServer();
    s.once("error", () => process.exit(1));
    s.listen(Number(process.argv[1]), "127.0.0.1", () => s.close(() => process.exit(0)));
  ' "$1"
}

cmd_start() {
  for b in initdb pg_ctl postgres; do
    if [ ! -x "$PGBIN/$b" ]; then
      log "missing $PGBIN/$b — run: bash scripts/ensure-system-deps.sh"
      return 1
    fi
  done
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    log "running as root but there is no 'postgres' OS user (install postgresql-15)"
    return 1
  fi
  if [ -f "$STATE" ] && [ -d "$(cat "$STATE")" ]; then
    log "an instance is already recorded in $STATE ($(cat "$STATE")); stopping it first"
    cmd_stop >/dev/null 2>&1 || true
  fi

  local dir
  dir="$(mktemp -d "$TMP_PARENT/liaison-pg.XXXXXX")" || return 1
  chmod 700 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
  mkdir -p "$(dirname "$STATE")"
  echo "$dir" >"$STATE"

  if ! as_pg "$PGBIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1; then
    log "initdb failed:"
    tail -n 20 "$dir/initdb.log" >&2
    rm -rf "$dir" "$STATE"
    return 1
  fi

  local port attempt
  for attempt in 1 2 3 4 5; do
    port="$(free_port)" || continue
    port_is_free "$port" || continue
    if as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/pg.log" -w -t 60 -o \
      "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >"$dir/pg_ctl.log" 2>&1; then
      echo "$port" >"$dir/port"
      log "started in $dir on 127.0.0.1:$port"
      echo "DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
      return 0
    fi
    log "start on port $port failed (attempt $attempt):"
    tail -n 5 "$dir/pg.log" >&2 2>/dev/null || true
  done
  log "could not start PostgreSQL"
  tail -n 20 "$dir/pg_ctl.log" >&2 2>/dev/null || true
  rm -rf "$dir" "$STATE"
  return 1
}

cmd_stop() {
  local dir="${1:-}"
  if [ -z "$dir" ]; then
    if [ ! -f "$STATE" ]; then
      log "nothing to stop"
      return 0
    fi
    dir="$(cat "$STATE")"
  fi
  if [ -z "$dir" ] || [ ! -d "$dir" ]; then
    rm -f "$STATE"
    log "nothing to stop"
    return 0
  fi
  case "$dir" in
    "$TMP_PARENT"/liaison-pg.*) ;;
    *)
      log "refusing to delete unexpected directory: $dir"
      return 1
      ;;
  esac
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || {
      # Last resort: kill the postmaster by its recorded pid.
      local pid
      pid="$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null)"
      if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null || true; fi
    }
  fi
  rm -rf "$dir"
  if [ -f "$STATE" ] && [ "$(cat "$STATE")" = "$dir" ]; then rm -f "$STATE"; fi
  log "stopped and removed $dir"
}

cmd_status() {
  if [ -f "$STATE" ] && [ -d "$(cat "$STATE")" ]; then
    local dir
    dir="$(cat "$STATE")"
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" status
    [ -f "$dir/port" ] && echo "DATABASE_URL=postgres://postgres@127.0.0.1:$(cat "$dir/port")/postgres"
  else
    echo "not running"
    return 3
  fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) shift; cmd_stop "${1:-}" ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 start|stop [DIR]|status" >&2
    exit 2
    ;;
esac
