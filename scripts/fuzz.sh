#!/usr/bin/env bash
# Runs the cargo-fuzz targets (fuzz/fuzz_targets: ingest, segment, extract) one after another,
# SECONDS_EACH seconds each (default 600), seeded with the samples and the test cases.
#
#   cargo install cargo-fuzz        # once
#   scripts/fuzz.sh 600 [target...]
#
# The machine's stable toolchain is enough: RUSTC_BOOTSTRAP lets cargo-fuzz pass its flags, and
# no sanitizer is needed for safe Rust (a panic is what we look for). A crash lands in
# fuzz/artifacts/TARGET/; copy it to tests/fuzz-regressions/TARGET/ and `cargo test --test
# robustness` replays it forever after. The log of each run goes to fuzz/logs/TARGET.log.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
secs="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(ingest segment extract)
export RUSTC_BOOTSTRAP=1
cargo fuzz build -s none -a
mkdir -p logs
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  cp ../samples/*/*.txt "corpus/$t/" 2>/dev/null || true
  find ../tests/cases -name '*.txt' -exec cp {} "corpus/$t/" \; 2>/dev/null || true
  if [ -d "../tests/fuzz-regressions/$t" ]; then cp "../tests/fuzz-regressions/$t"/* "corpus/$t/"; fi
  echo "fuzzing $t for ${secs}s"
  cargo fuzz run -s none -a "$t" -- -max_total_time="$secs" -max_len=65536 -timeout=10 \
    -rss_limit_mb=4096 -print_final_stats=1 >"logs/$t.log" 2>&1 || echo "$t: crashed, see fuzz/logs/$t.log and fuzz/artifacts/$t/"
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|Done [0-9]+ runs" "logs/$t.log" || true
done
