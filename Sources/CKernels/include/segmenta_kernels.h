#ifndef SEGMENTA_KERNELS_H
#define SEGMENTA_KERNELS_H

#include <stdbool.h>
#include <stdint.h>

/*
 * The distance kernels of k-means and Ward's linkage, compiled twice from one body: for the x86-64 baseline
 * (SSE2, the "portable" kernels) and for AVX2 (four doubles per instruction), chosen at run time by
 * __builtin_cpu_supports. Both use only IEEE additions, subtractions, multiplications and divisions in the
 * same order (no FMA contraction, no reassociation), so they return bit-identical results on every machine.
 * On other architectures the "avx2" entry points run the portable kernels.
 */

/* Whether the CPU can run the AVX2 kernels (false on other architectures). */
bool segmenta_cpu_has_avx2(void);

/*
 * k-means: for rows begin..<end of the row-major n × d matrix `x`, the nearest of the k centres (row-major k × d;
 * ties -> lowest index) and its squared distance Σ_j (x_j − c_j)², summed in j order from 0, written to
 * labels[i − begin] and distances[i − begin].
 */
void segmenta_nearest_centres(const double *x, long d, long begin, long end, const double *centres, long k,
                              int32_t *labels, double *distances);
void segmenta_nearest_centres_portable(const double *x, long d, long begin, long end, const double *centres,
                                       long k, int32_t *labels, double *distances);
void segmenta_nearest_centres_avx2(const double *x, long d, long begin, long end, const double *centres, long k,
                                   int32_t *labels, double *distances);

/*
 * k-means: the squared distances of rows begin..<end to all k centres (as above), written row by row to
 * distances[(i − begin) · k + c].
 */
void segmenta_centre_distances(const double *x, long d, long begin, long end, const double *centres, long k,
                               double *distances);
void segmenta_centre_distances_portable(const double *x, long d, long begin, long end, const double *centres,
                                        long k, double *distances);
void segmenta_centre_distances_avx2(const double *x, long d, long begin, long end, const double *centres, long k,
                                    double *distances);

/*
 * k-means E-step: labels[i] for rows begin..<end becomes the nearest centre (as segmenta_nearest_centres; note
 * `labels` is indexed by row, not from `begin`), and, when `sums` is not NULL, each row is added to its centre's
 * sums (k × d, in row order) and counts (k). Returns whether any label changed.
 */
bool segmenta_assign_rows(const double *x, long d, long begin, long end, const double *centres, long k,
                          int32_t *labels, double *sums, long *counts);
bool segmenta_assign_rows_portable(const double *x, long d, long begin, long end, const double *centres, long k,
                                   int32_t *labels, double *sums, long *counts);
bool segmenta_assign_rows_avx2(const double *x, long d, long begin, long end, const double *centres, long k,
                               int32_t *labels, double *sums, long *counts);

/*
 * Hamerly's assignment of rows begin..<end (all arrays indexed by row): each row's bounds first absorb the centre
 * shifts since the last assignment (upper[i] += shifts[labels[i]]; lower[i] −= `runner_up`, the largest shift
 * of the other centres, for a row of centre `largest`, else shifts[largest]). Where upper[i] ≥ max(lower[i],
 * nearest_half[labels[i]]) the upper bound becomes the exact distance to the row's centre, and if that still
 * reaches the limit the row is scanned: labels[i] = the nearest centre (ties -> lowest index), upper[i] = its
 * distance, lower[i] = the distance to the nearest other centre (+∞ when k = 1). Distances are the square roots of
 * the squared distances of segmenta_nearest_centres. When `sums` is not NULL each row is then added to its
 * centre's sums and counts as in segmenta_assign_rows. Returns whether any label changed.
 */
bool segmenta_hamerly_rows(const double *x, long d, long begin, long end, const double *centres, long k,
                           const double *nearest_half, const double *shifts, long largest, double runner_up,
                           int32_t *labels, double *upper, double *lower, double *sums, long *counts);
