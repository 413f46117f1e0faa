#!/usr/bin/env bash
# Builds a fuzz target and runs it for SECONDS (default 300): the manifest loader, or with `json`
# first, the JSON reader that reads the server's answers.
#   Fuzz/run.sh [json] [SECONDS] [extra libFuzzer flags...]
# Crashes, timeouts and out-of-memory inputs go to fuzz-artifacts/; inputs that found new
# coverage go to fuzz-artifacts/corpus/ (fuzz-artifacts/corpus-json/ for JSON); the checked-in
# seeds in Fuzz/corpus/ and Fuzz/corpus-json/ are never written.
set -euo pipefail

target=ManifestLoaderFuzzer seeds=Fuzz/corpus found=fuzz-artifacts/corpus dict=(-dict=Fuzz/yaml.dict)
minimum_counters=40000
if [ "${1:-}" = json ]; then
  target=JSONParserFuzzer seeds=Fuzz/corpus-json found=fuzz-artifacts/corpus-json dict=()
  minimum_counters=1000
  shift
fi
seconds="${1:-300}"
shift || true
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# SwiftPM passes `--sanitize` to swiftc as one `-sanitize=` flag each, and swiftc keeps only the
# last of them: with `-sanitize=fuzzer -sanitize=address` the Swift code gets ASan but no coverage
# counters (only libyaml's C code would guide the fuzzer). The combined flag, given last, keeps both.
flags=(-c release --package-path Fuzz --scratch-path .build-fuzz
  --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address)
swift build "${flags[@]}" --product "$target"
binary="$(swift build "${flags[@]}" --show-bin-path)/$target"

mkdir -p "$found"
# LeakSanitizer reports Swift's lazily initialised globals (kept for the life of the process) as
# leaks, so leak detection is off; ASan's memory errors and libFuzzer's own checks stay on.
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
# Swift's own crash backtracer would race libFuzzer's handler; let libFuzzer report crashes.
export SWIFT_BACKTRACE="enable=no"
# A build without coverage counters in its Swift code would fuzz nearly blind (see docs/fuzzing.md).
counters="$("$binary" -runs=0 2>&1 | sed -n 's/.*(\([0-9]*\) inline 8-bit counters).*/\1/p' | head -n 1)"
if [ "${counters:-0}" -lt "$minimum_counters" ]; then
  echo "warning: only ${counters:-0} coverage counters (a full build of $target has far more);" \
    "fuzzing will be less guided, see docs/fuzzing.md" >&2
fi

# One process, no -jobs or -fork: the fuzzer shares the machine. -timeout stops at an input
# slower than 5 s; -report_slow_units reports (and saves) any slower than 1 s.
exec "$binary" "$found" "$seeds" \
  "${dict[@]}" \
  -max_total_time="$seconds" \
  -rss_limit_mb=2048 \
  -timeout=5 \
  -report_slow_units=1 \
  -max_len=16384 \
  -detect_leaks=0 \
  -print_final_stats=1 \
  -artifact_prefix=fuzz-artifacts/ \
  "$@"
