#!/usr/bin/env bash
# Runs each fuzz target for a fixed time (default 60 s), seeded from the samples.
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# Crashes land in fuzz/artifacts/<target>/; turn each into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
mkdir -p fuzz/corpus/minutes fuzz/corpus/bundle fuzz/corpus/url_hash fuzz/corpus/pdf
cp tests/fixtures/pdf/*.pdf fuzz/corpus/pdf/
cp examples/norddjurs/*.txt tests/fixtures/*.txt fuzz/corpus/minutes/
cargo run -q -p referat-cli -- ingest examples/norddjurs -o fuzz/corpus/bundle/sample.json >/dev/null 2>&1
printf '%s' '#/?udvalg=Voksen-+og+plejeudvalget&fra=2024-01-01&udfald=approved&q=%C3%B8konomi' > fuzz/corpus/url_hash/filters
printf '%s' '#/punkt/vpu-2024-04-24-1?fravaer=Tom+Bytoft' > fuzz/corpus/url_hash/item
status=0
for target in minutes bundle url_hash pdf; do
  echo "== $target ($seconds s)"
  if cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- -max_total_time="$seconds" -max_len=65536 \
      >"fuzz/$target.log" 2>&1; then
    grep -E "Done [0-9]+ runs" "fuzz/$target.log" | tail -1
  else
    status=1
    grep -E "panicked|SUMMARY|Test unit written" "fuzz/$target.log" | head -4
  fi
done
exit $status
