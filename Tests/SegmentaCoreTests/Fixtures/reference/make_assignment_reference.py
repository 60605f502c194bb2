#!/usr/bin/env python3
"""Reference values for the assignment rules of new rows (SegmentaCore's MixtureRule, DBSCANRule, HDBSCANRule;
AssignmentRuleReferenceTests.swift).

Run from this directory with scikit-learn 1.9.1 and hdbscan 0.8.44:

    python3 make_assignment_reference.py

It rewrites assignment.json. Floats are written with repr (shortest round-trip form).

- Gaussian mixture: scikit-learn's GaussianMixture (k=3, random_state=0) fitted on standardised iris for every
  covariance type; `predict` and `predict_proba` of new rows (iris rows shifted by noise, and far-away rows) with
  the fitted weights_, means_ and covariances_, which the Swift test turns into a MixtureRule. A second model is
  built from the same parameters alone (precisions_cholesky_ from the covariances) to show predict needs nothing
  else.
- DBSCAN: scikit-learn's DBSCAN (algorithm="kd_tree") on blobs with scattered noise; the expected segment of a
  new row is computed by brute force: among the core points (core_sample_indices_) with squared Euclidean distance
  <= eps², the nearest (ties -> lower label); none -> -1 (noise). scikit-learn has no DBSCAN.predict.
- HDBSCAN: the hdbscan package (prediction_data=True) and its approximate_predict on new rows; stored per training
  row: the label, the prediction core distance (prediction_data_.core_distances), the lambda at which the row
  leaves its cluster in the condensed tree and the birth lambda of its selected cluster (0 for noise).
"""
import json
import sys
from importlib.metadata import version

import hdbscan
import numpy as np
import sklearn
from sklearn.cluster import DBSCAN
from sklearn.datasets import load_iris, make_blobs
from sklearn.mixture import GaussianMixture
from sklearn.mixture._gaussian_mixture import _compute_precision_cholesky
from sklearn.preprocessing import StandardScaler

EXPECTED = {"sklearn": "1.9.1", "hdbscan": "0.8.44"}


def floats(a):
    return [float(x) for x in np.asarray(a, dtype=float).ravel()]


def ints(a):
    return [int(x) for x in np.asarray(a).ravel()]


def mixture_cases():
    X = StandardScaler().fit_transform(load_iris().data)
    rng = np.random.RandomState(7)
    shifted = X[rng.choice(len(X), 60, replace=False)] + rng.normal(scale=0.4, size=(60, X.shape[1]))
    far = rng.normal(scale=6.0, size=(15, X.shape[1]))
    new = np.vstack([shifted, far])
    cases = {}
    for covariance_type in ["full", "diag", "tied", "spherical"]:
        fitted = GaussianMixture(n_components=3, covariance_type=covariance_type, random_state=0).fit(X)
        rebuilt = GaussianMixture(n_components=3, covariance_type=covariance_type)
        rebuilt.weights_ = fitted.weights_
        rebuilt.means_ = fitted.means_
        rebuilt.covariances_ = fitted.covariances_
        rebuilt.precisions_cholesky_ = _compute_precision_cholesky(fitted.covariances_, covariance_type)
        labels = fitted.predict(new)
        assert (rebuilt.predict(new) == labels).all()
        cases[covariance_type] = {
            "weights": floats(fitted.weights_), "means": floats(fitted.means_),
            "covariances": floats(fitted.covariances_), "labels": ints(labels),
            "probabilities": floats(fitted.predict_proba(new)),
        }
    return {"columns": X.shape[1], "data": floats(X), "new": floats(new), "cases": cases}


def blobs_with_noise(seed):
    rng = np.random.RandomState(seed)
    X, _ = make_blobs(n_samples=300, centers=[[0, 0], [5, 5], [0, 6]], cluster_std=[0.6, 0.9, 0.5],
                      random_state=seed)
    noise = rng.uniform(-4, 10, size=(40, 2))
    return np.vstack([X, noise])


def new_rows(X, seed):
    """Half near training rows (jittered), half anywhere in and around the data."""
    rng = np.random.RandomState(seed)
    near = X[rng.choice(len(X), 100, replace=False)] + rng.normal(scale=0.5, size=(100, 2))
    return np.vstack([near, rng.uniform(-5, 11, size=(100, 2))])


def dbscan_case():
    X = blobs_with_noise(3)
    eps, min_samples = 0.6, 6
    model = DBSCAN(eps=eps, min_samples=min_samples, algorithm="kd_tree").fit(X)
    core = model.core_sample_indices_
    new = new_rows(X, 4)
    squared = ((new[:, None, :] - X[core][None, :, :]) ** 2).sum(axis=2)
    expected = []
    for row in squared:
        within = [(d, int(model.labels_[c])) for d, c in zip(row, core) if d <= eps * eps]
        expected.append(min(within)[1] if within else -1)
    return {"columns": 2, "data": floats(X), "eps": eps, "min_points": min_samples, "new": floats(new),
            "core": ints(core), "labels": ints(model.labels_), "expected": expected}


def hdbscan_case():
    X = blobs_with_noise(5)
    min_size, min_samples = 15, 8
    model = hdbscan.HDBSCAN(min_cluster_size=min_size, min_samples=min_samples, prediction_data=True).fit(X)
    raw = model.condensed_tree_._raw_tree
    n = X.shape[0]
    exit_lambda = np.zeros(n)
    points = raw[raw["child"] < n]
    exit_lambda[points["child"]] = points["lambda_val"]
    birth_of = {int(c): float(l) for c, l in zip(raw["child"], raw["lambda_val"]) if c >= n}
    selected = model.prediction_data_.reverse_cluster_map
    birth = [birth_of[selected[label]] if label >= 0 else 0.0 for label in model.labels_]
    new = new_rows(X, 6)
    labels, _, neighbours = hdbscan.approximate_predict(model, new, return_connecting_points=True)
    walked = int(((model.labels_[neighbours] >= 0) & (labels < 0)).sum())
    assert walked > 0, "no new row exercises the walk up the cluster tree"
    return {"columns": 2, "data": floats(X), "min_size": min_size, "min_samples": min_samples, "new": floats(new),
            "labels": ints(model.labels_), "core_distances": floats(model.prediction_data_.core_distances),
            "exit_lambdas": floats(exit_lambda), "birth_lambdas": birth, "expected": ints(labels)}


def main():
    found = {"sklearn": sklearn.__version__, "hdbscan": version("hdbscan")}
    if found != EXPECTED:
        sys.exit(f"expected {EXPECTED}, found {found}")
    out = {"mixture": mixture_cases(), "dbscan": dbscan_case(), "hdbscan": hdbscan_case()}
    with open("assignment.json", "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
