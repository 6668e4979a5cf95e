#!/usr/bin/env bash
# Opens the HTML report of the samples in headless Chromium, the way a reader would see it:
# checks that the page loads with no console errors and shows the findings and the coverage
# tables, and keeps a screenshot in docs/report.png. Needs chromium (scripts/install-chromium.sh);
# .ci/run calls this only when chromium is present.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null 2>&1 || { echo "chromium not found: run scripts/install-chromium.sh"; exit 2; }
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target/release/gainsay check samples/aleppo-2016-09 --format html -o "$work/report.html"
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run
       --user-data-dir="$work/profile" --enable-logging=stderr --v=0)
# the page as the browser built it
timeout 60 chromium "${flags[@]}" --dump-dom "file://$work/report.html" >"$work/dom.html" 2>"$work/console.log"
fail=0
if grep -E "CONSOLE|Uncaught" "$work/console.log" | grep -qiE "error|uncaught"; then
  echo "console errors:"; grep -E "CONSOLE|Uncaught" "$work/console.log"; fail=1
fi
for want in "gainsay contradiction report" "responsibility-dispute" "casualty-disjoint" \
            "control-opposed" "Claims per event and report" "Claims per party and event" \
            "One-sided disputes" "<svg" "Documents"; do
  grep -qF "$want" "$work/dom.html" || { echo "missing in the rendered page: $want"; fail=1; }
done
mkdir -p docs
timeout 60 chromium "${flags[@]}" --hide-scrollbars --window-size=1200,3400 \
  --screenshot="$PWD/docs/report.png" "file://$work/report.html" >/dev/null 2>>"$work/console.log"
[ -s docs/report.png ] || { echo "no screenshot"; fail=1; }
[ "$fail" -eq 0 ] && echo "html-check: the page loads without console errors and shows the findings and tables; screenshot in docs/report.png"
exit "$fail"
