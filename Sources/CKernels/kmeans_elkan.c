#include "segmenta_kernels.h"

#include "kmeans_rows.h"

#include <string.h>

/* a·b + c must stay two roundings in every build: the AVX2 kernels must equal the portable ones bit for bit. */
#pragma STDC FP_CONTRACT OFF

/* How far ahead the bounds loop fetches rows (see kmeans_hamerly.c). */
#define PREFETCH_ROWS 16

typedef float v4f __attribute__((vector_size(16)));
typedef int32_t v4i32 __attribute__((vector_size(16)));

/* Per lane the largest float ≤ v (v ≥ 0): lower bounds kept in single precision stay lower bounds. */
INLINE v4f floats_below(const v4d *v) {
  v4f f = __builtin_convertvector(*v, v4f);
  v4i32 over = __builtin_convertvector(__builtin_convertvector(f, v4d) > *v, v4i32);
  return (v4f)((v4i32)f + over);
}

/* Per lane the smallest float ≥ v (v ≥ 0): upper bounds kept in single precision stay upper bounds. */
INLINE v4f floats_above(const v4d *v) {
  v4f f = __builtin_convertvector(*v, v4f);
  v4i32 under = __builtin_convertvector(__builtin_convertvector(f, v4d) < *v, v4i32);
  return (v4f)((v4i32)f - under);
}

INLINE float float_below(double v) {
  v4d lanes = {v, 0, 0, 0};
  return floats_below(&lanes)[0];
}

INLINE float float_above(double v) {
  v4d lanes = {v, 0, 0, 0};
  return floats_above(&lanes)[0];
}

/* The double one unit below r > 0 (r itself for anything else): r = fl(a − b) is at most half a unit from the
   exact difference, so the result is ≤ it. */
INLINE double below_rounded(double r) {
  uint64_t bits;
  memcpy(&bits, &r, sizeof bits);
  bits -= r > 0 ? 1 : 0;
  memcpy(&r, &bits, sizeof r);
  return r;
}

/* The double one unit above a finite r > 0 (r itself for anything else), so that it is ≥ the exact sum. */
INLINE double above_rounded(double r) {
  uint64_t bits;
  memcpy(&bits, &r, sizeof bits);
  bits += r > 0 && r < INFINITY ? 1 : 0;
  memcpy(&r, &bits, sizeof r);
  return r;
}

/* A lower bound stored when its centre stood `moved` (at most) away from where it stands now: stored − moved,
   rounded down, at least 0. */
INLINE double decayed(float stored, double moved) {
  double r = below_rounded((double)stored - moved);
  return r > 0 ? r : 0;
}

/* Full scans of the queued rows, four per vector: label = the nearest centre, upper = its distance, lower = the
   distance to every centre (rounded outward to floats), stamp. `all` holds 4·k values. Returns whether a label
   changed. */
INLINE bool scan_queued(rescan_queue *queue, const double *x, long d, const double *centres, long k, double *xt,
                        double *all, uint8_t stamp, int32_t *labels, float *upper, float *lower, uint8_t *stamps) {
  transpose_queued(queue, x, d, xt);
  v4i label;
  v4d best;
  nearest_of_four(xt, d, centres, k, &label, &best, all, 4);
  best = __builtin_elementwise_sqrt(best);
  v4f nearest = floats_above(&best);
  bool changed = false;
  for (long r = 0; r < queue->count; r++) {
    long i = queue->rows[r];
    changed |= labels[i] != (int32_t)label[r];
    labels[i] = (int32_t)label[r];
    upper[i] = nearest[r];
    stamps[i] = stamp;
  }
  for (long j = 0; j < k; j++) {
    v4d distances = {all[j], all[k + j], all[2 * k + j], all[3 * k + j]};
    distances = __builtin_elementwise_sqrt(distances);
    v4f bounds = floats_below(&distances);
    for (long r = 0; r < queue->count; r++) lower[queue->rows[r] * k + j] = bounds[r];
  }
  queue->count = 0;
  return changed;
}

