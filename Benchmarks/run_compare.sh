#!/usr/bin/env bash
# Segmenta beside scikit-learn on the peer benchmark's k-means cases (../shared/bench), in one run:
# every repetition runs each case for every implementation back to back (alternating, so both see the same
# machine load), each run a fresh process; then compare_report.py prints medians, ratios and result checks.
#
#   Benchmarks/run_compare.sh                  # from the project root; ~10 min on 2 cores (REPS=3, 100k + 1m)
#   REPS=5 SIZES="1m" ONLY='fixedinit' Benchmarks/run_compare.sh
#
# Knobs (environment):
#   REPS=3            repetitions (medians are reported)
#   THREADS=2         threads for both sides (OpenMP/BLAS env + threadpoolctl for Python, --threads for Swift)
#   SIZES="100k 1m"   data sizes (gen_data.py file tags)
#   ONLY=REGEX        only case ids matching REGEX (grep -E), e.g. ONLY='^kmeans_fixedinit/'
#   BENCH=DIR         the shared benchmark folder (default ../shared/bench beside the project root)
#   BENCH_WORK=DIR    data and results (default ~/.cache/segmenta-bench, as run_peers.sh); data/ is generated
#                     there by gen_data.py when missing, results go to $BENCH_WORK/compare/
#   PYTHON=...        Python with scikit-learn 1.9.1 and threadpoolctl (default: $BENCH_WORK/.venv/bin/python
#                     if run_peers.sh created it, else python3)
#   TIMEOUT=600       per-run timeout in seconds
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
BENCH="${BENCH:-$ROOT/../shared/bench}"
WORK="${BENCH_WORK:-${XDG_CACHE_HOME:-$HOME/.cache}/segmenta-bench}"
D="$WORK/data"
OUT="$WORK/compare"
REPS="${REPS:-3}"
THREADS="${THREADS:-2}"
SIZES="${SIZES:-100k 1m}"
ONLY="${ONLY:-}"
TIMEOUT="${TIMEOUT:-600}"
if [[ -z "${PYTHON:-}" ]]; then
  if [[ -x "$WORK/.venv/bin/python" ]]; then PYTHON="$WORK/.venv/bin/python"; else PYTHON=python3; fi
fi
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

"$PYTHON" -c 'import sklearn, sys; sys.exit(sklearn.__version__ != "1.9.1")' \
  || { echo "run_compare.sh: $PYTHON needs scikit-learn 1.9.1 (set PYTHON=...)" >&2; exit 2; }

mkdir -p "$D" "$OUT"
files=()
for size in $SIZES; do files+=("customers_$size.csv"); done
log "data in $D (gen_data.py writes missing files only)"
"$PYTHON" "$BENCH/gen_data.py" --out "$D" --only "${files[@]}"

log "building segmenta-bench (release)"
(cd "$ROOT" && swift build -c release --product segmenta-bench >&2)
SEGMENTA="$ROOT/.build/release/segmenta-bench"

# case list: "case_id|command" (peers.py or segmenta-bench arguments; the runner adds --csv/--threads/--case/--rep)
CASES=()
for size in $SIZES; do
  csv="$D/customers_$size.csv"
  for alg in lloyd elkan; do
    CASES+=("kmeans_fixedinit/sklearn_$alg/$size/iter20|py kmeans_fixedinit --peer sklearn_$alg --max-iter 20 --csv $csv")
  done
  for alg in lloyd elkan hamerly; do
    CASES+=("kmeans_fixedinit/segmenta_$alg/$size/iter20|swift kmeans_fixedinit --algorithm $alg --max-iter 20 --csv $csv")
  done
  for ni in 1 10; do
    for alg in lloyd elkan; do
      CASES+=("kmeans/sklearn_$alg/$size/ninit$ni|py kmeans --peer sklearn_$alg --n-init $ni --csv $csv")
    done
    for alg in lloyd elkan hamerly; do
      CASES+=("kmeans/segmenta_$alg/$size/ninit$ni|swift kmeans --algorithm $alg --n-init $ni --csv $csv")
    done
  done
  CASES+=("minibatch_kmeans/sklearn/$size|py minibatch_kmeans --csv $csv")
  CASES+=("minibatch_kmeans/segmenta/$size|swift minibatch_kmeans --csv $csv")
done

RAW="$OUT/raw.jsonl"
: > "$RAW"
"$PYTHON" "$BENCH/peers.py" sysinfo --threads "$THREADS" > "$OUT/sysinfo.json"

run_case() {  # id command rep
  local id="$1" kind="${2%% *}" args="${2#* }" rep="$3" rc=0
  local cmd=()
  if [[ "$kind" == py ]]; then
    cmd=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS="$THREADS" OPENBLAS_NUM_THREADS="$THREADS"
         MKL_NUM_THREADS="$THREADS" BENCH_THREADS="$THREADS" "$PYTHON" "$BENCH/peers.py")
  else
    cmd=("$SEGMENTA")
  fi
  # shellcheck disable=SC2086
  timeout --kill-after=10 "$TIMEOUT" "${cmd[@]}" $args --threads "$THREADS" --case "$id" --rep "$rep" \
    >> "$RAW" 2>> "$OUT/stderr.txt" || rc=$?
  log "rep $rep  $id  rc=$rc"
}

selected=()
for c in "${CASES[@]}"; do
  id="${c%%|*}"
  if [[ -z "$ONLY" ]] || grep -Eq -- "$ONLY" <<<"$id"; then selected+=("$c"); fi
done
log "${#selected[@]} cases x $REPS reps, THREADS=$THREADS, load $(cut -d' ' -f1-3 /proc/loadavg)"
for ((rep = 1; rep <= REPS; rep++)); do
  for c in "${selected[@]}"; do run_case "${c%%|*}" "${c#*|}" "$rep"; done
done

"$PYTHON" "$HERE/compare_report.py" "$RAW" --sysinfo "$OUT/sysinfo.json" \
  --toolchain "$(swift --version 2>&1 | head -1)" | tee "$OUT/report.md"
log "wrote $OUT/report.md and $RAW"
