#!/usr/bin/env bash
# Make sure the Debian packages the test suite needs are present:
#   chromium        -> /usr/bin/chromium            (Playwright e2e)
#   fonts-noto-cjk  -> a CJK font (fc-list :lang=zh) (screenshots / PDFs without boxes)
#   postgresql-15   -> /usr/lib/postgresql/15/bin/{initdb,pg_ctl,pg_dump} (throwaway PostgreSQL)
#   poppler-utils   -> pdftoppm                      (PDF checks)
# Missing ones are installed with apt-get when running as root; otherwise the command is printed
# and the script exits 1.
set -uo pipefail

PGBIN=/usr/lib/postgresql/15/bin
missing=()

check() {
  if [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
  if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
    missing+=(fonts-noto-cjk)
  fi
  if [ ! -x "$PGBIN/initdb" ] || [ ! -x "$PGBIN/pg_ctl" ] || [ ! -x "$PGBIN/pg_dump" ]; then
    missing+=(postgresql-15)
  fi
  if ! command -v pdftoppm >/dev/null 2>&1; then missing+=(poppler-utils); fi
}

check
if [ ${#missing[@]} -eq 0 ]; then
  echo "system deps: ok (chromium, CJK font, postgresql-15, poppler-utils)"
  exit 0
fi

cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system deps: missing ${missing[*]}" >&2
  echo "install them with (as root):" >&2
  echo "  $cmd" >&2
  exit 1
fi

echo "system deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -q >/tmp/liaison-apt-update.log 2>&1; then
  echo "system deps: apt-get update failed:" >&2
  tail -n 20 /tmp/liaison-apt-update.log >&2
  exit 1
fi
if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >/tmp/liaison-apt-install.log 2>&1; then
  echo "system deps: apt-get install failed:" >&2
  tail -n 30 /tmp/liaison-apt-install.log >&2
  exit 1
fi
# A fresh font needs the fontconfig cache refreshed before fc-list sees it.
if command -v fc-cache >/dev/null 2>&1; then fc-cache -f >/dev/null 2>&1 || true; fi

missing=()
check
if [ ${#missing[@]} -ne 0 ]; then
  echo "system deps: still missing after install: ${missing[*]}" >&2
  exit 1
fi
echo "system deps: ok (installed)"
