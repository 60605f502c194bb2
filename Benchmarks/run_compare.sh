#!/usr/bin/env bash
# Segmenta beside every peer of the shared benchmark (../shared/bench) in one run: the case list is
# run_peers.sh's own (read out of it, so the two never drift apart); for every peer case group
# (workload/size/variant) the matching Segmenta case is added with the peer part of the id changed
# (kmeans/segmenta_lloyd/1m/ninit1, silhouette/segmenta/20k/full, …). Every repetition runs all cases back to back
# (alternating implementations, so both see the same machine load), each run a fresh process under
# /usr/bin/time -v and a timeout; then compare_report.py prints medians, ratios (peer time / Segmenta time),
# peak memory, result quality and the issue's targets.
#
#   Benchmarks/run_compare.sh                          # from the project root; everything, ~15 min per rep on 2 cores
#   REPS=3 ONLY='^(kmeans|kmeans_fixedinit)/' Benchmarks/run_compare.sh
#
# Knobs (environment):
#   REPS=1            repetitions (medians are reported)
#   THREADS=2         threads for both sides (OpenMP/BLAS env + threadpoolctl for Python, --threads for Swift)
#   ONLY=REGEX        only case ids matching REGEX (grep -E), e.g. ONLY='^silhouette/'
#   SKIP=REGEX        leave out case ids matching REGEX, e.g. SKIP='/100k/full' (scikit-learn's ~95 s silhouette)
#   BENCH=DIR         the shared benchmark folder (default ../shared/bench beside the project root)
#   BENCH_WORK=DIR    venv, data and results (default ~/.cache/segmenta-bench, as run_peers.sh); results go to
#                     $BENCH_WORK/compare/ (raw.jsonl, runs.tsv, time/, report.md)
#   PYTHON=...        Python with the pinned peers (default $BENCH_WORK/.venv/bin/python, created as below)
#   TIMEOUT=600       per-run timeout in seconds
#   SESSION_SIZE=100k data size of the whole-session case (segmenta run of a generated .seg file)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
BENCH="${BENCH:-$ROOT/../shared/bench}"
WORK="${BENCH_WORK:-${XDG_CACHE_HOME:-$HOME/.cache}/segmenta-bench}"
D="$WORK/data"
OUT="$WORK/compare"
REPS="${REPS:-1}"
THREADS="${THREADS:-2}"
ONLY="${ONLY:-}"
SKIP="${SKIP:-}"
TIMEOUT="${TIMEOUT:-600}"
SESSION_SIZE="${SESSION_SIZE:-100k}"
VENV="$WORK/.venv"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ------------------------------------------------------------------ venv --
# run_peers.sh's venv (same place, same requirements.txt). If it is missing it is created here with
# --system-site-packages, so pinned packages the system Python already has are reused and pip only adds the rest
# (fastcluster, pandas); run_peers.sh accepts that venv because it only checks the installed versions.
if [[ -z "${PYTHON:-}" ]]; then
  PYTHON="$VENV/bin/python"
  if [[ ! -x "$PYTHON" ]]; then
    log "creating $VENV (requirements.txt of $BENCH)"
    python3 -m venv --system-site-packages "$VENV"
  fi
  "$PYTHON" -m pip install --quiet -r "$BENCH/requirements.txt"
fi
"$PYTHON" -c 'import sklearn, sys; sys.exit(sklearn.__version__ != "1.9.1")' \
  || { echo "run_compare.sh: $PYTHON needs scikit-learn 1.9.1 (set PYTHON=...)" >&2; exit 2; }

mkdir -p "$D" "$OUT"
[ -f "$D/MANIFEST.json" ] || cp "$BENCH/data/MANIFEST.json" "$D/"
log "data in $D (gen_data.py writes missing files only)"
"$PYTHON" "$BENCH/gen_data.py" --out "$D" >&2

log "building segmenta-bench and segmenta (release)"
(cd "$ROOT" && swift build -c release --product segmenta-bench >&2 && swift build -c release --product segmenta >&2)
SEGMENTA_BENCH="$ROOT/.build/release/segmenta-bench"
SEGMENTA="$ROOT/.build/release/segmenta"

