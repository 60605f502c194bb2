#!/usr/bin/env python3
"""Reference values for the evaluation tests of SegmentaCore: agreement (ARI, AMI, NMI), the Dunn index, the gap
statistic, principal components, p-values, bootstrap stability.

Run from this directory with scikit-learn 1.9.1 / SciPy 1.17.1 / NumPy 2.x / mpmath:

    python3 make_evaluation_reference.py

It rewrites evaluation.json. Floats are written with repr (shortest round-trip form).

R is not available where this runs, so the R-defined quantities are implemented here from the R sources, line by
line, and say so:

* Dunn index: clValid::dunn (also fpc::cluster.stats()$dunn): min over pairs of clusters of the smallest distance
  between their members, divided by the largest within-cluster distance (diameter).
* Gap statistic: cluster::clusGap(x, FUNcluster, K.max, B, d.power = 1, spaceH0 = "scaledPCA") and
  cluster::maxSE(method = "firstSEmax", SE.factor = 1). R draws the reference sets with runif; here the uniform
  draws are numbers written to the fixture, so Swift can replay the exact same reference sets. Where R takes the
  sign of svd()$v from LAPACK, both sides use scikit-learn's convention (each right singular vector's largest
  absolute entry positive), which only mirrors the reference box and leaves clusGap's definition unchanged.
  FUNcluster is k-means (Lloyd, scikit-learn) started from the first k rows, a deterministic clustering both sides
  can run.
* Bootstrap stability: fpc::clusterboot(bootmethod = "boot", multipleboot = FALSE): per resample the drawn row
  numbers are made unique (first occurrence order), the method reclusters those rows, and for every original
  cluster the largest Jaccard coefficient clujaccard(c1$clusterlist[[j]][bsamp], bc1$clusterlist[[k]],
  zerobyzero = 0) is recorded (0 when no new cluster overlaps); bootmean is the mean over resamples, bootbrd the
  count <= dissolution (0.5), bootrecover the count > recover (0.75). The reclustered labels are fixed numbers in
  the fixture, so the worked example does not depend on any clustering.
"""
import json
import sys

import mpmath
import numpy as np
import scipy
import sklearn
from scipy import stats
from scipy.spatial.distance import cdist
from sklearn.cluster import KMeans
from sklearn.datasets import load_iris
from sklearn.decomposition import PCA
from sklearn.metrics import adjusted_mutual_info_score, adjusted_rand_score, normalized_mutual_info_score

EXPECTED_SKLEARN = "1.9.1"


def floats(a):
    return [float(x) for x in np.asarray(a, dtype=float).ravel()]


def ints(a):
    return [int(x) for x in np.asarray(a).ravel()]


def write(name, obj):
    with open(name, "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")


# ---------------------------------------------------------------------------------------------------- agreement
def agreement_case(a, b):
    return {"a": ints(a), "b": ints(b), "ari": float(adjusted_rand_score(a, b)),
            "ami": float(adjusted_mutual_info_score(a, b)), "nmi": float(normalized_mutual_info_score(a, b))}


# ---------------------------------------------------------------------------------------------------- Dunn (clValid)
def dunn(X, clusters):
    """clValid::dunn(Data = X, clusters) with Euclidean distances; rows labelled -1 are left out first."""
    keep = clusters >= 0
    X, clusters = X[keep], clusters[keep]
    distance = cdist(X, X)
    levels = sorted(set(clusters.tolist()))
    nc = len(levels)
    inter = np.full((nc, nc), np.nan)
    intra = np.full(nc, np.nan)
    for i in range(nc):
        c1 = np.where(clusters == levels[i])[0]
        for j in range(i, nc):
            if j == i:
                intra[i] = distance[np.ix_(c1, c1)].max()
            if j > i:
                c2 = np.where(clusters == levels[j])[0]
                inter[i, j] = distance[np.ix_(c1, c2)].min()
    return float(np.nanmin(inter) / intra.max())


# ---------------------------------------------------------------------------------------------------- gap (clusGap)
def sign_fixed_v(xs):
    """svd(xs)$v with each column's largest absolute entry made positive (scikit-learn's svd_flip on rows of Vt)."""
    _, _, vt = np.linalg.svd(xs, full_matrices=False)
    rows = np.argmax(np.abs(vt), axis=1)
    signs = np.sign(vt[np.arange(vt.shape[0]), rows])
    return (vt * signs[:, None]).T


def kmeans_first_rows(X, k):
    km = KMeans(n_clusters=k, init=X[:k], n_init=1, max_iter=300, tol=1e-4, algorithm="lloyd").fit(X)
    return km.labels_


def w_k(X, k, d_power):
    """clusGap's W.k: 0.5 * sum over clusters of sum(dist(xs)^d.power / nrow(xs)); one cluster for k = 1."""
    clus = kmeans_first_rows(X, k) if k > 1 else np.zeros(len(X), dtype=int)
    total = 0.0
    for c in sorted(set(clus.tolist())):
        xs = X[clus == c]
        d = cdist(xs, xs)[np.triu_indices(len(xs), 1)]
        total += np.sum(d ** d_power / len(xs))
    return 0.5 * total


