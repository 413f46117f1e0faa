#!/usr/bin/env bash
# Validates the examples and the invalid-manifest fixtures against schemas/*.schema.json with
# Python's jsonschema, an implementation independent of hogctl's Swift validator.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
venv="$root/.build-venv"
python="${PYTHON:-python3}"

if [[ ! -x "$venv/bin/python" ]]; then
  "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  -r "$root/Tests/SchemaTests/requirements.txt"

cd "$root"
status=0
"$venv/bin/python" -m pytest -q -p no:cacheprovider "$root/Tests/SchemaTests" "$@" || status=$?
if [[ $status -eq 5 ]]; then
  echo "error: pytest collected no schema tests" >&2
fi
exit "$status"
