#!/usr/bin/env bash
# `npm test`: install what the tests need, then run every suite — type check, unit + component (Vitest),
# audio (if present) and end-to-end (real Chromium) — and print one total.
#
# Every suite runs even when an earlier one fails, so one run shows everything that is broken.
# Counting: each suite's own test counts are added up; the type check counts as one check; a suite that
# fails without reporting counts (crash, build error) counts as one failure, so "0 failed" means all
# green. The last line is `N passed, N failed`; the exit code is non-zero if anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."

# Colour codes are noise in CI logs and in the files parsed below; keep them for a human at a terminal.
if [ ! -t 1 ]; then
  export NO_COLOR=1
  unset FORCE_COLOR
fi

bash scripts/ensure-chromium.sh
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
total_passed=0
total_failed=0
summary=()

# add NAME PASSED FAILED
add() {
  total_passed=$((total_passed + $2))
  total_failed=$((total_failed + $3))
  summary+=("$(printf '  %-10s %s passed, %s failed' "$1" "$2" "$3")")
}

# run NAME LOGFILE CMD...: run a suite with its output shown and kept for parsing; returns its status.
run() {
  local name="$1" log="$2"
  shift 2
  echo "── $name: $*"
  local status=0
  "$@" 2>&1 | tee "$log" || status=$?
  return "$status"
}

# Print "PASSED FAILED" for a suite's log: from the last "N passed, N failed" line (our runners' convention),
# else from node:test's summary ("ℹ pass N" / "ℹ fail N", or "# pass N" in TAP). Prints nothing if neither.
counts_from_log() {
  local clean line p f
  clean="$(sed 's/\x1b\[[0-9;]*m//g' "$1")"
  line="$(grep -Eo '[0-9]+ passed, [0-9]+ failed' <<<"$clean" | tail -n 1 || true)"
  if [ -n "$line" ]; then
    sed -E 's/([0-9]+) passed, ([0-9]+) failed/\1 \2/' <<<"$line"
    return
  fi
  p="$(grep -E '^(ℹ|#) pass [0-9]+$' <<<"$clean" | tail -n 1 | grep -Eo '[0-9]+$' || true)"
  f="$(grep -E '^(ℹ|#) fail [0-9]+$' <<<"$clean" | tail -n 1 | grep -Eo '[0-9]+$' || true)"
  if [ -n "$p" ] && [ -n "$f" ]; then echo "$p $f"; fi
}

# 1. Type check (svelte-check covers .svelte and .ts).
if run typecheck "$logs/check.log" npx --no-install svelte-check --tsconfig ./tsconfig.json --threshold error; then
  add typecheck 1 0
else
  add typecheck 0 1
fi

# 2. Unit + component (the two Vitest projects). The JSON report gives exact counts.
# --passWithNoTests: an empty project is not a failure while the suites are being written; the count
# in the summary shows it.
vstatus=0
run vitest "$logs/vitest.log" npx --no-install vitest run --passWithNoTests \
  --reporter=default --reporter=json --outputFile.json="$logs/vitest.json" || vstatus=$?
if [ -s "$logs/vitest.json" ] && read -r vp vf < <(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    // A file that fails to load has no tests but is a failure too.
    const broken = r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
    console.log(r.numPassedTests, r.numFailedTests + broken);' "$logs/vitest.json"); then
  if [ "$vstatus" -ne 0 ] && [ "$vf" -eq 0 ]; then vf=1; fi
  add vitest "$vp" "$vf"
else
  add vitest 0 1
fi

# 3. Audio suite, owned by the audio work (tests/audio/run.mjs), when it exists.
if [ -f tests/audio/run.mjs ]; then
  astatus=0
  run audio "$logs/audio.log" node tests/audio/run.mjs || astatus=$?
  if read -r ap af < <(counts_from_log "$logs/audio.log") && [ -n "${ap:-}" ]; then
    if [ "$astatus" -ne 0 ] && [ "$af" -eq 0 ]; then af=1; fi
    add audio "$ap" "$af"
  elif [ "$astatus" -eq 0 ]; then
    add audio 1 0
  else
    add audio 0 1
  fi
fi

# 4. End to end: builds once, serves dist/, drives /usr/bin/chromium.
estatus=0
run e2e "$logs/e2e.log" node tests/e2e/run.mjs || estatus=$?
if read -r ep ef < <(counts_from_log "$logs/e2e.log") && [ -n "${ep:-}" ]; then
  if [ "$estatus" -ne 0 ] && [ "$ef" -eq 0 ]; then ef=1; fi
  add e2e "$ep" "$ef"
else
  add e2e 0 1
fi

echo "── summary"
printf '%s\n' "${summary[@]}"
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
