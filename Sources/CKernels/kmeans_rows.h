#ifndef SEGMENTA_KMEANS_ROWS_H
#define SEGMENTA_KMEANS_ROWS_H

/* Private to CKernels: the k-means distance kernel shared by Lloyd's E-step, seeding and Hamerly's rescans. Four
   rows are one vector (lane r is row r), so a centre's coordinate is one broadcast for four rows and the nearest
   centre is found with lane-wise comparisons instead of branches. Each lane still adds Σ_j (x_j − c_j)² in j order
   from 0: the distances are those of a scalar loop, bit for bit. */

#include "vector_ops.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

/* Scratch for four transposed rows (4·d values): on the stack up to STACK_COLUMNS columns, on the heap beyond
   (worker threads have small stacks, and d is the user's choice). */
#define STACK_COLUMNS 256
#define FOUR_ROWS_SCRATCH(name, d)                                                                                 \
  double name##_stack[4 * STACK_COLUMNS];                                                                           \
  double *name = (d) <= STACK_COLUMNS ? name##_stack : malloc((size_t)(d) * 4 * sizeof(double))
#define FREE_FOUR_ROWS_SCRATCH(name)                                                                                \
  do {                                                                                                              \
    if (name != name##_stack) free(name);                                                                           \
  } while (0)

/* The four rows rows[0..3] transposed: xt[4j + r] = rows[r][j]. */
INLINE void transpose_four(const double *const rows[4], long d, double *restrict xt) {
  for (long j = 0; j < d; j++) {
    xt[4 * j] = rows[0][j];
    xt[4 * j + 1] = rows[1][j];
    xt[4 * j + 2] = rows[2][j];
    xt[4 * j + 3] = rows[3][j];
  }
}

/* Rows i..i+3 of the row-major `x` (the last row below `end` repeated in the lanes past it), transposed. */
INLINE void transpose_consecutive(const double *x, long d, long i, long end, double *restrict xt) {
  const double *rows[4];
  for (long r = 0; r < 4; r++) rows[r] = x + (i + r < end ? i + r : end - 1) * d;
  transpose_four(rows, d, xt);
}

/* The squared distances of the four transposed rows `xt` to centre c of the row-major k × d `centres`. */
#define FOUR_DISTANCES(xt, d, centres, c)                                                                          \
  ({                                                                                                                \
    const double *centre_ = (centres) + (c) * (d);                                                                  \
    v4d sum_ = {0, 0, 0, 0};                                                                                        \
    for (long j_ = 0; j_ < (d); j_++) {                                                                             \
      v4d delta_ = LOAD4((xt) + 4 * j_) - centre_[j_];                                                              \
      sum_ = sum_ + delta_ * delta_;                                                                                \
    }                                                                                                               \
    sum_;                                                                                                           \
  })

/* Per lane, the first nearest centre (ties -> lowest index; a NaN distance never wins, as in a scalar scan from
   +∞) in *label and its squared distance in *best; when `all` is not NULL, every distance is also written to
   all[r·k + c] for the first `rows` lanes. */
INLINE void nearest_of_four(const double *xt, long d, const double *centres, long k, v4i *label, v4d *best,
                            double *all, long rows) {
  v4d nearest = {INFINITY, INFINITY, INFINITY, INFINITY};
  v4i index = {0, 0, 0, 0};
  for (long c = 0; c < k; c++) {
    v4d s = FOUR_DISTANCES(xt, d, centres, c);
    v4i closer = s < nearest;
    nearest = SELECT4(closer, s, nearest);
    index = ((long long)c & closer) | (index & ~closer);
    if (all)
      for (long r = 0; r < rows; r++) all[r * k + c] = s[r];
  }
  *label = index;
  *best = nearest;
}

/* Per lane, as a scalar scan that starts from centre 0: the nearest centre (ties -> lowest index) in *label, its
   squared distance in *best and the smallest squared distance to any other centre in *second (+∞ when k = 1). */
INLINE void nearest_two_of_four(const double *xt, long d, const double *centres, long k, v4i *label, v4d *best,
                                v4d *second) {
  v4d nearest = FOUR_DISTANCES(xt, d, centres, 0);
  v4d runner_up = {INFINITY, INFINITY, INFINITY, INFINITY};
  v4i index = {0, 0, 0, 0};
  for (long c = 1; c < k; c++) {
    v4d s = FOUR_DISTANCES(xt, d, centres, c);
    v4i closer = s < nearest;
    v4i below_second = s < runner_up;
    runner_up = SELECT4(closer, nearest, SELECT4(below_second, s, runner_up));
    nearest = SELECT4(closer, s, nearest);
    index = ((long long)c & closer) | (index & ~closer);
  }
  *label = index;
  *best = nearest;
  *second = runner_up;
}

/* Σ_j (a_j − b_j)² in j order from 0, the distance of one lane above. */
INLINE double squared_distance(const double *a, const double *b, long d) {
  double sum = 0;
  for (long j = 0; j < d; j++) {
    double delta = a[j] - b[j];
    sum = sum + delta * delta;
  }
  return sum;
}

/*
 * The M-step's sums of rows begin..<end: each row added to its centre's sums (k × d) and count, in row order. A
 * second pass over the rows just labelled (still in cache) rather than inside the distance loop, which keeps the
 * distance loop's registers and lets the adds of consecutive rows overlap.
 */
INLINE void add_rows(const double *x, long d, long begin, long end, const int32_t *labels, double *restrict sums,
                     long *restrict counts) {
  for (long i = begin; i < end; i++) {
    const double *row = x + i * d;
    double *sum = sums + labels[i] * d;
    counts[labels[i]] += 1;
    long j = 0;
    for (; j + 4 <= d; j += 4) STORE4(sum + j, LOAD4(sum + j) + LOAD4(row + j));
    for (; j < d; j++) sum[j] = sum[j] + row[j];
  }
}

#endif
