#!/usr/bin/env python3
"""Reference values for k-means with algorithm="elkan" and for MiniBatchKMeans (SegmentaCore tests).

Run from this directory with scikit-learn 1.9.1 / NumPy 2.x, after make_reference.py (it reads the iris and
random data from iris.json and kmeans_cases.json so that both scripts cluster exactly the same numbers):

    python3 make_kmeans_variants.py

It rewrites kmeans_variants.json:
  * "elkan": sklearn KMeans(algorithm="elkan") from explicit starts on iris, the random blobs, the toy set and a
    3000 x 2 low-dimensional set; every case is also run with algorithm="lloyd" and the script stops unless both
    give the same labels and iteration count (so one fixture checks Segmenta's Lloyd, Elkan and Hamerly);
    plus "ties", a 6-row case with an exact tie where scikit-learn's lloyd and elkan end differently;
  * "minibatch": a well-separated 4000 x 2 blob set, MiniBatchKMeans (defaults: batch_size 1024, n_init "auto",
    max_iter 100, reassignment_ratio 0.01, max_no_improvement 10, tol 0) for random_state 0..4, and full
    KMeans (n_init=10, random_state 0) labels and inertia. NumPy's RNG is not reproduced in Swift, so the tests
    compare inertia within a stated relative tolerance and labels by ARI.
Floats are written with repr (shortest round-trip form); generated data are rounded to 4 (low-dimensional) or
3 (blobs) decimals first, and the rounded values are what scikit-learn clusters.
"""
import json
import re
import sys

import numpy as np
import sklearn
from sklearn.cluster import KMeans, MiniBatchKMeans

EXPECTED_SKLEARN = "1.9.1"


def floats(a):
    return [float(x) for x in np.asarray(a, dtype=float).ravel()]


def ints(a):
    return [int(x) for x in np.asarray(a).ravel()]


def fit(X, init, algorithm, max_iter, tol):
    return KMeans(n_clusters=len(init), init=np.asarray(init, dtype=float), n_init=1, max_iter=max_iter, tol=tol,
                  algorithm=algorithm).fit(X)


def result(km, init, max_iter, tol):
    return {
        "init": floats(init), "max_iter": max_iter, "tol": tol,
        "labels": ints(km.labels_), "inertia": float(km.inertia_), "n_iter": int(km.n_iter_),
        "centers": floats(km.cluster_centers_),
    }


def elkan_case(X, init, max_iter=300, tol=1e-4):
    elkan = fit(X, init, "elkan", max_iter, tol)
    lloyd = fit(X, init, "lloyd", max_iter, tol)
    if not (np.array_equal(elkan.labels_, lloyd.labels_) and elkan.n_iter_ == lloyd.n_iter_
            and np.isclose(elkan.inertia_, lloyd.inertia_, rtol=1e-12)):
        sys.exit("scikit-learn's elkan and lloyd disagree on a reference case; choose another start")
    return result(elkan, init, max_iter, tol)


def group(X, cases):
    return {"values": floats(X), "columns": int(X.shape[1]), "cases": cases}


def load(name):
    with open(name) as f:
        return json.load(f)


def matrix(values, columns):
    return np.asarray(values, dtype=float).reshape(-1, columns)


def main():
    if sklearn.__version__ != EXPECTED_SKLEARN:
        sys.exit(f"expected scikit-learn {EXPECTED_SKLEARN}, found {sklearn.__version__}")
    versions = {"sklearn": sklearn.__version__, "numpy": np.__version__}

    iris_json = load("iris.json")
    iris = matrix(iris_json["values"], iris_json["columns"])
    cases_json = load("kmeans_cases.json")
    Xr = matrix(cases_json["random"]["values"], cases_json["random"]["columns"])
    toy = matrix(cases_json["toy"]["values"], cases_json["toy"]["columns"])
    d = Xr.shape[1]

    # 3000 x 2, eight overlapping blobs: many iterations, three 1024-row chunks, most distances prunable.
    rng = np.random.default_rng(20260611)
    means = rng.uniform(-10, 10, size=(8, 2))
    truth = rng.integers(0, 8, size=3000)
    low = np.round(means[truth] + rng.normal(0, 2.5, size=(3000, 2)), 4)

    elkan = {
        "iris": {"cases": {"rows_0_50_100": elkan_case(iris, iris[[0, 50, 100]])}},
        "random": {"cases": {
            "tolerance_stop": elkan_case(Xr, Xr[[0, 1, 2, 3]], tol=0.05),
            "max_iter_stop": elkan_case(Xr, Xr[[0, 1, 2, 3]], max_iter=2),
            "default_tol": elkan_case(Xr, Xr[[10, 20, 30, 40]]),
            "empty_cluster": elkan_case(Xr, np.vstack([Xr[[0, 1, 2]], np.full((1, d), 1000.0)])),
        }},
        "toy": {"cases": {
            "empty_cluster": elkan_case(toy, np.array([[0, 0], [0, 1], [-100, -100]], dtype=float)),
        }},
        "lowdim": group(low, {
            "first_rows_tol0": elkan_case(low, low[:8], tol=0.0),
            "spread_rows": elkan_case(low, low[[5, 400, 800, 1200, 1600, 2000, 2400, 2800]]),
        }),
    }

    # An exact tie: in iteration 3 the row 3.0 is 1.5 from both centres (4.5 and 1.5). Lloyd takes the lowest
    # index (and so does Segmenta's Elkan); scikit-learn's Elkan keeps the current centre and ends elsewhere.
    ties = np.array([[4], [0], [5], [5], [3], [4]], dtype=float)
    start = ties[[3, 0]]
    elkan["ties"] = group(ties, {
        "lloyd": result(fit(ties, start, "lloyd", 300, 0.0), start, 300, 0.0),
        "sklearn_elkan": result(fit(ties, start, "elkan", 300, 0.0), start, 300, 0.0),
    })

    # 4000 x 2, five well-separated blobs (std 1, centres at least 15 apart).
    rng = np.random.default_rng(20260612)
    centres = np.array([[0, 0], [20, 0], [0, 20], [20, 20], [40, 10]], dtype=float)
    truth = np.arange(4000) % 5
    blobs = np.round(centres[truth] + rng.normal(0, 1.0, size=(4000, 2)), 3)
    runs = [MiniBatchKMeans(n_clusters=5, random_state=seed).fit(blobs) for seed in range(5)]
    full = KMeans(n_clusters=5, n_init=10, random_state=0).fit(blobs)
    minibatch = {
        "values": floats(blobs), "columns": 2, "k": 5, "truth": ints(truth),
        "sklearn_inertia": [float(r.inertia_) for r in runs],
        "sklearn_n_steps": [int(r.n_steps_) for r in runs],
        "full_inertia": float(full.inertia_), "full_labels": ints(full.labels_),
    }

    write("kmeans_variants.json", {"versions": versions, "elkan": elkan, "minibatch": minibatch})


def write(name, obj):
    """Indented JSON with every list of numbers on one line (small, and diffs still show which case changed)."""
    text = json.dumps(obj, indent=1)
    text = re.sub(r"\[\s*([-0-9.e,\s]*?)\s*\]", lambda m: "[" + "".join(m.group(1).split()) + "]", text)
    with open(name, "w") as f:
        f.write(text + "\n")


if __name__ == "__main__":
    main()
