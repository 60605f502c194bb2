#!/usr/bin/env bash
# Seeded fuzzing of the CSV reader and the command language.
#   scripts/fuzz.sh [SECONDS_EACH] [SEED]      (CI runs 30 s each; run longer by hand, e.g. 600)
# A crash ends the fuzzer; the reproducing case seed is in fuzz-last-case.txt:
#   .build/debug/segmenta-fuzz csv --case SEED   — then turn it into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
seed="${2:-$(date +%s)}"
swift build --product segmenta-fuzz >/dev/null
work=$(mktemp -d)
for target in csv commands; do
  if ! (cd "$work" && "$OLDPWD/.build/debug/segmenta-fuzz" "$target" --seconds "$seconds" --seed "$seed"); then
    echo "fuzz: $target crashed; reproduce with: .build/debug/segmenta-fuzz $target --case $(cat "$work/fuzz-last-case.txt")"
    exit 1
  fi
done
rm -rf "$work"
