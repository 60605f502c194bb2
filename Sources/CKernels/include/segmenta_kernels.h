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
 * Elkan's assignment of rows begin..<end (scikit-learn's `_update_chunk_dense` with inclusive tests; lower is
 * n × k, half is k × k half centre–centre distances, all arrays indexed by row): upper[i] += shifts[labels[i]] and
 * each lower bound lower[i·k + j] becomes max(lower[i·k + j] − shifts[j], 0). Unless nearest_half[labels[i]] >
 * upper[i], centres j (in index order) that neither bound rules out are examined: the first one makes the upper
 * bound exact, and a centre still not ruled out gets its exact distance as its lower bound and takes the row when
 * its squared distance is smaller (or equal with a lower index). When `sums` is not NULL each row is then added
 * to its centre's sums and counts as in segmenta_assign_rows. Returns whether any label changed.
 */
bool segmenta_elkan_rows(const double *x, long d, long begin, long end, const double *centres, long k,
                         const double *half, const double *nearest_half, const double *shifts, int32_t *labels,
                         double *upper, double *lower, double *sums, long *counts);
bool segmenta_elkan_rows_portable(const double *x, long d, long begin, long end, const double *centres, long k,
                                  const double *half, const double *nearest_half, const double *shifts,
                                  int32_t *labels, double *upper, double *lower, double *sums, long *counts);
bool segmenta_elkan_rows_avx2(const double *x, long d, long begin, long end, const double *centres, long k,
                              const double *half, const double *nearest_half, const double *shifts,
                              int32_t *labels, double *upper, double *lower, double *sums, long *counts);

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
