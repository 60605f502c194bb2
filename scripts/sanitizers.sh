#!/usr/bin/env bash
# Builds and runs the whole test suite once with AddressSanitizer and once with ThreadSanitizer, in separate build
# folders (.build-asan, .build-tsan) so the normal build is untouched. Takes several minutes each on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
for sanitizer in address thread; do
  echo "== swift test --sanitize=$sanitizer"
  swift test --sanitize="$sanitizer" --scratch-path ".build-$sanitizer" 2>&1 | tail -n 3
done
