#include "segmenta_kernels.h"

#include <math.h>
#include <stdlib.h>

/* a·b + c must stay two roundings in every build: the AVX2 kernels must equal the portable ones bit for bit. */
#pragma STDC FP_CONTRACT OFF

/* GCC/Clang vector extensions: element-wise IEEE operations, lowered to SSE2 (two instructions per v4d) in the
   portable kernels and to AVX (one instruction) in the AVX2 kernels. */
typedef double v4d __attribute__((vector_size(32)));
typedef double v2d __attribute__((vector_size(16)));
typedef long long v4i __attribute__((vector_size(32)));

#define INLINE static inline __attribute__((always_inline))

/* Unaligned loads as macros: vectors passed to or returned from functions would change the
   calling convention between the SSE2 and AVX2 bodies (-Wpsabi). */
#define LOAD4(p)                                                                                                    \
  ({                                                                                                                \
    v4d loaded_;                                                                                                    \
    __builtin_memcpy(&loaded_, (p), sizeof loaded_);                                                                \
    loaded_;                                                                                                        \
  })
#define LOAD2(p)                                                                                                    \
  ({                                                                                                                \
    v2d loaded_;                                                                                                    \
    __builtin_memcpy(&loaded_, (p), sizeof loaded_);                                                                \
    loaded_;                                                                                                        \
  })

#define STORE4(p, v)                                                                                                \
  do {                                                                                                              \
    v4d stored_ = (v);                                                                                              \
    __builtin_memcpy((p), &stored_, sizeof stored_);                                                                \
  } while (0)
#define STORE2(p, v)                                                                                                \
  do {                                                                                                              \
    v2d stored_ = (v);                                                                                              \
    __builtin_memcpy((p), &stored_, sizeof stored_);                                                                \
  } while (0)

/*
 * The squared distances of `row` to the k centres of `blocked`, written to out[0..<padded k]. Two consecutive
 * blocks share one pass over j (one broadcast of row[j] feeds both), so k = 6 (a block of four and a pair) and
 * k = 8 are a single loop.
 */
INLINE void row_distances(const double *row, long d, const double *blocked, long k, double *out) {
  long first = 0;
  while (first < k) {
    const double *block = blocked + first * d;
    long rest = k - first;
    if (rest <= 2) {
      v2d s = {0, 0};
      for (long j = 0; j < d; j++) {
        v2d delta = row[j] - LOAD2(block + 2 * j);
        s = s + delta * delta;
      }
      STORE2(out + first, s);
      return;
    }
    if (rest <= 4) {
      v4d s = {0, 0, 0, 0};
      for (long j = 0; j < d; j++) {
        v4d delta = row[j] - LOAD4(block + 4 * j);
        s = s + delta * delta;
      }
      STORE4(out + first, s);
      return;
    }
    const double *next = block + 4 * d;
    if (rest <= 6) {
      v4d s = {0, 0, 0, 0};
      v2d t = {0, 0};
      for (long j = 0; j < d; j++) {
        double value = row[j];
        v4d delta = value - LOAD4(block + 4 * j);
        v2d delta_next = value - LOAD2(next + 2 * j);
        s = s + delta * delta;
        t = t + delta_next * delta_next;
      }
      STORE4(out + first, s);
      STORE2(out + first + 4, t);
      return;
    }
    v4d s = {0, 0, 0, 0};
    v4d t = {0, 0, 0, 0};
    for (long j = 0; j < d; j++) {
      double value = row[j];
      v4d delta = value - LOAD4(block + 4 * j);
      v4d delta_next = value - LOAD4(next + 4 * j);
      s = s + delta * delta;
      t = t + delta_next * delta_next;
    }
    STORE4(out + first, s);
    STORE4(out + first + 4, t);
    first += 8;
  }
}

/* The index of the first smallest of the k distances. */
INLINE long first_minimum(const double *distances, long k) {
  long best = 0;
  double best_distance = INFINITY;
  for (long c = 0; c < k; c++) {
    if (distances[c] < best_distance) {
      best = c;
      best_distance = distances[c];
    }
  }
  return best;
}

/*
 * Scratch for one row's distances: k plus room for a last store of four. On the stack up to STACK_CENTRES centres,
 * on the heap beyond (worker threads have small stacks, and k is the user's choice).
 */
#define STACK_CENTRES 256
#define SCRATCH(name, k)                                                                                           \
  double name##_stack[STACK_CENTRES + 4];                                                                           \
  double *name = (k) <= STACK_CENTRES ? name##_stack : malloc(((size_t)(k) + 4) * sizeof(double))
