#!/usr/bin/env python3
"""Reference values for the hierarchical clustering tests of SegmentaCore (HierarchicalReferenceTests).

Run from this directory with SciPy 1.17.1 / scikit-learn 1.9.1 / NumPy 2.x:

    python3 make_hierarchical.py

It rewrites hierarchical.json: for Iris (raw, from sklearn.datasets.load_iris, the rows of iris.json) and for a
seeded synthetic set without ties, per linkage (ward, complete, average, single) SciPy's linkage matrix
Z = linkage(X, method) flattened row by row (left, right, height, size), the flat clusters of fcluster at
k = 2..6 ('maxclust') and at one height ('distance'), and the leaf labels of
dendrogram(Z, truncate_mode='lastp', p=P). Floats are written with repr (shortest round-trip form).
"""
import json
import sys

import numpy as np
import scipy
import sklearn
from scipy.cluster.hierarchy import dendrogram, fcluster, linkage
from scipy.spatial.distance import pdist
from sklearn.datasets import load_iris
from sklearn.metrics import silhouette_score

EXPECTED_SCIPY = "1.17.1"
METHODS = ["ward", "complete", "average", "single"]


def floats(a):
    return [float(x) for x in np.asarray(a, dtype=float).ravel()]


def ints(a):
    return [int(x) for x in np.asarray(a).ravel()]


def case(X, method, ks, p):
    Z = linkage(X, method)
    heights = Z[:, 2]
    # A height halfway between the 4th and 3rd highest merge: 4 clusters, far from any tie.
    t = float((heights[-4] + heights[-3]) / 2)
    return {
        "Z": floats(Z),
        "cuts": {str(k): ints(fcluster(Z, k, criterion="maxclust")) for k in ks},
        "height_cut": {"t": t, "labels": ints(fcluster(Z, t, criterion="distance"))},
        "lastp": {"p": p, "ivl": dendrogram(Z, truncate_mode="lastp", p=p, no_plot=True)["ivl"]},
    }


def write(name, obj):
    with open(name, "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")


def main():
    if scipy.__version__ != EXPECTED_SCIPY:
        sys.exit(f"expected SciPy {EXPECTED_SCIPY}, found {scipy.__version__}")
    versions = {"sklearn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__}
    ks = range(2, 7)

    # Iris has tied distances (duplicate rows, one-decimal values): heights and cuts are unique, merge order
    # among ties is not.
    iris = load_iris().data.astype(float)
    ward3 = fcluster(linkage(iris, "ward"), 3, criterion="maxclust")
    iris_cases = {m: case(iris, m, ks, 30) for m in METHODS}
    iris_cases["ward"]["k3_silhouette"] = float(silhouette_score(iris, ward3))

    # Three seeded Gaussian blobs in 3-D: continuous values, so no two pairwise distances and no two merge heights
    # coincide (checked below) and the whole linkage matrix is unique.
    rng = np.random.default_rng(20260311)
    n, d = 240, 3
    centres = rng.normal(0, 4, size=(3, d))
    X = centres[rng.integers(0, 3, size=n)] + rng.normal(0, 1, size=(n, d))
    distances = np.sort(pdist(X))
    assert np.all(np.diff(distances) > 1e-9 * distances[1:]), "tied distances"
    blob_cases = {m: case(X, m, ks, 12) for m in METHODS}
    for m in METHODS:
        heights = np.sort(np.asarray(blob_cases[m]["Z"]).reshape(-1, 4)[:, 2])
        assert np.all(np.diff(heights) > 1e-9 * heights[1:]), f"tied {m} heights"

    write("hierarchical.json", {
        "versions": versions,
        "iris": {"linkages": iris_cases},
        "blobs": {"rows": n, "columns": d, "values": floats(X), "linkages": blob_cases},
    })


if __name__ == "__main__":
    main()
