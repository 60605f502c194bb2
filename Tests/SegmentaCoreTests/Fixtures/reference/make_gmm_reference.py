#!/usr/bin/env python3
"""Reference values for the Gaussian mixture tests of SegmentaCore (GaussianMixture*Tests.swift).

Run from this directory with scikit-learn 1.9.1 / NumPy 2.x:

    python3 make_gmm_reference.py

It rewrites gmm_cases.json. Every case starts EM from given initial responsibilities (one-hot k-means labels or
soft random ones), because bit-exact agreement with NumPy's RNG is not a goal (NUMERICS.md): the Swift tests
start from the same responsibilities and must then agree with scikit-learn to rounding.

The k-means labels are the ones scikit-learn's own `init_params="kmeans"` draws for `random_state=0`
(`KMeans(n_clusters=k, n_init=1, random_state=RandomState(0))`); the script checks that a fit from those labels
equals `GaussianMixture(random_state=0)`, so the iris BIC sweep is NUMERICS.md's 829.978, 574.018, 580.861,
629.838. Floats are written with repr (shortest round-trip form).
"""
import json
import sys
import warnings

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import load_iris
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture

EXPECTED_SKLEARN = "1.9.1"
COVARIANCE_TYPES = ["full", "diag", "tied", "spherical"]


def floats(a):
    return [float(x) for x in np.asarray(a, dtype=float).ravel()]


def ints(a):
    return [int(x) for x in np.asarray(a).ravel()]


def sklearn_kmeans_labels(X, k, seed=0):
    """The labels GaussianMixture(init_params="kmeans", random_state=seed) starts from (first init)."""
    return KMeans(n_clusters=k, n_init=1, random_state=np.random.RandomState(seed)).fit(X).labels_


def one_hot(labels, k):
    resp = np.zeros((len(labels), k))
    resp[np.arange(len(labels)), labels] = 1
    return resp


def fit_from(X, resp, covariance_type, max_iter=100, tol=1e-3, reg_covar=1e-6):
    """A GaussianMixture fitted from the given initial responsibilities (scikit-learn's own _initialize)."""
    gm = GaussianMixture(n_components=resp.shape[1], covariance_type=covariance_type, max_iter=max_iter, tol=tol,
                         reg_covar=reg_covar)
    gm._initialize_parameters = lambda X_, random_state, xp=None: gm._initialize(X_, resp)
    gm.fit(X)
    return gm


def describe(X, gm, init, max_iter=100, tol=1e-3, reg_covar=1e-6):
    n = X.shape[0]
    return {
        **init, "k": int(gm.n_components), "covariance_type": gm.covariance_type,
        "max_iter": max_iter, "tol": tol, "reg_covar": reg_covar,
        "weights": floats(gm.weights_), "means": floats(gm.means_), "covariances": floats(gm.covariances_),
        "log_likelihood": float(gm.score(X) * n), "bic": float(gm.bic(X)), "aic": float(gm.aic(X)),
        "lower_bound": float(gm.lower_bound_), "n_iter": int(gm.n_iter_), "converged": bool(gm.converged_),
        "labels": ints(gm.predict(X)), "resp": floats(gm.predict_proba(X)),
    }


def labelled_case(X, labels, covariance_type, **options):
    k = int(labels.max()) + 1
    gm = fit_from(X, one_hot(labels, k), covariance_type, **options)
    return describe(X, gm, {"init_labels": ints(labels)}, **options)


def main():
    if sklearn.__version__ != EXPECTED_SKLEARN:
        sys.exit(f"expected scikit-learn {EXPECTED_SKLEARN}, found {sklearn.__version__}")
    versions = {"sklearn": sklearn.__version__, "numpy": np.__version__}

    iris = load_iris().data.astype(float)

    # A seeded synthetic set: 400 × 3, three components with different shapes (one elongated and tilted).
    rng = np.random.default_rng(20250114)
    sizes = [180, 140, 80]
    blobs = np.vstack([
        rng.multivariate_normal([0, 0, 0], [[4.0, 1.5, 0.5], [1.5, 1.0, 0.2], [0.5, 0.2, 0.5]], size=sizes[0]),
        rng.multivariate_normal([6, 2, -1], np.diag([0.5, 2.0, 1.0]), size=sizes[1]),
        rng.multivariate_normal([2, 7, 3], 0.8 * np.eye(3), size=sizes[2]),
    ])

    cases = {}
    iris_labels = sklearn_kmeans_labels(iris, 3)
    blob_labels = sklearn_kmeans_labels(blobs, 3)
    for covariance_type in COVARIANCE_TYPES:
        cases[f"iris_{covariance_type}"] = {"dataset": "iris", **labelled_case(iris, iris_labels, covariance_type)}
        cases[f"blobs_{covariance_type}"] = {"dataset": "blobs", **labelled_case(blobs, blob_labels, covariance_type)}
        # scikit-learn's fit with random_state=0 is the fit from these labels.
        own = GaussianMixture(3, covariance_type=covariance_type, random_state=0).fit(iris)
        assert abs(own.bic(iris) - cases[f"iris_{covariance_type}"]["bic"]) < 1e-9, covariance_type

    # Soft random starting responsibilities (all means start near the grand mean, so the default tol would stop
    # after two iterations; tol=1e-6 lets EM find the components), and a max_iter stop (warning silenced).
    soft = rng.random((blobs.shape[0], 3))
    soft /= soft.sum(axis=1, keepdims=True)
    cases["blobs_full_soft_start"] = {
        "dataset": "blobs",
        **describe(blobs, fit_from(blobs, soft, "full", tol=1e-6), {"init_resp": floats(soft)}, tol=1e-6)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        cases["blobs_diag_max_iter_3"] = {
            "dataset": "blobs", **labelled_case(blobs, blob_labels, "diag", max_iter=3)}

    # NUMERICS.md: iris raw, full, BIC for k = 1..4 from scikit-learn's k-means init with random_state=0.
    sweep = []
    for k in range(1, 5):
        labels = sklearn_kmeans_labels(iris, k)
        gm = fit_from(iris, one_hot(labels, k), "full")
        own = GaussianMixture(k, covariance_type="full", random_state=0).fit(iris)
        assert abs(own.bic(iris) - gm.bic(iris)) < 1e-9, k
        sweep.append({"k": k, "init_labels": ints(labels), "bic": float(gm.bic(iris)), "aic": float(gm.aic(iris)),
                      "log_likelihood": float(gm.score(iris) * iris.shape[0]), "n_iter": int(gm.n_iter_)})

    with open("gmm_cases.json", "w") as f:
        json.dump({
            "versions": versions,
            "datasets": {
                "iris": {"columns": iris.shape[1], "values": floats(iris)},
                "blobs": {"columns": blobs.shape[1], "values": floats(blobs)},
            },
            "cases": cases,
            "iris_full_bic_sweep": sweep,
        }, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
