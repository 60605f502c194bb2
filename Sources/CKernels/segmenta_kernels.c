#include "segmenta_kernels.h"

#include "kmeans_rows.h"

/* a·b + c must stay two roundings in every build: the AVX2 kernels must equal the portable ones bit for bit. */
#pragma STDC FP_CONTRACT OFF

/* For rows begin..<end, each unless NULL: the nearest centre into labels[i − begin] (with `changed`, whether one
   differs from what labels held), its squared distance into distances[i − begin], all k distances into
   all[(i − begin)·k + c]. */
INLINE void nearest_rows(const double *x, long d, long begin, long end, const double *centres, long k,
                         int32_t *labels, double *distances, bool *changed, double *all) {
  FOUR_ROWS_SCRATCH(xt, d);
  for (long i = begin; i < end; i += 4) {
    transpose_consecutive(x, d, i, end, xt);
    v4i label;
    v4d best;
    nearest_of_four(xt, d, centres, k, &label, &best, all ? all + (i - begin) * k : NULL, end - i < 4 ? end - i : 4);
    if (!labels) continue;
    for (long r = 0; r < 4 && i + r < end; r++) {
      if (changed) *changed |= labels[i + r - begin] != (int32_t)label[r];
      labels[i + r - begin] = (int32_t)label[r];
      if (distances) distances[i + r - begin] = best[r];
    }
  }
  FREE_FOUR_ROWS_SCRATCH(xt);
}

INLINE void nearest_centres_body(const double *x, long d, long begin, long end, const double *centres, long k,
                                 int32_t *labels, double *distances) {
  nearest_rows(x, d, begin, end, centres, k, labels, distances, NULL, NULL);
}

INLINE void centre_distances_body(const double *x, long d, long begin, long end, const double *centres, long k,
                                  double *distances) {
  nearest_rows(x, d, begin, end, centres, k, NULL, NULL, NULL, distances);
}

INLINE bool assign_rows_body(const double *x, long d, long begin, long end, const double *centres, long k,
                             int32_t *labels, double *sums, long *counts) {
  bool changed = false;
  nearest_rows(x, d, begin, end, centres, k, labels + begin, NULL, &changed, NULL);
  if (sums) add_rows(x, d, begin, end, labels, sums, counts);
  return changed;
}

/* ΔSSE of one candidate, the same operations as the vector lanes: (n_a·n_b / (n_a + n_b)) · Σ (a_j − c_j)². */
INLINE double ward_value(const double *columns, long stride, const double *sizes, long d, long p, const double *a,
                         double size_a) {
  double squared = 0;
  for (long j = 0; j < d; j++) {
    double delta = a[j] - columns[j * stride + p];
    squared = squared + delta * delta;
  }
  return size_a * sizes[p] / (size_a + sizes[p]) * squared;
}

/* Offers the four candidates from position p with squared distances `*squared` to `best`, in position order (a
   pointer, since a vector argument would change the calling convention between the two builds). */
INLINE void ward_offer(segmenta_ward_candidate *best, const double *sizes, long p, const v4d *squared,
                       double size_a) {
  v4d size_b = LOAD4(sizes + p);
  v4d value = size_a * size_b / (size_a + size_b) * *squared;
  for (int m = 0; m < 4; m++) {
    if (value[m] < best->value) {
      best->value = value[m];
      best->position = p + m;
    }
  }
}

/*
 * Eight candidates per step (two vectors of four, independent sums that the CPU overlaps). Candidates are offered
 * in position order with a strict comparison, so the result is the first minimum of a scan in position order.
 * n_a·n_b/(n_a + n_b) ≥ n_a/(n_a + 1) for every n_b ≥ 1 and rounding is monotone, so a vector whose lower bounds
 * (n_a/(n_a + 1))·‖Δ‖² are all ≥ the best value so far is skipped without the division; the result is the same.
 */
INLINE segmenta_ward_candidate ward_nearest_body(const double *columns, long stride, const double *sizes, long d,
                                                 long begin, long end, const double *a, double size_a) {
  segmenta_ward_candidate best = {INFINITY, -1};
  const double floor_weight = size_a / (size_a + 1);
  long p = begin;
  for (; p + 8 <= end; p += 8) {
    v4d low = {0, 0, 0, 0};
    v4d high = {0, 0, 0, 0};
    for (long j = 0; j < d; j++) {
      const double *column = columns + j * stride + p;
      v4d delta_low = a[j] - LOAD4(column);
      v4d delta_high = a[j] - LOAD4(column + 4);
      low = low + delta_low * delta_low;
      high = high + delta_high * delta_high;
    }
    v4i low_may_win = floor_weight * low < best.value;
    v4i high_may_win = floor_weight * high < best.value;
    if (ANY4(low_may_win | high_may_win)) {
      if (ANY4(low_may_win)) ward_offer(&best, sizes, p, &low, size_a);
      if (ANY4(high_may_win)) ward_offer(&best, sizes, p + 4, &high, size_a);
    }
  }
  for (; p < end; p++) {
    double value = ward_value(columns, stride, sizes, d, p, a, size_a);
    if (value < best.value) {
      best.value = value;
      best.position = p;
    }
  }
  return best;
}