#define FREE_SCRATCH(name)                                                                                          \
  do {                                                                                                              \
    if (name != name##_stack) free(name);                                                                           \
  } while (0)

INLINE void nearest_centres_body(const double *x, long d, long begin, long end, const double *blocked, long k,
                                 int32_t *labels, double *distances) {
  SCRATCH(out, k);
  for (long i = begin; i < end; i++) {
    row_distances(x + i * d, d, blocked, k, out);
    long best = first_minimum(out, k);
    labels[i - begin] = (int32_t)best;
    distances[i - begin] = out[best];
  }
  FREE_SCRATCH(out);
}

INLINE void centre_distances_body(const double *x, long d, long begin, long end, const double *blocked, long k,
                                  double *distances) {
  SCRATCH(out, k);
  for (long i = begin; i < end; i++) {
    row_distances(x + i * d, d, blocked, k, out);
    for (long c = 0; c < k; c++) distances[(i - begin) * k + c] = out[c];
  }
  FREE_SCRATCH(out);
}

INLINE bool assign_rows_body(const double *x, long d, long begin, long end, const double *blocked, long k,
                             int32_t *labels, double *sums, long *counts) {
  SCRATCH(out, k);
  bool changed = false;
  for (long i = begin; i < end; i++) {
    const double *row = x + i * d;
    row_distances(row, d, blocked, k, out);
    int32_t best = (int32_t)first_minimum(out, k);
    changed |= labels[i] != best;
    labels[i] = best;
    if (sums) {
      counts[best] += 1;
      double *sum = sums + best * d;
      for (long j = 0; j < d; j++) sum[j] = sum[j] + row[j];
    }
  }
  FREE_SCRATCH(out);
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

/* Whether any lane is set. */
#define ANY4(mask) (((mask)[0] | (mask)[1] | (mask)[2] | (mask)[3]) != 0)

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

void segmenta_nearest_centres_portable(const double *x, long d, long begin, long end, const double *blocked,
                                       long k, int32_t *labels, double *distances) {
  nearest_centres_body(x, d, begin, end, blocked, k, labels, distances);
}

void segmenta_centre_distances_portable(const double *x, long d, long begin, long end, const double *blocked,
                                        long k, double *distances) {
  centre_distances_body(x, d, begin, end, blocked, k, distances);
}

bool segmenta_assign_rows_portable(const double *x, long d, long begin, long end, const double *blocked, long k,
                                   int32_t *labels, double *sums, long *counts) {
  return assign_rows_body(x, d, begin, end, blocked, k, labels, sums, counts);
}

segmenta_ward_candidate segmenta_ward_nearest_portable(const double *columns, long stride, const double *sizes,
                                                       long d, long begin, long end, const double *a,
                                                       double size_a) {
  return ward_nearest_body(columns, stride, sizes, d, begin, end, a, size_a);
}

#if defined(__x86_64__)
#define AVX2 __attribute__((target("avx2")))

bool segmenta_cpu_has_avx2(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2");
}

AVX2 void segmenta_nearest_centres_avx2(const double *x, long d, long begin, long end, const double *blocked, long k,
                                        int32_t *labels, double *distances) {
  nearest_centres_body(x, d, begin, end, blocked, k, labels, distances);
}

AVX2 void segmenta_centre_distances_avx2(const double *x, long d, long begin, long end, const double *blocked,
                                         long k, double *distances) {
  centre_distances_body(x, d, begin, end, blocked, k, distances);
}

AVX2 bool segmenta_assign_rows_avx2(const double *x, long d, long begin, long end, const double *blocked, long k,
                                    int32_t *labels, double *sums, long *counts) {
  return assign_rows_body(x, d, begin, end, blocked, k, labels, sums, counts);
}

AVX2 segmenta_ward_candidate segmenta_ward_nearest_avx2(const double *columns, long stride, const double *sizes,
                                                        long d, long begin, long end, const double *a,
                                                        double size_a) {
  return ward_nearest_body(columns, stride, sizes, d, begin, end, a, size_a);
}
#else
bool segmenta_cpu_has_avx2(void) { return false; }

void segmenta_nearest_centres_avx2(const double *x, long d, long begin, long end, const double *blocked, long k,
                                   int32_t *labels, double *distances) {
  nearest_centres_body(x, d, begin, end, blocked, k, labels, distances);
}

void segmenta_centre_distances_avx2(const double *x, long d, long begin, long end, const double *blocked, long k,
                                    double *distances) {
  centre_distances_body(x, d, begin, end, blocked, k, distances);
}

bool segmenta_assign_rows_avx2(const double *x, long d, long begin, long end, const double *blocked, long k,
                               int32_t *labels, double *sums, long *counts) {
  return assign_rows_body(x, d, begin, end, blocked, k, labels, sums, counts);
}

segmenta_ward_candidate segmenta_ward_nearest_avx2(const double *columns, long stride, const double *sizes, long d,
                                                   long begin, long end, const double *a, double size_a) {
  return ward_nearest_body(columns, stride, sizes, d, begin, end, a, size_a);
}
#endif

void segmenta_nearest_centres(const double *x, long d, long begin, long end, const double *blocked, long k,
                              int32_t *labels, double *distances) {
  if (segmenta_cpu_has_avx2()) {
    segmenta_nearest_centres_avx2(x, d, begin, end, blocked, k, labels, distances);
  } else {
    segmenta_nearest_centres_portable(x, d, begin, end, blocked, k, labels, distances);
  }
}

void segmenta_centre_distances(const double *x, long d, long begin, long end, const double *blocked, long k,
                               double *distances) {
  if (segmenta_cpu_has_avx2()) {
    segmenta_centre_distances_avx2(x, d, begin, end, blocked, k, distances);
  } else {
    segmenta_centre_distances_portable(x, d, begin, end, blocked, k, distances);
  }
}

bool segmenta_assign_rows(const double *x, long d, long begin, long end, const double *blocked, long k,
                          int32_t *labels, double *sums, long *counts) {
  return segmenta_cpu_has_avx2() ? segmenta_assign_rows_avx2(x, d, begin, end, blocked, k, labels, sums, counts)
                                 : segmenta_assign_rows_portable(x, d, begin, end, blocked, k, labels, sums, counts);
}

segmenta_ward_candidate segmenta_ward_nearest(const double *columns, long stride, const double *sizes, long d,
                                              long begin, long end, const double *a, double size_a) {
  return segmenta_cpu_has_avx2() ? segmenta_ward_nearest_avx2(columns, stride, sizes, d, begin, end, a, size_a)
                                 : segmenta_ward_nearest_portable(columns, stride, sizes, d, begin, end, a, size_a);
}
