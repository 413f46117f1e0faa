#!/usr/bin/env bash
# The release tarball as a user gets it: scripts/package builds it, it is unpacked into an empty
# directory and run with a PATH and environment that hold no Swift toolchain. `ldd` must list no
# Swift library: the runtime and Foundation are inside the binary.
set -euo pipefail
cd "$(dirname "$0")/../.."

fail() { echo "package test: $*" >&2; exit 1; }

tarball="$(scripts/package | tail -n 1)"
(cd dist && sha256sum --check --quiet SHA256SUMS) || fail "SHA256SUMS does not match $tarball"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$tarball"
folder="$work/$(basename "$tarball" .tar.gz)"
[ "$(ls "$folder")" = "$(printf 'README.md\nhogctl')" ] || fail "unexpected files in the tarball: $(ls "$folder")"
hogctl="$folder/hogctl"

# Dynamic dependencies: only the C library and friends; nothing from Swift, nothing missing.
libraries="$(ldd "$hogctl")"
echo "$libraries"
if grep -iE 'swift|Foundation|dispatch|BlocksRuntime|icu' <<<"$libraries"; then
  fail "the binary loads a Swift library (above)"
fi
if grep 'not found' <<<"$libraries"; then fail "a library the binary needs is missing (above)"; fi

# A clean environment: no Swift on PATH, no library path, a fresh HOME.
clean=(env -i "PATH=/usr/bin:/bin" "HOME=$work" "NO_COLOR=1")
if "${clean[@]}" sh -c 'command -v swift' >/dev/null; then
  fail "swift is on the test's PATH (/usr/bin:/bin); the test would not show the binary runs without it"
fi

version="$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/HogctlCore/HogctlVersion.swift)"
[ "$("${clean[@]}" "$hogctl" --version)" = "$version" ] || fail "hogctl --version did not print $version"

cp -R examples/quickstart "$work/manifests"
cd "$work"
"${clean[@]}" WEBHOOK_SIGNING_SECRET=demo-signing-secret "$hogctl" validate manifests \
  || fail "hogctl validate failed"
plan="$("${clean[@]}" WEBHOOK_SIGNING_SECRET=demo-signing-secret "$hogctl" plan --emulator manifests)" \
  || fail "hogctl plan --emulator failed: $plan"
echo "$plan" | tail -n 3
grep -q '^Plan: [1-9][0-9]* to create' <<<"$plan" || fail "plan --emulator did not plan the quickstart's creates"
echo "package test passed: $(basename "$tarball")"