void segmenta_nearest_centres_portable(const double *x, long d, long begin, long end, const double *centres,
                                       long k, int32_t *labels, double *distances) {
  nearest_centres_body(x, d, begin, end, centres, k, labels, distances);
}

void segmenta_centre_distances_portable(const double *x, long d, long begin, long end, const double *centres,
                                        long k, double *distances) {
  centre_distances_body(x, d, begin, end, centres, k, distances);
}

bool segmenta_assign_rows_portable(const double *x, long d, long begin, long end, const double *centres, long k,
                                   int32_t *labels, double *sums, long *counts) {
  return assign_rows_body(x, d, begin, end, centres, k, labels, sums, counts);
}

segmenta_ward_candidate segmenta_ward_nearest_portable(const double *columns, long stride, const double *sizes,
                                                       long d, long begin, long end, const double *a,
                                                       double size_a) {
  return ward_nearest_body(columns, stride, sizes, d, begin, end, a, size_a);
}

#if defined(__x86_64__)
bool segmenta_cpu_has_avx2(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2");
}
#else
bool segmenta_cpu_has_avx2(void) { return false; }
#endif

/* AVX2 is empty on other architectures: there the "avx2" entry points run the portable bodies. */
AVX2 void segmenta_nearest_centres_avx2(const double *x, long d, long begin, long end, const double *centres,
                                        long k, int32_t *labels, double *distances) {
  nearest_centres_body(x, d, begin, end, centres, k, labels, distances);
}

AVX2 void segmenta_centre_distances_avx2(const double *x, long d, long begin, long end, const double *centres,
                                         long k, double *distances) {
  centre_distances_body(x, d, begin, end, centres, k, distances);
}

AVX2 bool segmenta_assign_rows_avx2(const double *x, long d, long begin, long end, const double *centres, long k,
                                    int32_t *labels, double *sums, long *counts) {
  return assign_rows_body(x, d, begin, end, centres, k, labels, sums, counts);
}

AVX2 segmenta_ward_candidate segmenta_ward_nearest_avx2(const double *columns, long stride, const double *sizes,
                                                        long d, long begin, long end, const double *a,
                                                        double size_a) {
  return ward_nearest_body(columns, stride, sizes, d, begin, end, a, size_a);
}

void segmenta_nearest_centres(const double *x, long d, long begin, long end, const double *centres, long k,
                              int32_t *labels, double *distances) {
  if (segmenta_cpu_has_avx2()) {
    segmenta_nearest_centres_avx2(x, d, begin, end, centres, k, labels, distances);
  } else {
    segmenta_nearest_centres_portable(x, d, begin, end, centres, k, labels, distances);
  }
}

void segmenta_centre_distances(const double *x, long d, long begin, long end, const double *centres, long k,
                               double *distances) {
  if (segmenta_cpu_has_avx2()) {
    segmenta_centre_distances_avx2(x, d, begin, end, centres, k, distances);
  } else {
    segmenta_centre_distances_portable(x, d, begin, end, centres, k, distances);
  }
}

bool segmenta_assign_rows(const double *x, long d, long begin, long end, const double *centres, long k,
                          int32_t *labels, double *sums, long *counts) {
  return segmenta_cpu_has_avx2() ? segmenta_assign_rows_avx2(x, d, begin, end, centres, k, labels, sums, counts)
                                 : segmenta_assign_rows_portable(x, d, begin, end, centres, k, labels, sums, counts);
}

segmenta_ward_candidate segmenta_ward_nearest(const double *columns, long stride, const double *sizes, long d,
                                              long begin, long end, const double *a, double size_a) {
  return segmenta_cpu_has_avx2() ? segmenta_ward_nearest_avx2(columns, stride, sizes, d, begin, end, a, size_a)
                                 : segmenta_ward_nearest_portable(columns, stride, sizes, d, begin, end, a, size_a);
}