def clus_gap(x, k_max, uniforms, d_power=1):
    n = x.shape[0]
    B = len(uniforms)
    logW = np.array([np.log(w_k(x, k, d_power)) for k in range(1, k_max + 1)])
    center = x.mean(axis=0)
    xs = x - center
    V = sign_fixed_v(xs)
    xs = xs @ V
    lo, hi = xs.min(axis=0), xs.max(axis=0)
    logWks = np.zeros((B, k_max))
    for b, u in enumerate(uniforms):
        z1 = lo + u * (hi - lo)  # runif(n, min, max) = min + (max - min) * u
        z = z1 @ V.T + center
        logWks[b] = [np.log(w_k(z, k, d_power)) for k in range(1, k_max + 1)]
    E_logW = logWks.mean(axis=0)
    SE_sim = np.sqrt((1 + 1 / B) * logWks.var(axis=0, ddof=1))
    gap = E_logW - logW
    return {"logW": floats(logW), "E_logW": floats(E_logW), "gap": floats(gap), "SE_sim": floats(SE_sim),
            "k": max_se_first(gap, SE_sim), "V": floats(V), "center": floats(center)}


def max_se_first(f, se, factor=1.0):
    """cluster::maxSE(f, SE.f, method = "firstSEmax"), returned 1-based as in R."""
    K = len(f)
    fSE = factor * np.asarray(se)
    decr = np.diff(f) <= 0
    nc = int(np.argmax(decr)) + 1 if decr.any() else K
    mp = np.asarray(f[: nc - 1]) >= f[nc - 1] - fSE[nc - 1]
    return int(np.argmax(mp)) + 1 if mp.any() else nc


# ---------------------------------------------------------------------------------------------------- clusterboot
def clujaccard(c1, c2, zerobyzero=0.0):
    union = c1.sum() + c2.sum() - (c1 & c2).sum()
    return zerobyzero if union == 0 else float((c1 & c2).sum() / union)


def clusterboot_boot(partition, draws, relabels, dissolution=0.5, recover=0.75):
    """fpc::clusterboot's "boot" loop with fixed draws (0-based row numbers) and fixed reclusterings."""
    nc = int(partition.max()) + 1
    result = np.zeros((nc, len(draws)))
    for i, (draw, bc) in enumerate(zip(draws, relabels)):
        bsamp = list(dict.fromkeys(draw))  # unique(), first-occurrence order
        bc = np.asarray(bc)
        for j in range(nc):
            original = partition[bsamp] == j
            best = 0.0
            for k in sorted(set(bc[bc >= 0].tolist())):
                best = max(best, clujaccard(original, bc == k))
            result[j, i] = best
    return {"result": floats(result), "mean": floats(result.mean(axis=1)),
            "dissolved": ints((result <= dissolution).sum(axis=1)),
            "recovered": ints((result > recover).sum(axis=1))}


# ---------------------------------------------------------------------------------------------------- p-values
def neg_log10_f_sf(F, d1, d2):
    mpmath.mp.dps = 60
    x = mpmath.mpf(d2) / (d2 + d1 * mpmath.mpf(F))
    p = mpmath.betainc(mpmath.mpf(d2) / 2, mpmath.mpf(d1) / 2, 0, x, regularized=True)
    return float(-mpmath.log10(p))


def neg_log10_chi2_sf(x, df):
    mpmath.mp.dps = 60
    p = mpmath.gammainc(mpmath.mpf(df) / 2, mpmath.mpf(x) / 2, mpmath.inf, regularized=True)
    return float(-mpmath.log10(p))


