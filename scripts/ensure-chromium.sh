#!/usr/bin/env bash
# Make sure Debian's Chromium is at /usr/bin/chromium: e2e tests and benchmarks drive it through
# playwright-core, which cannot download browsers on these machines (only Debian and npm are reachable).
# Non-interactive and idempotent; sudo only when not already root. Quiet unless apt fails.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
echo "chromium missing: installing the Debian package" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo -n"
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# Recommends are kept on purpose: they bring the fonts pages are rendered (and contrast-checked) with.
if ! { $SUDO apt-get update && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "could not install chromium" >&2
  exit 1
fi
test -x /usr/bin/chromium
