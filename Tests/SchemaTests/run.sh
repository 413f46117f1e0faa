#!/usr/bin/env bash
# Validates the examples and the invalid-manifest fixtures against schemas/*.schema.json with
# Python's jsonschema, an implementation independent of hogctl's Swift validator.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
python="$("$root/scripts/python-venv" "$root/Tests/SchemaTests/requirements.txt")"

cd "$root"
status=0
"$python" -m pytest -q -p no:cacheprovider "$root/Tests/SchemaTests" "$@" || status=$?
if [[ $status -eq 5 ]]; then
  echo "error: pytest collected no schema tests" >&2
fi
exit "$status"
