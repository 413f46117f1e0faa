#!/usr/bin/env bash
# Differential test of hogctl's Hog parser against PostHog's own (the hogql-parser wheel, C++ ANTLR):
# the hand-written corpus, every Hog program in examples/ and Tests/, and generated programs.
# Needs a built hogctl (.build/debug/hogctl). HOG_DIFF_GENERATED sets how many programs to generate
# (CI: 10,000, about a minute; the recorded run in docs/hog.md: 100,000).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
python="$("$root/scripts/python-venv" "$root/Tests/HogDiff/requirements.txt")"

cd "$root"
exec "$python" "$root/Tests/HogDiff/hogdiff.py" \
  --parser "$root/.build/debug/hogctl hog parse --jsonl -" \
  --generated "${HOG_DIFF_GENERATED:-10000}" --show 10 "$@"
