#include "segmenta_kernels.h"

#include "kmeans_rows.h"

/* a·b + c must stay two roundings in every build: the AVX2 kernels must equal the portable ones bit for bit. */
#pragma STDC FP_CONTRACT OFF

/* How far ahead the bounds loop fetches rows (see kmeans_hamerly.c). */
#define PREFETCH_ROWS 16

INLINE bool elkan_rows_body(const double *x, long d, long begin, long end, const double *centres, long k,
                            const double *half, const double *nearest_half, const double *shifts, int32_t *labels,
                            double *upper, double *lower, double *sums, long *counts) {
  bool changed = false;
  for (long i = begin; i < end; i++) {
    __builtin_prefetch(x + (i + PREFETCH_ROWS) * d);
    const double *row = x + i * d;
    double *low = lower + i * k;
    long previous = labels[i];
    long label = previous;
    double bound = upper[i] + shifts[label];
    upper[i] = bound;
    for (long j = 0; j < k; j++) {
      double moved = low[j] - shifts[j];
      low[j] = 0 >= moved ? 0 : moved;
    }
    if (!(nearest_half[label] <= bound)) continue;
    double bound_squared = 0;
    bool tight = false;
    for (long j = 0; j < k; j++) {
      if (j == label || !(bound >= low[j] && bound >= half[label * k + j])) continue;
      if (!tight) {
        bound_squared = squared_distance(row, centres + label * d, d);
        bound = sqrt(bound_squared);
        low[label] = bound;
        tight = true;
        if (bound < low[j] || bound < half[label * k + j]) continue;
      }
      double squared = squared_distance(row, centres + j * d, d);
      double distance = sqrt(squared);
      low[j] = distance;
      if (squared < bound_squared || (squared == bound_squared && j < label)) {
        label = j;
        bound = distance;
        bound_squared = squared;
      }
    }
    upper[i] = bound;
    if (label != previous) {
      labels[i] = (int32_t)label;
      changed = true;
    }
  }
  if (sums) add_rows(x, d, begin, end, labels, sums, counts);
  return changed;
}

bool segmenta_elkan_rows_portable(const double *x, long d, long begin, long end, const double *centres, long k,
                                  const double *half, const double *nearest_half, const double *shifts,
                                  int32_t *labels, double *upper, double *lower, double *sums, long *counts) {
  return elkan_rows_body(x, d, begin, end, centres, k, half, nearest_half, shifts, labels, upper, lower, sums,
                         counts);
}

AVX2 bool segmenta_elkan_rows_avx2(const double *x, long d, long begin, long end, const double *centres, long k,
                                   const double *half, const double *nearest_half, const double *shifts,
                                   int32_t *labels, double *upper, double *lower, double *sums, long *counts) {
  return elkan_rows_body(x, d, begin, end, centres, k, half, nearest_half, shifts, labels, upper, lower, sums,
                         counts);
}

bool segmenta_elkan_rows(const double *x, long d, long begin, long end, const double *centres, long k,
                         const double *half, const double *nearest_half, const double *shifts, int32_t *labels,
                         double *upper, double *lower, double *sums, long *counts) {
  return segmenta_cpu_has_avx2()
             ? segmenta_elkan_rows_avx2(x, d, begin, end, centres, k, half, nearest_half, shifts, labels, upper,
                                        lower, sums, counts)
             : segmenta_elkan_rows_portable(x, d, begin, end, centres, k, half, nearest_half, shifts, labels, upper,
                                            lower, sums, counts);
}
