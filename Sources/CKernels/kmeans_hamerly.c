#include "segmenta_kernels.h"

#include "kmeans_rows.h"

/* a·b + c must stay two roundings in every build: the AVX2 kernels must equal the portable ones bit for bit. */
#pragma STDC FP_CONTRACT OFF

/* How far ahead the bounds loop fetches rows. */
#define PREFETCH_ROWS 16

/* Full scans of the queued rows (the last one repeated in unused lanes): label, upper = distance to the nearest
   centre, lower = distance to the second nearest. Returns whether a label changed. */
INLINE bool rescan(rescan_queue *queue, const double *x, long d, const double *centres, long k, double *xt,
                   int32_t *labels, double *upper, double *lower) {
  transpose_queued(queue, x, d, xt);
  v4i label;
  v4d best;
  v4d second;
  nearest_two_of_four(xt, d, centres, k, &label, &best, &second);
  bool changed = false;
  for (long r = 0; r < queue->count; r++) {
    long i = queue->rows[r];
    upper[i] = sqrt(best[r]);
    lower[i] = sqrt(second[r]);
    changed |= labels[i] != (int32_t)label[r];
    labels[i] = (int32_t)label[r];
  }
  queue->count = 0;
  return changed;
}

INLINE bool hamerly_rows_body(const double *x, long d, long begin, long end, const double *centres, long k,
                              const double *nearest_half, const double *shifts, long largest, double runner_up,
                              int32_t *labels, double *upper, double *lower, double *sums, long *counts) {
  FOUR_ROWS_SCRATCH(xt, d);
  rescan_queue queue = {{0, 0, 0, 0}, 0};
  bool changed = false;
  const double top = shifts[largest];
  for (long i = begin; i < end; i++) {
    /* Only some rows read their coordinates here, which breaks the hardware prefetcher's stream; the sums below
       read every row anyway, so fetching each one ahead costs no extra traffic. */
    __builtin_prefetch(x + (i + PREFETCH_ROWS) * d);
    long label = labels[i];
    double bound = upper[i] + shifts[label];
    double floor = lower[i] - (label == largest ? runner_up : top);
    double limit = floor >= nearest_half[label] ? floor : nearest_half[label];
    if (bound >= limit) bound = sqrt(squared_distance(x + i * d, centres + label * d, d));
    upper[i] = bound;
    lower[i] = floor;
    if (bound >= limit) {
      queue.rows[queue.count++] = i;
      if (queue.count == 4) changed |= rescan(&queue, x, d, centres, k, xt, labels, upper, lower);
    }
  }
  if (queue.count > 0) changed |= rescan(&queue, x, d, centres, k, xt, labels, upper, lower);
  FREE_FOUR_ROWS_SCRATCH(xt);
  if (sums) add_rows(x, d, begin, end, labels, sums, counts);
  return changed;
}

bool segmenta_hamerly_rows_portable(const double *x, long d, long begin, long end, const double *centres, long k,
                                    const double *nearest_half, const double *shifts, long largest,
                                    double runner_up, int32_t *labels, double *upper, double *lower, double *sums,
                                    long *counts) {
  return hamerly_rows_body(x, d, begin, end, centres, k, nearest_half, shifts, largest, runner_up, labels, upper,
                           lower, sums, counts);
}

AVX2 bool segmenta_hamerly_rows_avx2(const double *x, long d, long begin, long end, const double *centres, long k,
                                     const double *nearest_half, const double *shifts, long largest,
                                     double runner_up, int32_t *labels, double *upper, double *lower, double *sums,
                                     long *counts) {
  return hamerly_rows_body(x, d, begin, end, centres, k, nearest_half, shifts, largest, runner_up, labels, upper,
                           lower, sums, counts);
}

bool segmenta_hamerly_rows(const double *x, long d, long begin, long end, const double *centres, long k,
                           const double *nearest_half, const double *shifts, long largest, double runner_up,
                           int32_t *labels, double *upper, double *lower, double *sums, long *counts) {
  return segmenta_cpu_has_avx2()
             ? segmenta_hamerly_rows_avx2(x, d, begin, end, centres, k, nearest_half, shifts, largest, runner_up,
                                          labels, upper, lower, sums, counts)
             : segmenta_hamerly_rows_portable(x, d, begin, end, centres, k, nearest_half, shifts, largest,
                                              runner_up, labels, upper, lower, sums, counts);
}
