#include "segmenta_kernels.h"

#include <math.h>

/* a·b + c must stay two roundings in every build: the AVX2 kernels must equal the portable ones bit for bit. */
#pragma STDC FP_CONTRACT OFF

/* GCC/Clang vector extensions: element-wise IEEE operations, lowered to SSE2 (two instructions per v4d) in the
   portable kernels and to AVX (one instruction) in the AVX2 kernels. */
typedef double v4d __attribute__((vector_size(32)));
typedef double v2d __attribute__((vector_size(16)));
typedef long long v4i __attribute__((vector_size(32)));

#define INLINE static inline __attribute__((always_inline))

/* Unaligned loads and a bitwise select, as macros: vectors passed to or returned from functions would change the
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
/* Where `mask` is set, `yes`, else `no` (bitwise, so values are moved unchanged). */
#define SELECT4(mask, yes, no) ((v4d)(((mask) & (v4i)(yes)) | (~(mask) & (v4i)(no))))

INLINE void nearest_centres_body(const double *x, long d, long begin, long end, const double *blocked, long k,
                                 int32_t *labels, double *distances) {
  for (long i = begin; i < end; i++) {
    const double *row = x + i * d;
    long best = 0;
    double best_distance = INFINITY;
    for (long first = 0; first < k; first += 4) {
      const double *block = blocked + first * d;
      if (k - first <= 2) {
        v2d s = {0, 0};
        for (long j = 0; j < d; j++) {
          v2d delta = row[j] - LOAD2(block + 2 * j);
          s = s + delta * delta;
        }
        for (long m = 0; m < 2 && first + m < k; m++) {
          if (s[m] < best_distance) {
            best = first + m;
            best_distance = s[m];
          }
        }
        break;
      }
      v4d s = {0, 0, 0, 0};
      for (long j = 0; j < d; j++) {
        v4d delta = row[j] - LOAD4(block + 4 * j);
        s = s + delta * delta;
      }
      for (long m = 0; m < 4 && first + m < k; m++) {
        if (s[m] < best_distance) {
          best = first + m;
          best_distance = s[m];
        }
      }
    }
    labels[i - begin] = (int32_t)best;
    distances[i - begin] = best_distance;
  }
}

INLINE void centre_distances_body(const double *x, long d, long begin, long end, const double *blocked, long k,
                                  double *distances) {
  for (long i = begin; i < end; i++) {
    const double *row = x + i * d;
    double *out = distances + (i - begin) * k;
    for (long first = 0; first < k; first += 4) {
      const double *block = blocked + first * d;
      if (k - first <= 2) {
        v2d s = {0, 0};
        for (long j = 0; j < d; j++) {
          v2d delta = row[j] - LOAD2(block + 2 * j);
          s = s + delta * delta;
        }
        for (long m = 0; m < 2 && first + m < k; m++) out[first + m] = s[m];
        break;
      }
      v4d s = {0, 0, 0, 0};
      for (long j = 0; j < d; j++) {
        v4d delta = row[j] - LOAD4(block + 4 * j);
        s = s + delta * delta;
      }
      for (long m = 0; m < 4 && first + m < k; m++) out[first + m] = s[m];
    }
  }
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

/*
 * Four candidates per step, each lane keeping its own first minimum; the lanes are then combined by value and
 * position, which gives the first minimum of a scan in position order. n_a·n_b/(n_a + n_b) ≥ n_a/(n_a + 1) for
 * every n_b ≥ 1 and rounding is monotone, so a step whose lower bounds (n_a/(n_a + 1))·‖Δ‖² cannot beat any
 * lane's best skips the division; the result is the same.
 */
INLINE segmenta_ward_candidate ward_nearest_body(const double *columns, long stride, const double *sizes, long d,
                                                 long begin, long end, const double *a, double size_a) {
  segmenta_ward_candidate best = {INFINITY, -1};
  long p = begin;
  if (end - begin >= 4) {
    const double floor_weight = size_a / (size_a + 1);
    v4d lane_best = {INFINITY, INFINITY, INFINITY, INFINITY};
    v4i lane_position = {-1, -1, -1, -1};
    v4i position = {p, p + 1, p + 2, p + 3};
    for (; p + 4 <= end; p += 4) {
      v4d squared = {0, 0, 0, 0};
      for (long j = 0; j < d; j++) {
        v4d delta = a[j] - LOAD4(columns + j * stride + p);
        squared = squared + delta * delta;
      }
      v4i may_win = floor_weight * squared < lane_best;
      if (may_win[0] | may_win[1] | may_win[2] | may_win[3]) {
        v4d size_b = LOAD4(sizes + p);
        v4d value = size_a * size_b / (size_a + size_b) * squared;
        v4i wins = value < lane_best;
        lane_best = SELECT4(wins, value, lane_best);
        lane_position = (wins & position) | (~wins & lane_position);
      }
      position = position + 4;
    }
    for (int m = 0; m < 4; m++) {
      if (lane_best[m] < best.value || (lane_best[m] == best.value && lane_position[m] < best.position)) {
        best.value = lane_best[m];
        best.position = (long)lane_position[m];
      }
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

segmenta_ward_candidate segmenta_ward_nearest(const double *columns, long stride, const double *sizes, long d,
                                              long begin, long end, const double *a, double size_a) {
  return segmenta_cpu_has_avx2() ? segmenta_ward_nearest_avx2(columns, stride, sizes, d, begin, end, a, size_a)
                                 : segmenta_ward_nearest_portable(columns, stride, sizes, d, begin, end, a, size_a);
}