bool segmenta_hamerly_rows_portable(const double *x, long d, long begin, long end, const double *centres, long k,
                                    const double *nearest_half, const double *shifts, long largest,
                                    double runner_up, int32_t *labels, double *upper, double *lower, double *sums,
                                    long *counts);
bool segmenta_hamerly_rows_avx2(const double *x, long d, long begin, long end, const double *centres, long k,
                                const double *nearest_half, const double *shifts, long largest, double runner_up,
                                int32_t *labels, double *upper, double *lower, double *sums, long *counts);

/*
 * Elkan's assignment of rows begin..<end (all arrays indexed by row; half is the k × k half centre–centre
 * distances with +∞ on the diagonal). Each row keeps, as of the assignment that wrote stamps[i], an upper bound on
 * the distance to its centre (upper[i]) and a lower bound on the distance to every centre (lower[i·k + j], n × k),
 * in single precision rounded outward; drift[s·k + j] is at most how far centre j has moved since the assignment
 * stamped s. The upper bound as of now is u = upper[i] + drift[s·k + labels[i]] rounded up. A row is scanned when
 * nearest_half[labels[i]] ≤ u and some centre j has u ≥ half[labels[i]·k + j] and lower[i·k + j] ≤ u +
 * drift[s·k + j] (neither bound rules it out; the sum rounded to nearest, which never rules out a centre that the
 * exact test admits): labels[i] becomes the nearest centre (ties -> lowest index, distances as
 * segmenta_nearest_centres) and its bounds the exact distances rounded outward, with stamps[i] = `stamp`. The other
 * rows are only read, unless `refresh`: then their bounds as of now (u, and max(lower − drift rounded down, 0)) are
 * written with `stamp` too. When `sums` is not NULL each row is then added to its centre's sums and counts as in
 * segmenta_assign_rows. Returns whether any label changed.
 */
bool segmenta_elkan_rows(const double *x, long d, long begin, long end, const double *centres, long k,
                         const double *half, const double *nearest_half, const double *drift, uint8_t stamp,
                         bool refresh, int32_t *labels, float *upper, float *lower, uint8_t *stamps, double *sums,
                         long *counts);
bool segmenta_elkan_rows_portable(const double *x, long d, long begin, long end, const double *centres, long k,
                                  const double *half, const double *nearest_half, const double *drift,
                                  uint8_t stamp, bool refresh, int32_t *labels, float *upper, float *lower,
                                  uint8_t *stamps, double *sums, long *counts);
bool segmenta_elkan_rows_avx2(const double *x, long d, long begin, long end, const double *centres, long k,
                              const double *half, const double *nearest_half, const double *drift, uint8_t stamp,
                              bool refresh, int32_t *labels, float *upper, float *lower, uint8_t *stamps,
                              double *sums, long *counts);

/* The best candidate of a Ward scan: its ΔSSE and its position (−1 when no candidate is finite). */
typedef struct {
  double value;
  long position;
} segmenta_ward_candidate;

/*
 * Ward: among positions begin..<end of the centroids stored column by column (coordinate j of position p at
 * columns[j · stride + p]) with their sizes, the smallest ΔSSE = (n_a·n_b / (n_a + n_b)) · Σ_j (a_j − c_j)² to
 * the cluster with centroid `a` (d values) and size n_a, summed in j order from 0; ties -> the lowest position.
 * A position whose first coordinate is +∞ (a removed cluster) never wins.
 */
segmenta_ward_candidate segmenta_ward_nearest(const double *columns, long stride, const double *sizes, long d,
                                              long begin, long end, const double *a, double size_a);
segmenta_ward_candidate segmenta_ward_nearest_portable(const double *columns, long stride, const double *sizes,
                                                       long d, long begin, long end, const double *a,
                                                       double size_a);
segmenta_ward_candidate segmenta_ward_nearest_avx2(const double *columns, long stride, const double *sizes, long d,
                                                   long begin, long end, const double *a, double size_a);

#endif
