#!/usr/bin/env bash
# The whole test suite (`npm test`). Stages, each run even if an earlier one failed:
#   deps      scripts/ensure-system-deps.sh (chromium, CJK font, postgresql-15, poppler-utils)
#   build     npm run build (web + server)
#   sqlite    TEST_DB=sqlite vitest --project unit --project api          -> .test-results/sqlite.json
#   postgres  throwaway PostgreSQL (scripts/pg-throwaway.sh), then
#             TEST_DB=postgres TEST_DATABASE_URL=<url> vitest --project api -> .test-results/postgres.json
#   e2e       vitest --project e2e (Playwright + built server)            -> .test-results/e2e.json
# then scripts/summarize-tests.mjs prints per-stage lines and, as the very last line,
# `N passed, N failed[, N skipped]`. Exit code is non-zero if anything failed or crashed.
#
# Env knobs (for local use):
#   LIAISON_TEST_STAGES   stages to run, e.g. "sqlite postgres" (default: all of the above)
#   LIAISON_STAGE_TIMEOUT seconds before a stage is killed (default 600)
set -uo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT" || exit 1

RESULTS="$REPO_ROOT/.test-results"
STAGES_FILE="$RESULTS/stages.tsv"
VITEST="$REPO_ROOT/node_modules/.bin/vitest"
STAGE_TIMEOUT="${LIAISON_STAGE_TIMEOUT:-600}"
WANTED="${LIAISON_TEST_STAGES:-deps build sqlite postgres e2e}"
WANTED=" ${WANTED//,/ } "
SUITE_START=$(date +%s%N)
CHILD=""

wanted() { [[ "$WANTED" == *" $1 "* ]]; }

cleanup() {
  # Silent: nothing may be printed after the summary line.
  bash "$REPO_ROOT/scripts/pg-throwaway.sh" stop >/dev/null 2>&1 || true
}
on_signal() {
  echo "test.sh: interrupted" >&2
  if [ -n "$CHILD" ]; then
    kill -TERM "$CHILD" 2>/dev/null
    wait "$CHILD" 2>/dev/null
  fi
  exit 130
}
trap cleanup EXIT
trap on_signal INT TERM

# A leftover throwaway PostgreSQL from an interrupted run is recorded under .test-results: stop it first.
bash "$REPO_ROOT/scripts/pg-throwaway.sh" stop >/dev/null 2>&1 || true
rm -rf "$RESULTS"
mkdir -p "$RESULTS/screens"
: >"$STAGES_FILE"

elapsed() { # start_ns -> seconds with one decimal
  local now
  now=$(date +%s%N)
  awk -v a="$1" -v b="$now" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'
}

# run_stage NAME KIND COMMAND... — runs COMMAND under a timeout (whole process group killed on expiry),
# records NAME, KIND, exit code and duration in stages.tsv.
run_stage() {
  local name="$1" kind="$2"
  shift 2
  local start rc secs
  echo
  echo "=== [$name] $(date '+%H:%M:%S') $*"
  start=$(date +%s%N)
  timeout -k 30 "$STAGE_TIMEOUT" "$@" &
  CHILD=$!
  wait "$CHILD"
  rc=$?
  CHILD=""
  secs=$(elapsed "$start")
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    echo "=== [$name] TIMED OUT after ${STAGE_TIMEOUT}s"
  fi
  echo "=== [$name] exit $rc in ${secs}s"
  printf '%s\t%s\t%s\t%s\n' "$name" "$kind" "$rc" "$secs" >>"$STAGES_FILE"
  return "$rc"
}

record() { # name kind rc secs — for stages that fail before their command could run
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$STAGES_FILE"
}

vitest_json() { # stage-name -> reporter arguments
  echo "--reporter=default --reporter=json --outputFile.json=$RESULTS/$1.json"
}

# --- a. system packages -------------------------------------------------------------------------
if wanted deps; then
  run_stage deps step bash scripts/ensure-system-deps.sh
fi

# --- b. build -----------------------------------------------------------------------------------
if wanted build; then
  run_stage build step npm run build
fi

# --- c. unit + API tests on SQLite --------------------------------------------------------------
if wanted sqlite; then
  # shellcheck disable=SC2046
  run_stage sqlite vitest env -u TEST_DATABASE_URL TEST_DB=sqlite \
    "$VITEST" run --project unit --project api $(vitest_json sqlite)
fi

# --- d. API tests on a throwaway PostgreSQL -----------------------------------------------------
if wanted postgres; then
  echo
  echo "=== [postgres] starting throwaway PostgreSQL"
  pg_start=$(date +%s%N)
  pg_out="$(bash scripts/pg-throwaway.sh start)"
  pg_rc=$?
  pg_url="$(printf '%s\n' "$pg_out" | sed -n 's/^DATABASE_URL=//p' | head -n 1)"
  if [ "$pg_rc" -ne 0 ] || [ -z "$pg_url" ]; then
    echo "=== [postgres] could not start PostgreSQL (exit $pg_rc)"
    if [ "$pg_rc" -eq 0 ]; then pg_rc=1; fi
    record postgres vitest "$pg_rc" "$(elapsed "$pg_start")"
  else
    echo "=== [postgres] $pg_url (up in $(elapsed "$pg_start")s)"
    # shellcheck disable=SC2046
    run_stage postgres vitest env TEST_DB=postgres TEST_DATABASE_URL="$pg_url" \
      "$VITEST" run --project api $(vitest_json postgres)
  fi
  bash scripts/pg-throwaway.sh stop
fi

# --- e. end-to-end ------------------------------------------------------------------------------
if wanted e2e; then
  # shellcheck disable=SC2046
  run_stage e2e vitest env -u TEST_DB -u TEST_DATABASE_URL \
    "$VITEST" run --project e2e $(vitest_json e2e)
fi

# --- f. summary (its last line is the last line of the run) -------------------------------------
echo
echo "=== summary (suite took $(elapsed "$SUITE_START")s)"
node scripts/summarize-tests.mjs "$RESULTS"
exit $?
