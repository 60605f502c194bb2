#!/usr/bin/env python3
"""k-means++ quality over many seeds: scikit-learn's greedy k-means++ against Segmenta's, n_init = 1.

One seed decides which local optimum a k-means++ run reaches, and the two generators differ (NumPy's vs
Segmenta's SeededRandom), so a single harness case compares luck. This runs both over seeds 0..S-1 on the peer
benchmark's data and preparation (peers.py: the 8 numeric columns, population z-scores) and compares the inertia
distributions (quantiles, Mann-Whitney U).

It also replays Segmenta's own random draws (its xoshiro256** generator, re-implemented below) through
scikit-learn's `_kmeans_plusplus` steps and runs scikit-learn's Lloyd from those centres: if Segmenta's seeding
is scikit-learn's greedy k-means++, the inertia equals Segmenta's for every seed.

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


MASK = (1 << 64) - 1


class SeededRandom:
    """Segmenta's SeededRandom (Sources/SegmentaCore/Support/SeededRandom.swift): xoshiro256** via SplitMix64."""

    def __init__(self, seed: int):
        state = seed

        def split_mix():
            nonlocal state
            state = (state + 0x9E3779B97F4A7C15) & MASK
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            return z ^ (z >> 31)

        self.s = [split_mix() for _ in range(4)]

    def next(self) -> int:
        s0, s1, s2, s3 = self.s
        product = (s1 * 5) & MASK
        result = ((((product << 7) | (product >> 57)) & MASK) * 9) & MASK
        t = (s1 << 17) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = ((s3 << 45) | (s3 >> 19)) & MASK
        self.s = [s0, s1, s2, s3]
        return result

    def next_double(self) -> float:
        return (self.next() >> 11) * 2.0**-53

    def next_int(self, bound: int) -> int:
        m = self.next() * bound
        if (m & MASK) < bound:
            threshold = ((1 << 64) - bound) % bound
            while (m & MASK) < threshold:
                m = self.next() * bound
        return m >> 64

    def derived(self, index: int) -> "SeededRandom":
        copy = SeededRandom(0)
        copy.s = list(self.s)
        return SeededRandom(copy.next() ^ ((index * 0xD6E8FEB86659FD93) & MASK))


def replayed_plus_plus(Z: np.ndarray, k: int, seed: int) -> np.ndarray:
    """scikit-learn's greedy k-means++ steps (2 + int(ln k) candidates, D² sampling, the candidate with the lowest
    potential kept) drawing Segmenta's numbers for the first run of a fit with `seed`."""
    rng = SeededRandom(seed).derived(0)
    n = Z.shape[0]
    trials = 2 + int(np.log(k))
    chosen = [rng.next_int(n)]
    closest = ((Z - Z[chosen[0]]) ** 2).sum(axis=1)
    potential = closest.sum()
    for _ in range(1, k):
        draws = np.array([rng.next_double() * potential for _ in range(trials)])
        candidates = np.minimum(np.searchsorted(np.cumsum(closest), draws, side="right"), n - 1)
        distances = np.minimum(closest, np.stack([((Z - Z[c]) ** 2).sum(axis=1) for c in candidates]))
        potentials = distances.sum(axis=1)
        best = int(np.argmin(potentials))
        chosen.append(int(candidates[best]))
        closest = distances[best]
        potential = potentials[best]
    return Z[chosen].copy()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", required=True)
    parser.add_argument("--seeds", type=int, default=30)
    parser.add_argument("--k", type=int, default=6)
    parser.add_argument("--bench", default=os.path.join(HERE, "..", ".build", "release", "segmenta-bench"))
    args = parser.parse_args()

    X, _ = peers.load_numeric_numpy(args.csv)
    Z = peers.zscore(X)
    sklearn_inertia, segmenta_inertia, replay_matches = [], [], 0
    for seed in range(args.seeds):
        km = KMeans(n_clusters=args.k, init="k-means++", n_init=1, max_iter=300, tol=1e-4, random_state=seed)
        sklearn_inertia.append(float(km.fit(Z).inertia_))
        line = subprocess.run(
            [args.bench, "kmeans", "--csv", args.csv, "--k", str(args.k), "--n-init", "1", "--seed", str(seed),
             "--threads", "1"],
            check=True, capture_output=True, text=True).stdout
        segmenta_inertia.append(json.loads(line)["result"]["inertia"])
        start = replayed_plus_plus(Z, args.k, seed)
        replay = KMeans(n_clusters=args.k, init=start, n_init=1, max_iter=300, tol=1e-4).fit(Z).inertia_
        replay_matches += abs(replay - segmenta_inertia[-1]) <= 1e-9 * replay

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
    print(f"scikit-learn's k-means++ steps with Segmenta's draws, then scikit-learn's Lloyd: the same inertia as "
          f"Segmenta (relative 1e-9) for {replay_matches} of {args.seeds} seeds")
    test = mannwhitneyu(segmenta_inertia, sklearn_inertia, alternative="two-sided")
    print(f"Mann-Whitney U two-sided p = {test.pvalue:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
