#!/usr/bin/env python3
"""Reference values for the k-medoids, Gower and k-prototypes tests of SegmentaCore.

Run from this directory with kmedoids 0.5.5, kmodes 0.12.2, NumPy 2.x (`pip install kmodes==0.12.2 kmedoids`):

    python3 make_medoids_reference.py

It rewrites pam.json, gower.json and kprototypes.json. Floats are written with repr (shortest round-trip form).

- PAM: `kmedoids.pam` (BUILD + SWAP, Kaufman & Rousseeuw 1990) on a 60-row, 3-feature set, euclidean and manhattan
  dissimilarities computed as sqrt(sum((a - b)^2)) and sum(|a - b|) (summed left to right, as the Swift code does).
- Gower: R is not available here, so `daisy_gower` below implements the documented formula of R's
  `cluster::daisy(x, metric = "gower", weights = w)` (cluster 2.1, daisy.R + daisy.f): every column is first
  range-scaled as (x - min) / (max - min) over the non-missing values (a range of 0 becomes 1); then
  d(i, j) = sum_v w_v * delta_ijv * d_ijv / sum_v w_v * delta_ijv, where delta_ijv = 0 if either value of variable v is
  missing, d_ijv = |x_iv - x_jv| (scaled) for interval and ordinal (integer-coded) variables and 0/1 (equal or not)
  for nominal ones. Variables are summed in column order: numeric first, then categorical.
  PAM on that matrix (`kmedoids.pam`) gives the reference for `run kmedoids metric=gower`.
- k-prototypes: `kmodes.kprototypes.KPrototypes` (Huang 1998) with init Cao, gamma auto (0.5 x mean per-column std,
  ddof 0): the best cost over n_init=10 (random_state=0) for k=3, the best costs of n_init=10 for random_state
  0..19 for k=4, and labels/cost/iterations from given initial centroids (categorical levels are coded in sorted
  order, as `kmodes.util.encode_features` does).
"""
import json
import sys

import kmedoids
import kmodes
import numpy as np
from kmodes.kprototypes import KPrototypes

EXPECTED_KMODES = "0.12.2"


def floats(a):
    return [float(x) for x in np.asarray(a, dtype=float).ravel()]


def floats_or_none(a):
    """Floats with NaN written as null (JSON has no NaN)."""
    return [None if np.isnan(x) else float(x) for x in np.asarray(a, dtype=float).ravel()]


def ints(a):
    return [int(x) for x in np.asarray(a).ravel()]


def write(name, obj):
    with open(name, "w") as f:
        json.dump(obj, f, indent=1, ensure_ascii=False)
        f.write("\n")


def euclidean(X):
    return np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))


def manhattan(X):
    return np.abs(X[:, None, :] - X[None, :, :]).sum(-1)


def pam_case(D, k):
    r = kmedoids.pam(D, k, max_iter=100, init="build")
    return {
        "k": k, "build": ints(kmedoids.pam_build(D, k).medoids), "medoids": ints(r.medoids),
        "labels": ints(r.labels), "loss": float(r.loss), "n_iter": int(r.n_iter), "n_swap": int(r.n_swap),
    }


def pam_reference():
    rng = np.random.default_rng(7)
    centres = np.array([[0, 0, 0], [4, 1, -1], [1, 5, 2]], float)
    X = np.vstack([rng.normal(c, 1.2, size=(20, 3)) for c in centres]).round(3)
    X = X[rng.permutation(len(X))]
    # Integer grid points: many equal dissimilarities, so tie-breaking must match too.
    T = rng.integers(0, 4, size=(30, 2)).astype(float)
    return {
        "rows": X.shape[0], "columns": X.shape[1], "values": floats(X),
        "euclidean": [pam_case(euclidean(X), k) for k in (1, 3, 4, 6)],
        "manhattan": [pam_case(manhattan(X), k) for k in (1, 3, 4, 6)],
        "ties": {"rows": T.shape[0], "columns": T.shape[1], "values": floats(T),
                 "manhattan": [pam_case(manhattan(T), k) for k in (2, 3, 5)]},
    }


def daisy_gower(num, cat, weights):
    """R cluster::daisy(metric = "gower") on numeric columns (NaN = missing) and categorical codes (-1 = missing)."""
    n = num.shape[0]
    lo = np.nanmin(num, axis=0)
    rng = np.nanmax(num, axis=0) - lo
    rng[rng == 0] = 1.0
    scaled = (num - lo) / rng
    p = num.shape[1]
    D = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            total = 0.0
            shared = 0.0
            for v in range(p):
                a, b = scaled[i, v], scaled[j, v]
                if np.isnan(a) or np.isnan(b):
                    continue
                shared += weights[v]
                total += weights[v] * abs(a - b)
            for v in range(cat.shape[1]):
                a, b = cat[i, v], cat[j, v]
                if a < 0 or b < 0:
                    continue
                shared += weights[p + v]
                if a != b:
                    total += weights[p + v]
            D[i, j] = total / shared
    return D


