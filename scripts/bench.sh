#!/usr/bin/env bash
# Times whole runs of the release binary (speed is measured here, never in unit tests).
# Usage: scripts/bench.sh [POLNEAR_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/gainsay
polnear=${1:-../shared/data/polnear}

echo "== check on the samples (10 runs)"
time (for _ in $(seq 10); do "$bin" check samples/aleppo-2016-09 >/dev/null; done)

if [ -d "$polnear/train/text" ]; then
  echo "== extract over PolNeAR train texts ($(cat "$polnear"/train/text/*.txt | wc -c) bytes)"
  time "$bin" extract "$polnear/train/text" >/dev/null
  echo "== eval throughput on PolNeAR dev (extraction only)"
  "$bin" eval attributions --polnear "$polnear" --split dev | grep "chars/s"
else
  echo "PolNeAR not found at $polnear: skipping the corpus timings"
fi
