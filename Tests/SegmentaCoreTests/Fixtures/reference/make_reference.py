#!/usr/bin/env python3
"""Reference values for the k-means, internal-index and agreement tests of SegmentaCore.

Run from this directory with scikit-learn 1.9.1 / SciPy 1.17.1 / NumPy 2.x:

    python3 make_reference.py

It rewrites iris.json, toy.json, random.json and kmeans_cases.json. Floats are written with repr (shortest
round-trip form), so the Swift tests read exactly the doubles scikit-learn produced. Iris comes from
sklearn.datasets.load_iris (shipped inside the package, no download).
"""
import json
import sys

import numpy as np
import scipy
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import load_iris
from sklearn.metrics import (adjusted_mutual_info_score, adjusted_rand_score, calinski_harabasz_score,
                             davies_bouldin_score, silhouette_samples, silhouette_score)

EXPECTED_SKLEARN = "1.9.1"


def floats(a):
    return [float(x) for x in np.asarray(a, dtype=float).ravel()]


def ints(a):
    return [int(x) for x in np.asarray(a).ravel()]


def internal(X, labels):
    """Internal indices on the rows whose label is not -1 (noise)."""
    keep = labels >= 0
    X, labels = X[keep], labels[keep]
    return {
        "silhouette": float(silhouette_score(X, labels)),
        "silhouette_samples": floats(silhouette_samples(X, labels)),
        "calinski_harabasz": float(calinski_harabasz_score(X, labels)),
        "davies_bouldin": float(davies_bouldin_score(X, labels)),
    }


def kmeans_explicit(X, init, max_iter=300, tol=1e-4):
    km = KMeans(n_clusters=len(init), init=np.asarray(init, dtype=float), n_init=1, max_iter=max_iter, tol=tol,
                algorithm="lloyd").fit(X)
    return {
        "init": floats(init), "max_iter": max_iter, "tol": tol,
        "labels": ints(km.labels_), "inertia": float(km.inertia_), "n_iter": int(km.n_iter_),
        "centers": floats(km.cluster_centers_),
    }


def write(name, obj):
    with open(name, "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")


def main():
    if sklearn.__version__ != EXPECTED_SKLEARN:
        sys.exit(f"expected scikit-learn {EXPECTED_SKLEARN}, found {sklearn.__version__}")
    versions = {"sklearn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__}

    # Iris, raw, k-means from rows 0, 50, 100.
    iris = load_iris()
    X = iris.data.astype(float)
    species = iris.target.astype(int)
    km = kmeans_explicit(X, X[[0, 50, 100]])
    labels = np.asarray(km["labels"])
    write("iris.json", {
        "versions": versions, "rows": X.shape[0], "columns": X.shape[1],
        "names": list(iris.feature_names), "values": floats(X), "species": ints(species),
        "kmeans": km, "sizes": ints(np.bincount(labels)),
        "metrics": internal(X, labels),
        "ari_vs_species": float(adjusted_rand_score(species, labels)),
        "ami_vs_species": float(adjusted_mutual_info_score(species, labels)),
    })

    # Toy cases from NUMERICS.md.
    db_X = np.array([[0, 0], [0, 2], [10, 0], [10, 4]], dtype=float)
    db_labels = np.array([0, 0, 1, 1])
    sil_X = np.array([[0], [1], [2], [10], [12], [30]], dtype=float)
    sil_labels = np.array([0, 0, 0, 1, 1, 2])
    write("toy.json", {
        "versions": versions,
        "db": {"values": floats(db_X), "columns": 2, "labels": ints(db_labels),
               "davies_bouldin": float(davies_bouldin_score(db_X, db_labels))},
        "singleton": {"values": floats(sil_X), "columns": 1, "labels": ints(sil_labels), **internal(sil_X, sil_labels)},
    })

    # A larger seeded case: 500 × 5, four blobs, labels partly scrambled, a second labelling, some noise.
    rng = np.random.default_rng(20240611)
    n, d, k = 500, 5, 4
    truth = rng.integers(0, k, size=n)
    means = rng.normal(0, 3, size=(k, d))
    X = means[truth] + rng.normal(0, 1.5, size=(n, d))
    labels = truth.copy()
    flip = rng.random(n) < 0.2
    labels[flip] = rng.integers(0, k, size=flip.sum())
    other = rng.integers(0, 6, size=n)
    noisy = labels.copy()
    noisy[rng.random(n) < 0.1] = -1
    keep = noisy >= 0
    write("random.json", {
        "versions": versions, "rows": n, "columns": d, "values": floats(X),
        "labels": ints(labels), "truth": ints(truth), "other": ints(other), "noisy": ints(noisy),
        "metrics": internal(X, labels),
        "noisy_metrics": internal(X, noisy),
        "ari_truth_labels": float(adjusted_rand_score(truth, labels)),
        "ami_truth_labels": float(adjusted_mutual_info_score(truth, labels)),
        "ari_labels_other": float(adjusted_rand_score(labels, other)),
        "ami_labels_other": float(adjusted_mutual_info_score(labels, other)),
        "ari_truth_noisy_excluded": float(adjusted_rand_score(truth[keep], noisy[keep])),
        "ami_truth_noisy_excluded": float(adjusted_mutual_info_score(truth[keep], noisy[keep])),
        "ari_truth_noisy_as_cluster": float(adjusted_rand_score(truth, noisy)),
        "ami_truth_noisy_as_cluster": float(adjusted_mutual_info_score(truth, noisy)),
    })

    # k-means edge cases with explicit starts: tolerance stop (final E-step), max_iter stop, empty cluster.
    Xr = X
    far = np.vstack([Xr[[0, 1, 2]], np.full((1, d), 1000.0)])
    toy = np.array([[0, 0], [0, 1], [1, 0], [9, 9], [9, 10], [10, 9], [30, 30]], dtype=float)
    write("kmeans_cases.json", {
        "versions": versions,
        "random": {"values": floats(Xr), "columns": d, "cases": {
            "tolerance_stop": kmeans_explicit(Xr, Xr[[0, 1, 2, 3]], tol=0.05),
            "max_iter_stop": kmeans_explicit(Xr, Xr[[0, 1, 2, 3]], max_iter=2),
            "default_tol": kmeans_explicit(Xr, Xr[[10, 20, 30, 40]]),
            "empty_cluster": kmeans_explicit(Xr, far),
        }},
        "toy": {"values": floats(toy), "columns": 2, "cases": {
            "empty_cluster": kmeans_explicit(toy, np.array([[0, 0], [0, 1], [-100, -100]], dtype=float)),
        }},
    })


if __name__ == "__main__":
    main()
