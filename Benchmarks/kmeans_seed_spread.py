#!/usr/bin/env python3
"""k-means++ quality over many seeds: scikit-learn's greedy k-means++ against Segmenta's, n_init = 1.

One seed decides which local optimum a k-means++ run reaches, and the two generators differ (NumPy's vs
Segmenta's SeededRandom), so a single harness case compares luck. This runs both over seeds 0..S-1 on the peer
benchmark's data and preparation (peers.py: the 8 numeric columns, population z-scores) and compares the inertia
distributions (quantiles, Mann-Whitney U).

    python3 Benchmarks/kmeans_seed_spread.py --csv ~/.cache/segmenta-bench/data/customers_100k.csv --seeds 30
"""

import argparse
import json
import os
import subprocess
import sys

import numpy as np
from scipy.stats import mannwhitneyu
from sklearn.cluster import KMeans

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "bench"))
import peers  # noqa: E402  (the benchmark's own loader and z-scores)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", required=True)
    parser.add_argument("--seeds", type=int, default=30)
    parser.add_argument("--k", type=int, default=6)
    parser.add_argument("--bench", default=os.path.join(HERE, "..", ".build", "release", "segmenta-bench"))
    args = parser.parse_args()

    X, _ = peers.load_numeric_numpy(args.csv)
    Z = peers.zscore(X)
    sklearn_inertia, segmenta_inertia = [], []
    for seed in range(args.seeds):
        km = KMeans(n_clusters=args.k, init="k-means++", n_init=1, max_iter=300, tol=1e-4, random_state=seed)
        sklearn_inertia.append(float(km.fit(Z).inertia_))
        line = subprocess.run(
            [args.bench, "kmeans", "--csv", args.csv, "--k", str(args.k), "--n-init", "1", "--seed", str(seed),
             "--threads", "1"],
            check=True, capture_output=True, text=True).stdout
        segmenta_inertia.append(json.loads(line)["result"]["inertia"])

    def summary(values):
        q = np.quantile(values, [0, 0.25, 0.5, 0.75, 1])
        return ", ".join(f"{name} {value:.2f}" for name, value in zip(["min", "q1", "median", "q3", "max"], q))

    print(f"{args.csv}, k = {args.k}, n_init = 1, seeds 0..{args.seeds - 1}")
    print(f"scikit-learn: {summary(sklearn_inertia)}")
    print(f"Segmenta:     {summary(segmenta_inertia)}")
    best = min(min(sklearn_inertia), min(segmenta_inertia))
    for name, values in [("scikit-learn", sklearn_inertia), ("Segmenta", segmenta_inertia)]:
        share = np.mean(np.asarray(values) <= best * (1 + 1e-6))
        print(f"{name}: {share:.0%} of the seeds reach the best inertia seen ({best:.2f}) within 1e-6")
    threshold = (np.median(sklearn_inertia) + np.median(segmenta_inertia)) / 2
    for name, values in [("scikit-learn", sklearn_inertia), ("Segmenta", segmenta_inertia)]:
        print(f"{name}: {np.mean(np.asarray(values) < threshold):.0%} of the seeds below {threshold:.2f}")
    test = mannwhitneyu(segmenta_inertia, sklearn_inertia, alternative="two-sided")
    print(f"Mann-Whitney U two-sided p = {test.pvalue:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
