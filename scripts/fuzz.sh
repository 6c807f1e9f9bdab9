#!/usr/bin/env bash
# Builds the libFuzzer targets (preset `fuzz`: clang, ASan + UBSan) and runs
# each for SECONDS seconds (default 30) on its seed corpus (tests/fuzz/<target>/).
# Bounds (tests/fuzz/README.md): an input taking over 1 s is a failure
# (-timeout=1), so is a process over 2 GB resident (-rss_limit_mb=2048), and
# so is any sanitizer report or crash. New inputs found go to
# build/fuzz/corpus/<target>/, never into the source tree; a crash leaves
# build/fuzz/crash-<target>-* to minimise and add to tests/fuzz/<target>/.
# usage: scripts/fuzz.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}; shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(article dates corrections geo_read jsonl style)
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)" --target "${targets[@]/#/fuzz_}"
export GEOEVENTS_INDEX=${GEOEVENTS_INDEX:-$PWD/.cache/gazetteer.geoidx}
# GDAL keeps a few allocations until exit: not ours, and not a growth.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
status=0
for t in "${targets[@]}"; do
  corpus=build/fuzz/corpus/$t
  mkdir -p "$corpus"
  seeds=("tests/fuzz/$t")
  [ "$t" = article ] && seeds+=(samples/barkhane samples/other)
  echo "== fuzz_$t for ${seconds}s" >&2
  if ! build/fuzz/bin/fuzz_"$t" "$corpus" "${seeds[@]}" -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 \
       -max_len=65536 -print_final_stats=1 -artifact_prefix="build/fuzz/crash-$t-" > "build/fuzz/$t.log" 2>&1; then
    echo "fuzz_$t FAILED (build/fuzz/$t.log):" >&2; tail -30 "build/fuzz/$t.log" >&2; status=1
  fi
  grep -E "DONE|stat::number_of_executed_units|stat::peak_rss_mb" "build/fuzz/$t.log" >&2 || true
done
exit $status