# ------------------------------------------------------------- case list --
# run_peers.sh's CASES array, evaluated with its own variables ($D, $PY); each entry "id|peers.py args|reps".
PY="$PYTHON"
eval "$(sed -n '/^CASES=(/,/^run_case() {/p' "$BENCH/run_peers.sh" | sed '$d')"
[[ ${#CASES[@]} -gt 10 ]] || { echo "run_compare.sh: could not read the case list of run_peers.sh" >&2; exit 2; }

# "id|py ARGS" for peers, "id|swift ARGS" for segmenta-bench, "id|session CSV" for the whole-session case.
ALL=()
declare -A seen=()
for c in "${CASES[@]}"; do
  id="${c%%|*}"; rest="${c#*|}"; args="${rest%%|*}"
  IFS=/ read -r workload peer size variant <<<"$id"
  case "$workload" in sysinfo) continue ;; physlimit) ALL+=("$id|py $args"); continue ;; esac
  ALL+=("$id|py $args")
  group="$workload/$size${variant:+/$variant}"
  [[ -n "${seen[$group]:-}" ]] && continue
  seen[$group]=1
  # shellcheck disable=SC2001
  sargs="$(sed -e 's/--peer [^ ]*//' <<<"$args")"
  if [[ "$workload" == kmeans || "$workload" == kmeans_fixedinit ]]; then
    for alg in lloyd elkan hamerly; do
      ALL+=("$workload/segmenta_$alg/$size${variant:+/$variant}|swift $sargs --algorithm $alg")
    done
  else
    ALL+=("$workload/segmenta/$size${variant:+/$variant}|swift $sargs")
  fi
done
for v in run inspect compare; do ALL+=("session/segmenta/$SESSION_SIZE/$v|session $D/customers_$SESSION_SIZE.csv"); done

selected=()
for c in "${ALL[@]}"; do
  id="${c%%|*}"
  [[ -n "$ONLY" ]] && ! grep -Eq -- "$ONLY" <<<"$id" && continue
  [[ -n "$SKIP" ]] && grep -Eq -- "$SKIP" <<<"$id" && continue
  selected+=("$c")
done

RAW="$OUT/raw.jsonl"
: > "$RAW"
: > "$OUT/stderr.txt"
rm -rf "$OUT/time"
mkdir -p "$OUT/time"
printf 'case\trep\trc\twall_s\tmaxrss_kb\tloadavg_1m\n' > "$OUT/runs.tsv"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PYTHON" "$BENCH/peers.py" sysinfo --threads "$THREADS" > "$OUT/sysinfo.json"
{ echo "nproc $(nproc)"; grep -m1 'model name' /proc/cpuinfo; echo "loadavg_start $(cat /proc/loadavg)";
  echo "toolchain $(swift --version 2>&1 | head -1)"; echo "threads $THREADS reps $REPS"; } > "$OUT/machine.txt"

# The whole-session cases: what a user runs, `segmenta run FILE.seg`, on sessions written here. Each variant
# adds commands to the previous one, so the differences of their wall times are the commands' costs:
#   run      load, features (the 8 numeric columns), scale zscore, run kmeans k=6
#   inspect  + inspect km, describe
#   compare  + run kmeans k=5, compare km km5 (exact silhouette of both variants, CH, DB, ARI)
session_file() {  # csv variant
  cat <<SEG
version 1
set seed 0
load $1 as customers
features annual_revenue_eur employees order_count_12m avg_order_value_eur discount_rate days_since_last_order service_revenue_share product_line_breadth
scale zscore
run kmeans k=6 as km
SEG
  if [[ "$2" != run ]]; then printf 'inspect km\ndescribe\n'; fi
  if [[ "$2" == compare ]]; then printf 'run kmeans k=5 as km5\ncompare km km5\n'; fi
}

run_case() {  # id command rep
  local id="$1" kind="${2%% *}" args="${2#* }" rep="$3" rc=0 tf t0 t1 wall rss load
  tf="$OUT/time/${id//\//__}.r$rep.txt"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  t0=$(date +%s.%N)
  case "$kind" in
    py)
      # shellcheck disable=SC2086
      timeout --kill-after=10 "$TIMEOUT" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS="$THREADS" \
        OPENBLAS_NUM_THREADS="$THREADS" MKL_NUM_THREADS="$THREADS" BLIS_NUM_THREADS="$THREADS" \
        NUMEXPR_NUM_THREADS="$THREADS" BENCH_THREADS="$THREADS" \
        /usr/bin/time -v -o "$tf" "$PYTHON" "$BENCH/peers.py" $args --threads "$THREADS" --case "$id" --rep "$rep" \
        >> "$RAW" 2>> "$OUT/stderr.txt" || rc=$? ;;
    swift)
      # shellcheck disable=SC2086
      timeout --kill-after=10 "$TIMEOUT" /usr/bin/time -v -o "$tf" "$SEGMENTA_BENCH" $args --threads "$THREADS" \
        --case "$id" --rep "$rep" >> "$RAW" 2>> "$OUT/stderr.txt" || rc=$? ;;
    session)
      session_file "$args" "${id##*/}" > "$OUT/bench_session.seg"
      timeout --kill-after=10 "$TIMEOUT" /usr/bin/time -v -o "$tf" "$SEGMENTA" run "$OUT/bench_session.seg" \
        > "$OUT/session_transcript.txt" 2>> "$OUT/stderr.txt" || rc=$? ;;
  esac
  t1=$(date +%s.%N)
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')
  rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$tf" 2>/dev/null || true)
  if [[ "$kind" == session && $rc == 0 ]]; then
    printf '{"workload": "session", "peer": "segmenta", "case": "%s", "rep": %s, "csv": "%s", "n": null, "d": 8, "k": 6, "params": {"command": "segmenta run FILE.seg", "session": "%s", "threads": "default"}, "seconds": %s, "load_s": null, "prep_s": null, "loadavg_1m_start": %s, "result": {}, "threads": {"threads": null}, "ru_maxrss_kb": %s, "status": "ok"}\n' \
      "$id" "$rep" "$(basename "$args")" "$(grep -v '^version\|^set\|^load\|^features' "$OUT/bench_session.seg" | paste -sd';')" \
      "$wall" "$load" "${rss:-0}" >> "$RAW"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$rep" "$rc" "$wall" "${rss:-}" "$load" >> "$OUT/runs.tsv"
  log "rep $rep  $id  rc=$rc  ${wall}s  load $load"
}

log "${#selected[@]} cases x $REPS reps, THREADS=$THREADS, load $(cut -d' ' -f1-3 /proc/loadavg)"
for ((rep = 1; rep <= REPS; rep++)); do
  for c in "${selected[@]}"; do run_case "${c%%|*}" "${c#*|}" "$rep"; done
done
echo "loadavg_end $(cat /proc/loadavg)" >> "$OUT/machine.txt"

"$PYTHON" "$HERE/compare_report.py" "$RAW" --runs "$OUT/runs.tsv" --sysinfo "$OUT/sysinfo.json" \
  --machine "$OUT/machine.txt" | tee "$OUT/report.md"
log "wrote $OUT/report.md and $RAW"
