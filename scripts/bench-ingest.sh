#!/usr/bin/env bash
# Ingest throughput on generated minutes (≥100 MB), beside a peer measured in the
# same run: `wc -lw`, one C pass over the same bytes. Usage: scripts/bench-ingest.sh [MB]
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-110}
data=bench-data/minutes-${mb}mb
[ -d "$data" ] || python3 scripts/gen-bench-minutes.py "$data" --megabytes "$mb" --seed 1
cargo build --release -q -p referat-cli
bytes=$(cat "$data"/*.txt | wc -c)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

best() { # best of 3 wall-clock seconds for a command
  local b=999999
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N)
    b=$(python3 -c "print(min($b, $e - $s))")
  done
  echo "$b"
}
t_referat=$(best target/release/referat ingest -j 1 "$data" -o "$out/bundle.json")
t_all=$(best target/release/referat ingest "$data" -o "$out/bundle.json")
t_nocheck=$(best target/release/referat ingest -j 1 --no-check "$data" -o "$out/bundle.json")
t_wc=$(best sh -c "cat $data/*.txt | wc -lw")
python3 - "$bytes" "$t_referat" "$t_wc" "$t_all" "$(nproc)" "$t_nocheck" <<'PY'
import sys
n, tr, tw, ta, cores, tn = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5], float(sys.argv[6])
mb = n / 1e6
print(f"input: {mb:.1f} MB")
print(f"referat ingest (1 thread):  {tr:.2f} s, {mb / tr:.1f} MB/s")
print(f"referat ingest ({cores} cores): {ta:.2f} s, {mb / ta:.1f} MB/s")
print(f"  1 thread, --no-check:     {tn:.2f} s, {mb / tn:.1f} MB/s")
print(f"peer wc -lw:               {tw:.2f} s, {mb / tw:.1f} MB/s")
print(f"ratio referat/wc time:     {tr / tw:.1f}x")
PY
