#!/usr/bin/env python3
"""Reference values for the density-based clustering tests of SegmentaCore (DBSCAN, HDBSCAN, k-distance).

Run from this directory with scikit-learn 1.9.1 and hdbscan 0.8.44 (`pip install hdbscan==0.8.44`):

    python3 make_density_reference.py

It rewrites density.json. Floats are written with repr (shortest round-trip form), so the Swift tests read exactly
the doubles Python produced.

- DBSCAN: scikit-learn with algorithm="kd_tree" (exact distances, a neighbour at exactly eps counts). Core flags
  are `core_sample_indices_`. The "border" toy has one border point within eps of two clusters, in two row orders.
- HDBSCAN: the hdbscan package on its documented settings (min_cluster_size=m, min_samples defaulting to m, which
  does not count the point itself) and scikit-learn's HDBSCAN on its defaults (min_samples=m, counting the point
  itself). Segmenta counts the point itself, so hdbscan's default corresponds to Segmenta's min_samples = m + 1.
  hdbscan's default (`algorithm="best"`, i.e. Borůvka on a k-d tree with `approx_min_span_tree=True`) may return a
  spanning tree that is not minimal, and where mutual reachability distances tie (duplicate rows, equal core
  distances) several trees are minimal; the labels of `algorithm="generic"` (Prim on the full distance matrix, exact)
  are stored too.
- k-distance: distance to the min_points-th nearest row, the row itself counted (NearestNeighbors.kneighbors on the
  fitted rows returns each row as its own first neighbour).
"""
import json
import sys
import warnings
from importlib.metadata import version

import hdbscan
import numpy as np
import sklearn
from sklearn.cluster import DBSCAN, HDBSCAN
from sklearn.datasets import load_iris, make_blobs
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import StandardScaler

EXPECTED = {"sklearn": "1.9.1", "hdbscan": "0.8.44"}


def floats(a):
    return [float(x) for x in np.asarray(a, dtype=float).ravel()]


def ints(a):
    return [int(x) for x in np.asarray(a).ravel()]


def dbscan(X, eps, min_samples):
    model = DBSCAN(eps=eps, min_samples=min_samples, algorithm="kd_tree").fit(X)
    core = np.zeros(X.shape[0], dtype=bool)
    core[model.core_sample_indices_] = True
    return {"eps": eps, "min_points": min_samples, "labels": ints(model.labels_), "core": [bool(c) for c in core]}


def hdbscan_cases(X, sizes):
    cases = []
    for m in sizes:
        package = hdbscan.HDBSCAN(min_cluster_size=m).fit(X)
        generic = hdbscan.HDBSCAN(min_cluster_size=m, algorithm="generic").fit(X)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            scikit = HDBSCAN(min_cluster_size=m).fit(X)
        cases.append({
            "min_size": m,
            "hdbscan_labels": ints(package.labels_),
            "hdbscan_generic_labels": ints(generic.labels_),
            "hdbscan_min_samples": m + 1,
            "sklearn_labels": ints(scikit.labels_),
            "sklearn_min_samples": m,
        })
    return cases


def dataset(X, **extra):
    return {"rows": X.shape[0], "columns": X.shape[1], "values": floats(X), **extra}


def main():
    found = {"sklearn": sklearn.__version__, "hdbscan": version("hdbscan")}
    for name, expected in EXPECTED.items():
        if found[name] != expected:
            sys.exit(f"expected {name} {expected}, found {found[name]}")
    versions = {**found, "numpy": np.__version__}

    # Three 2-D blobs of different spread and 40 uniform noise points.
    rng = np.random.default_rng(7)
    X, _ = make_blobs(n_samples=[150, 100, 80], centers=[[0, 0], [4, 1], [1, 5]], cluster_std=[0.6, 0.9, 0.4],
                      random_state=3)
    blobs = np.vstack([X, rng.uniform(-4, 8, size=(40, 2))])
    knn = NearestNeighbors(n_neighbors=5, algorithm="kd_tree").fit(blobs)
    kdist = np.sort(knn.kneighbors(blobs)[0][:, -1])

    # Four 5-D blobs of different spread and 10 % uniform noise.
    X5, _ = make_blobs(n_samples=[300, 200, 120, 60], n_features=5, centers=None, cluster_std=[1.0, 0.6, 1.4, 0.3],
                       center_box=(-8, 8), random_state=11)
    blobs5 = np.vstack([X5, rng.uniform(-10, 10, size=(68, 5))])

    # Iris, z-scored with ddof 0 (StandardScaler).
    iris = StandardScaler().fit_transform(load_iris().data)

    # One border point (6.5) within eps = 3.5 of core points of two clusters, listed in two row orders.
    line = np.array([[10], [11], [12], [13], [6.5], [0], [1], [2], [3]], dtype=float)

    write = {
        "versions": versions,
        "blobs": dataset(blobs, dbscan=[dbscan(blobs, 0.4, 5), dbscan(blobs, 0.3, 8)],
                         hdbscan=hdbscan_cases(blobs, [5, 15]), kdistance_min_points=5, kdistance=floats(kdist)),
        "blobs5": dataset(blobs5, dbscan=[dbscan(blobs5, 1.5, 5)], hdbscan=hdbscan_cases(blobs5, [5, 15])),
        "iris_z": dataset(iris, dbscan=[dbscan(iris, 0.6, 5), dbscan(iris, 0.8, 10)],
                          hdbscan=hdbscan_cases(iris, [5, 15])),
        "border": dataset(line, dbscan=[dbscan(line, 3.5, 4)]),
        "border_reversed": dataset(line[::-1].copy(), dbscan=[dbscan(line[::-1].copy(), 3.5, 4)]),
    }
    with open("density.json", "w") as f:
        json.dump(write, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
