#!/usr/bin/env bash
# Builds and runs the whole test suite once with AddressSanitizer (LeakSanitizer included) and once with
# ThreadSanitizer, in separate build folders (.build-address, .build-thread) so the normal build is untouched.
# The end-to-end tests drive the sanitized binary (SEGMENTA_TEST_BINARY), so it is checked too. Run it next to a
# PostgreSQL server so the PostgreSQL suites run as well:
#   CI=true scripts/with-postgres.sh scripts/sanitizers.sh
# Leaks inside the toolchain's XCTest and Foundation are suppressed by scripts/lsan-suppressions.txt (see
# docs/DEVELOPING.md, "Sanitizers"). Exits 1 when a test fails or any sanitizer reports anything. Logs:
# .build-address/test.log, .build-thread/test.log. Takes 20-40 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=1"
status=0
for sanitizer in address thread; do
  scratch=".build-$sanitizer"
  echo "== swift test --sanitize=$sanitizer"
  swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" 2>&1 | tail -n 1
  if ! SEGMENTA_TEST_BINARY="$PWD/$scratch/debug/segmenta" \
    swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" > "$scratch/test.log" 2>&1; then
    echo "swift test failed (--sanitize=$sanitizer): see $scratch/test.log"
    status=1
  fi
  grep -E "Executed [0-9]+ tests?|Test run with [0-9]+ tests?|Suppressions used|^ *[0-9]+ +[0-9]+ +leak:" \
    "$scratch/test.log" || true
  if grep -E "ERROR: (Address|Leak)Sanitizer|WARNING: ThreadSanitizer|SUMMARY: (Address|Thread)Sanitizer" \
    "$scratch/test.log"; then
    echo "sanitizer report (--sanitize=$sanitizer): see $scratch/test.log"
    status=1
  fi
done
exit $status
