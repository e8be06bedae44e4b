#!/usr/bin/env bash
# Loads a wakepath report in a real browser (headless Chromium) and checks that the page renders what it promises:
# the charts with their series, the latency tables, the goals and the verdicts. Saves a screenshot beside it.
#   bash tests/report-browser.sh [REPORT_DIR]      (default target/wakepath/report)
# Needs Chromium (Debian: apt-get install chromium); exit 2 when it is missing, 1 when the page lacks something.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${1:-$ROOT/target/wakepath/report}"
PAGE="$DIR/index.html"
[[ -f "$PAGE" ]] || { echo "report-browser: no report at $PAGE (run ./wakepath report first)" >&2; exit 2; }
BROWSER=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[[ -n "$BROWSER" ]] || { echo "report-browser: needs Chromium (Debian: apt-get install chromium)" >&2; exit 2; }
DIR=$(cd "$DIR" && pwd)
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-dev-shm-usage)
dom=$(mktemp)
trap 'rm -f "$dom"' EXIT
timeout 120 "$BROWSER" "${flags[@]}" --dump-dom "file://$DIR/index.html" >"$dom" 2>/dev/null
timeout 120 "$BROWSER" "${flags[@]}" --window-size=1200,4000 --screenshot="$DIR/screenshot.png" \
  "file://$DIR/index.html" >/dev/null 2>&1 || true

failures=0
expect() {  # what, minimum count, pattern
  local n
  n=$(grep -o "$3" "$dom" | wc -l)
  if [[ $n -ge $2 ]]; then echo "  ok   $1 ($n)"; else echo "  FAIL $1: $n, expected at least $2"; failures=$((failures + 1)); fi
}
echo "report-browser: $PAGE in $("$BROWSER" --version 2>/dev/null | head -n 1)"
expect "the page was rendered by the browser" 1 '<h1>wakepath latency report</h1>'
expect "charts (percentile spectra and herd scaling)" 4 '<svg class="chart"'
expect "plotted series" 10 '<polyline class="series"'
expect "latency tables" 3 '<table class="latency"'
expect "goals table" 1 '<table class="goals"'
expect "verdict table" 1 '<table class="verdicts"'
expect "environment" 1 '<table class="env"'
expect "links to raw histograms" 10 '\.hgrm"'
[[ -s "$DIR/screenshot.png" ]] && echo "  screenshot: $DIR/screenshot.png"
if [[ $failures -gt 0 ]]; then echo "report-browser: $failures failed"; exit 1; fi
echo "report-browser: all passed"