def gower_reference():
    rng = np.random.default_rng(3)
    n = 24
    revenue = rng.lognormal(13, 1.0, n).round(2)
    orders = rng.integers(0, 40, n).astype(float)
    size_code = rng.integers(0, 4, n).astype(float)  # ordinal: Kleinst < Klein < Mittel < Groß as 0..3
    share = rng.uniform(0, 0.8, n).round(4)
    revenue[[2, 9]] = np.nan
    share[[5, 9, 17]] = np.nan
    num = np.column_stack([revenue, orders, size_code, share])
    channel = rng.choice(["Direkt", "Händler", "Online"], n).astype(object)
    region = rng.choice(["Bayern", "Berlin", "Hessen", "Sachsen", "Thüringen"], n).astype(object)
    channel[[4, 11]] = None
    region[[9, 20]] = None
    cat_text = np.column_stack([channel, region])
    levels = [sorted({v for v in cat_text[:, c] if v is not None}) for c in range(cat_text.shape[1])]
    cat = np.array([[levels[c].index(v) if v is not None else -1 for c, v in enumerate(row)] for row in cat_text])
    unit = np.ones(6)
    weighted = np.array([2.0, 1.0, 0.5, 1.0, 3.0, 0.25])
    D = daisy_gower(num, cat, unit)
    pam = [pam_case(D, k) for k in (2, 3)]
    return {
        "rows": n, "numeric_names": ["revenue", "orders", "size_code", "share"], "numeric": floats_or_none(num),
        "categorical_names": ["channel", "region"], "levels": levels,
        "categorical_text": [[v for v in row] for row in cat_text.tolist()], "codes": ints(cat),
        "unit_weights": floats(unit), "unit": floats(D),
        "weights": floats(weighted), "weighted": floats(daisy_gower(num, cat, weighted)),
        "pam": pam,
    }


def kprototypes_reference():
    rng = np.random.default_rng(11)
    centres = np.array([[0, 0, 0], [2.5, 1, -1], [0.5, 3, 1.5]])
    channels = np.array(["dealer", "direct", "online"])
    regions = np.array(["Nord", "Ost", "Süd", "West"])
    p_channel = [[.7, .2, .1], [.1, .7, .2], [.2, .2, .6]]
    p_region = [[.5, .2, .2, .1], [.1, .5, .2, .2], [.2, .1, .2, .5]]
    rows = []
    for g, count in enumerate((60, 50, 40)):
        num = rng.normal(centres[g], 1.0, size=(count, 3)).round(4)
        ch = rng.choice(channels, size=count, p=p_channel[g])
        rg = rng.choice(regions, size=count, p=p_region[g])
        rows += [list(num[i]) + [ch[i], rg[i]] for i in range(count)]
    rows = [rows[i] for i in rng.permutation(len(rows))]
    X = np.array(rows, dtype=object)
    num = X[:, :3].astype(float)
    text = X[:, 3:]
    levels = [sorted(set(text[:, c])) for c in range(2)]
    codes = np.array([[levels[c].index(v) for c, v in enumerate(row)] for row in text])

    def best(k, n_init, random_state):
        kp = KPrototypes(n_clusters=k, init="Cao", n_init=n_init, random_state=random_state).fit(X, categorical=[3, 4])
        return {"k": k, "n_init": n_init, "random_state": random_state, "cost": float(kp.cost_),
                "gamma": float(kp.gamma)}

    def explicit(init_rows, gamma):
        init = [num[init_rows].copy(), codes[init_rows].astype(np.uint16)]
        kp = KPrototypes(n_clusters=len(init_rows), init=init, n_init=1, gamma=gamma).fit(X, categorical=[3, 4])
        centroids = kp._enc_cluster_centroids
        return {"init_rows": init_rows, "gamma_given": gamma, "gamma": float(kp.gamma), "labels": ints(kp.labels_),
                "cost": float(kp.cost_), "n_iter": int(kp.n_iter_), "numeric_centroids": floats(centroids[0]),
                "modes": ints(centroids[1])}

    return {
        "rows": len(rows), "numeric": floats(num), "categorical_text": text.tolist(), "levels": levels,
        "codes": ints(codes),
        "best": [best(3, 10, 0)],
        # k=4 has many local optima: the best of 10 runs varies with the seed, so compare distributions.
        "spread": {"k": 4, "n_init": 10, "costs": [best(4, 10, rs)["cost"] for rs in range(20)]},
        "explicit": [explicit([0, 1, 2], None), explicit([5, 17, 40, 77], None), explicit([3, 8, 13], 1.5)],
    }


def main():
    if kmodes.__version__ != EXPECTED_KMODES:
        sys.exit(f"expected kmodes {EXPECTED_KMODES}, found {kmodes.__version__}")
    write("pam.json", pam_reference())
    write("gower.json", gower_reference())
    write("kprototypes.json", kprototypes_reference())


if __name__ == "__main__":
    main()