INLINE bool elkan_rows_body(const double *x, long d, long begin, long end, const double *centres, long k,
                            const double *half, const double *nearest_half, const double *drift, uint8_t stamp,
                            bool refresh, int32_t *labels, float *upper, float *lower, uint8_t *stamps,
                            double *sums, long *counts) {
  FOUR_ROWS_SCRATCH(xt, d);
  FOUR_ROWS_SCRATCH(all, k);
  rescan_queue queue = {{0, 0, 0, 0}, 0};
  bool changed = false;
  for (long i = begin; i < end; i++) {
    /* Only the scanned rows read their coordinates here; the sums below read every row (see kmeans_hamerly.c). */
    __builtin_prefetch(x + (i + PREFETCH_ROWS) * d);
    const double *moved = drift + (long)stamps[i] * k;
    const double *half_row = half + labels[i] * k;
    float *stored = lower + i * k;
    long label = labels[i];
    double bound = above_rounded((double)upper[i] + moved[label]);
    /* Without branches per centre: whether a centre other than the row's own (whose half_row entry is +∞) is
       neither ruled out by half its distance to the row's centre nor by its lower bound, bound ≥ stored − moved,
       tested as stored ≤ fl(bound + moved): rounding is monotone and `stored` a double, so the test never rules
       out a centre the exact one would admit (and needs no rounding down). */
    bool open = false;
    for (long j = 0; j < k; j++) open |= ((double)stored[j] <= bound + moved[j]) & (bound >= half_row[j]);
    if (open && nearest_half[label] <= bound) {
      queue.rows[queue.count++] = i;
      if (queue.count == 4)
        changed |= scan_queued(&queue, x, d, centres, k, xt, all, stamp, labels, upper, lower, stamps);
    } else if (refresh) {
      for (long j = 0; j < k; j++) stored[j] = float_below(decayed(stored[j], moved[j]));
      upper[i] = float_above(bound);
      stamps[i] = stamp;
    }
  }
  if (queue.count > 0)
    changed |= scan_queued(&queue, x, d, centres, k, xt, all, stamp, labels, upper, lower, stamps);
  FREE_FOUR_ROWS_SCRATCH(all);
  FREE_FOUR_ROWS_SCRATCH(xt);
  if (sums) add_rows(x, d, begin, end, labels, sums, counts);
  return changed;
}

bool segmenta_elkan_rows_portable(const double *x, long d, long begin, long end, const double *centres, long k,
                                  const double *half, const double *nearest_half, const double *drift,
                                  uint8_t stamp, bool refresh, int32_t *labels, float *upper, float *lower,
                                  uint8_t *stamps, double *sums, long *counts) {
  return elkan_rows_body(x, d, begin, end, centres, k, half, nearest_half, drift, stamp, refresh, labels, upper,
                         lower, stamps, sums, counts);
}

AVX2 bool segmenta_elkan_rows_avx2(const double *x, long d, long begin, long end, const double *centres, long k,
                                   const double *half, const double *nearest_half, const double *drift,
                                   uint8_t stamp, bool refresh, int32_t *labels, float *upper, float *lower,
                                   uint8_t *stamps, double *sums, long *counts) {
  return elkan_rows_body(x, d, begin, end, centres, k, half, nearest_half, drift, stamp, refresh, labels, upper,
                         lower, stamps, sums, counts);
}

bool segmenta_elkan_rows(const double *x, long d, long begin, long end, const double *centres, long k,
                         const double *half, const double *nearest_half, const double *drift, uint8_t stamp,
                         bool refresh, int32_t *labels, float *upper, float *lower, uint8_t *stamps, double *sums,
                         long *counts) {
  return segmenta_cpu_has_avx2()
             ? segmenta_elkan_rows_avx2(x, d, begin, end, centres, k, half, nearest_half, drift, stamp, refresh,
                                        labels, upper, lower, stamps, sums, counts)
             : segmenta_elkan_rows_portable(x, d, begin, end, centres, k, half, nearest_half, drift, stamp,
                                            refresh, labels, upper, lower, stamps, sums, counts);
}