def main():
    if sklearn.__version__ != EXPECTED_SKLEARN:
        sys.exit(f"expected scikit-learn {EXPECTED_SKLEARN}, found {sklearn.__version__}")
    versions = {"sklearn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__,
                "mpmath": mpmath.__version__}
    rng = np.random.default_rng(20261129)
    iris = load_iris()
    X = iris.data.astype(float)
    species = iris.target.astype(int)
    iris_labels = KMeans(n_clusters=3, init=X[[0, 50, 100]], n_init=1, algorithm="lloyd").fit(X).labels_

    # Agreement: iris, unequal and many-cluster random labellings, a near-identical pair.
    big_a = rng.integers(0, 12, size=1000)
    big_b = np.where(rng.random(1000) < 0.7, big_a % 7, rng.integers(0, 7, size=1000))
    skewed_a = rng.choice(4, size=400, p=[0.7, 0.2, 0.07, 0.03])
    skewed_b = rng.choice(3, size=400, p=[0.5, 0.3, 0.2])
    near = species.copy()
    near[[3, 77, 120]] = [1, 2, 0]
    agreement = {
        "iris_species_kmeans": agreement_case(species, iris_labels),
        "many_clusters": agreement_case(big_a, big_b),
        "skewed_independent": agreement_case(skewed_a, skewed_b),
        "near_identical": agreement_case(species, near),
    }

    # Dunn: iris k-means and species, blobs with noise excluded.
    blobs_truth = rng.integers(0, 4, size=300)
    blobs = rng.normal(0, 4, size=(4, 3))[blobs_truth] + rng.normal(0, 1, size=(300, 3))
    blobs_noisy = blobs_truth.copy()
    blobs_noisy[rng.random(300) < 0.05] = -1
    dunn_cases = {
        "iris_kmeans": {"values": floats(X), "columns": 4, "labels": ints(iris_labels),
                        "dunn": dunn(X, iris_labels)},
        "iris_species": {"values": floats(X), "columns": 4, "labels": ints(species), "dunn": dunn(X, species)},
        "blobs_noise": {"values": floats(blobs), "columns": 3, "labels": ints(blobs_noisy),
                        "dunn": dunn(blobs, blobs_noisy)},
    }

    # Gap: three blobs (structure) and a uniform square (none); B = 10 reference sets each.
    three = np.vstack([rng.normal(c, 0.6, size=(20, 2)) for c in ([0, 0], [5, 1], [2, 6])])
    three = three[rng.permutation(len(three))]
    flat = rng.random((60, 2)) * [4.0, 3.0]
    gap_cases = {}
    for name, data, k_max in (("three_blobs", three, 6), ("uniform", flat, 5)):
        uniforms = rng.random((10, data.shape[0], data.shape[1]))
        gap_cases[name] = {"values": floats(data), "columns": 2, "k_max": k_max, "B": 10, "d_power": 1,
                           "uniforms": [floats(u) for u in uniforms], **clus_gap(data, k_max, uniforms)}
    max_se_cases = []
    for f, se in (([0.1, 0.5, 0.45, 0.6], [0.02, 0.02, 0.02, 0.02]), ([0.1, 0.5, 0.52, 0.4], [0.03] * 4),
                  ([0.3, 0.2, 0.1], [0.05] * 3), ([0.1, 0.2, 0.3, 0.4], [0.01] * 4),
                  ([0.2, 0.5, 0.55, 0.3], [0.01, 0.01, 0.1, 0.01])):
        max_se_cases.append({"f": f, "se": se, "k": max_se_first(np.asarray(f), se)})

    # Principal components as scikit-learn's PCA (components with their largest |loading| positive).
    pca = PCA().fit(X)
    pca_case = {"components": floats(pca.components_), "explained_variance": floats(pca.explained_variance_),
                "projection_head": floats(pca.transform(X)[:5])}

    # One-way ANOVA and chi-squared tests of independence, and extreme -log10 p from mpmath.
    groups = rng.integers(0, 3, size=90)
    values = rng.normal(0, 1, size=90) + 0.4 * groups
    F, p = stats.f_oneway(*[values[groups == g] for g in range(3)])
    table = np.array([[20, 15, 5], [10, 25, 30], [5, 5, 40]])
    chi2, chi_p, dof, _ = stats.chi2_contingency(table, correction=False)
    tests = {
        "anova": {"values": floats(values), "groups": ints(groups), "F": float(F), "p": float(p),
                  "neg_log10_p": neg_log10_f_sf(F, 2, 87)},
        "chi2": {"table": ints(table), "columns": 3, "chi2": float(chi2), "dof": int(dof), "p": float(chi_p),
                 "cramers_v": float(np.sqrt(chi2 / (table.sum() * (min(table.shape) - 1)))),
                 "neg_log10_p": neg_log10_chi2_sf(chi2, dof)},
        "f_tail": [{"F": F_, "d1": d1, "d2": d2, "sf": float(stats.f.sf(F_, d1, d2)),
                    "neg_log10_p": neg_log10_f_sf(F_, d1, d2)}
                   for F_, d1, d2 in ((0.5, 3, 40), (2.5, 4, 120), (12.0, 5, 1994), (900.0, 6, 1993),
                                      (4000.0, 2, 1997))],
        "chi2_tail": [{"x": x, "df": df, "sf": float(stats.chi2.sf(x, df)), "neg_log10_p": neg_log10_chi2_sf(x, df)}
                      for x, df in ((0.3, 1), (7.5, 4), (40.0, 12), (2500.0, 27), (30000.0, 40))],
    }

    # Bootstrap stability, worked example: 12 rows in 3 clusters, 4 resamples with fixed reclusterings.
    partition = np.array([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2])
    draws = [[0, 0, 1, 4, 5, 5, 8, 9, 10, 2, 11, 3],
             [4, 5, 6, 7, 8, 9, 10, 11, 4, 5, 6, 7],
             [0, 1, 2, 3, 3, 4, 8, 8, 9, 9, 1, 6],
             [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
    relabels = [[0, 0, 1, 1, 2, 2, 2, 0, 2, 0],
                [1, 1, 1, 1, 0, 0, 0, 0],
                [0, 0, 0, 0, 1, 1, -1, 1],
                [2, 2, 2, 2, 1, 1, 1, 1, 0, 0, 1, 1]]
    boot = {"partition": ints(partition), "draws": draws, "relabels": relabels,
            **clusterboot_boot(partition, draws, relabels)}

    write("evaluation.json", {"versions": versions, "agreement": agreement, "dunn": dunn_cases, "gap": gap_cases,
                              "max_se": max_se_cases, "pca": pca_case, "tests": tests, "clusterboot": boot})


if __name__ == "__main__":
    main()
