#ifndef SEGMENTA_KMEANS_ROWS_H
#define SEGMENTA_KMEANS_ROWS_H

/* Private to CKernels: the k-means distance kernel shared by Lloyd's E-step, seeding, Hamerly's rescans and
   Elkan's scans. Four rows are one vector (lane r is row r), so a centre's coordinate is one broadcast
   for four rows and the nearest centre is found with lane-wise comparisons instead of branches. Each lane still
   adds Σ_j (x_j − c_j)² in j order from 0: the distances are those of a scalar loop, bit for bit. */

#include "vector_ops.h"

#include <stdbool.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

/* Scratch for four transposed rows (4·d values; also used for 4·k values per centre): on the stack up to
   STACK_COLUMNS columns, on the heap beyond (worker threads have small stacks, and d and k are the user's). */
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

/* Rows waiting for a full scan (Hamerly's and Elkan's passes), four at a time through the vector kernel. */
typedef struct {
  long rows[4];
  long count;
} rescan_queue;

/* The queued rows of the row-major `x` (the last one repeated in unused lanes), transposed. */
INLINE void transpose_queued(const rescan_queue *queue, const double *x, long d, double *restrict xt) {
  const double *rows[4];
  for (long r = 0; r < 4; r++) rows[r] = x + queue->rows[r < queue->count ? r : queue->count - 1] * d;
  transpose_four(rows, d, xt);
}

/* Rows i..i+3 of the row-major `x` (the last row below `end` repeated in the lanes past it), transposed. */
INLINE void transpose_consecutive(const double *x, long d, long i, long end, double *restrict xt) {
  const double *rows[4];
  for (long r = 0; r < 4; r++) rows[r] = x + (i + r < end ? i + r : end - 1) * d;
  transpose_four(rows, d, xt);
}

/* The squared distances of the four transposed rows `xt` to centres c..<c + width of the row-major k × d
   `centres` (width 1, 2 or 4, a constant at every call), into out[0..<width]: one load of a row vector feeds
   `width` independent sums. */
INLINE void distances_to_block(const double *xt, long d, const double *centres, long c, long width, v4d *out) {
  v4d sums[4] = {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}};
  const double *first = centres + c * d;
  for (long j = 0; j < d; j++) {
    v4d xj = LOAD4(xt + 4 * j);
    for (long m = 0; m < width; m++) {
      v4d delta = xj - first[m * d + j];
      sums[m] = sums[m] + delta * delta;
    }
  }
  for (long m = 0; m < width; m++) out[m] = sums[m];
}

/* The running nearest centres of four rows: per lane the nearest distance and its centre, the smallest distance
   to any other centre (`runner_up`, kept when `two`), and where to write every distance (`all`, or NULL). */
typedef struct {
  v4d nearest;
  v4d runner_up;
  v4i index;
  bool two;
  double *all;
  long rows;
  long k;
} four_scan;

/* Centre c at squared distances *distances joins the scan, as the next centre of a scalar scan in index order (a
   pointer, since a vector argument would change the calling convention between the two builds). */
INLINE void offer(four_scan *scan, const v4d *distances, long c) {
  v4d s = *distances;
  v4i closer = s < scan->nearest;
  if (scan->two) scan->runner_up = SELECT4(closer, scan->nearest, SELECT4(s < scan->runner_up, s, scan->runner_up));
  scan->nearest = SELECT4(closer, s, scan->nearest);
  scan->index = ((long long)c & closer) | (scan->index & ~closer);
  if (scan->all)
    for (long r = 0; r < scan->rows; r++) scan->all[r * scan->k + c] = s[r];
}

/* Offers centres c..<k in index order, four at a time, then a pair, then one. */
INLINE void scan_centres(four_scan *scan, const double *xt, long d, const double *centres, long c, long k) {
  v4d s[4];
  for (; c + 4 <= k; c += 4) {
    distances_to_block(xt, d, centres, c, 4, s);
    for (long m = 0; m < 4; m++) offer(scan, &s[m], c + m);
  }
  if (c + 2 <= k) {
    distances_to_block(xt, d, centres, c, 2, s);
    for (long m = 0; m < 2; m++) offer(scan, &s[m], c + m);
    c += 2;
  }
  if (c < k) {
    distances_to_block(xt, d, centres, c, 1, s);
    offer(scan, &s[0], c);
  }
}

/* Per lane, the first nearest centre (ties -> lowest index; a NaN distance never wins, as in a scalar scan from
   +∞) in *label and its squared distance in *best; when `all` is not NULL, every distance is also written to
   all[r·k + c] for the first `rows` lanes. */
INLINE void nearest_of_four(const double *xt, long d, const double *centres, long k, v4i *label, v4d *best,
                            double *all, long rows) {
  four_scan scan = {{INFINITY, INFINITY, INFINITY, INFINITY}, {0, 0, 0, 0}, {0, 0, 0, 0}, false, all, rows, k};
  scan_centres(&scan, xt, d, centres, 0, k);
  *label = scan.index;
  *best = scan.nearest;
}

/* Per lane, as a scalar scan that starts from centre 0: the nearest centre (ties -> lowest index) in *label, its
   squared distance in *best and the smallest squared distance to any other centre in *second (+∞ when k = 1). */
INLINE void nearest_two_of_four(const double *xt, long d, const double *centres, long k, v4i *label, v4d *best,
                                v4d *second) {
  v4d first;
  distances_to_block(xt, d, centres, 0, 1, &first);
  four_scan scan = {first, {INFINITY, INFINITY, INFINITY, INFINITY}, {0, 0, 0, 0}, true, NULL, 0, k};
  scan_centres(&scan, xt, d, centres, 1, k);
  *label = scan.index;
  *best = scan.nearest;
  *second = scan.runner_up;
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
