"""Reference trees for the surrogate tree's categorical splits. scikit-learn has no categorical splits, so this is
an independent brute-force CART: at every node it tries every threshold of every numeric feature and *every*
partition of the levels present of every categorical feature, computes the weighted Gini impurity of the children
in exact rational arithmetic (fractions.Fraction), and keeps the first best candidate in the documented order
(feature order; numeric thresholds ascending; categorical partitions by ascending bit mask over the present levels
in code-point order, the first present level always on the left). Everything else follows SurrogateTree.fit: a
split must lower the impurity, both children need min_leaf rows, leaves predict the majority (ties → lower
segment), sibling leaves predicting the same segment merge, a training level absent from a node goes right.

Cases: three segments driven by a 5-level region (the best separator at the root) and a number; two segments
driven by a 12-level industry, where Segmenta orders the levels instead of trying 2^11 partitions (Breiman's
ordering, exact for two segments) — the brute force checks that it finds the same trees. (With more than two
segments the ordering is a heuristic, so the three-segment cases leave the 12-level column out.)

  python3 make_mixed_tree_reference.py   # writes surrogate_tree_mixed.json
"""

import json
import os
import random
from fractions import Fraction

here = os.path.dirname(os.path.abspath(__file__))


def weighted_gini(groups):
    n = sum(sum(g) for g in groups)
    total = Fraction(0)
    for g in groups:
        m = sum(g)
        if m:
            total += Fraction(m, n) * (1 - sum(Fraction(c, m) ** 2 for c in g))
    return total


def class_counts(rows, labels, k):
    counts = [0] * k
    for r in rows:
        counts[labels[r]] += 1
    return counts


def candidates(features, rows, min_leaf):
    """(feature index, split description, predicate) in tie-breaking order."""
    for f, (kind, values) in enumerate(features):
        if kind == "numeric":
            distinct = sorted({values[r] for r in rows})
            for a, b in zip(distinct, distinct[1:]):
                mid = a + (b - a) / 2
                t = mid if mid < b else a
                yield f, {"threshold": t}, (lambda r, t=t, values=values: values[r] <= t)
        else:
            present = sorted({values[r] for r in rows})
            for mask in range(1, (1 << len(present)) - 1, 2):
                chosen = [level for i, level in enumerate(present) if mask >> i & 1]
                subset = set(chosen)
                yield f, {"levels": chosen}, (lambda r, s=subset, values=values: values[r] in s)


def grow(features, labels, k, rows, depth, max_depth, min_leaf):
    counts = class_counts(rows, labels, k)
    majority = max(range(k), key=lambda c: (counts[c], -c))
    leaf = {"segment": majority, "rows": len(rows)}
    if depth >= max_depth or len(rows) < 2 * min_leaf or counts[majority] == len(rows):
        return leaf
    parent = weighted_gini([counts])
    best = None
    for f, split, goes_left in candidates(features, rows, min_leaf):
        left = [r for r in rows if goes_left(r)]
        right = [r for r in rows if not goes_left(r)]
        if len(left) < min_leaf or len(right) < min_leaf:
            continue
        impurity = weighted_gini([class_counts(left, labels, k), class_counts(right, labels, k)])
        if impurity < parent and (best is None or impurity < best[0]):
            best = (impurity, f, split, left, right)
    if best is None:
        return leaf
    _, f, split, left_rows, right_rows = best
    left = grow(features, labels, k, left_rows, depth + 1, max_depth, min_leaf)
    right = grow(features, labels, k, right_rows, depth + 1, max_depth, min_leaf)
    if "segment" in left and "segment" in right and left["segment"] == right["segment"]:
        return leaf
    return {"feature": f, **split, "left": left, "right": right}


def predict(node, features, r):
    while "segment" not in node:
        kind, values = features[node["feature"]]
        goes_left = values[r] <= node["threshold"] if kind == "numeric" else values[r] in node["levels"]
        node = node["left"] if goes_left else node["right"]
    return node["segment"]


def main():
    rng = random.Random(20261129)
    n = 120
    regions = ["Mitte", "Nord", "Ost", "Süd", "West"]
    industries = ["Bau", "Chemie", "Druck", "Energie", "Handel", "IT", "Kfz", "Logistik", "Maschinen", "Medizin",
                  "Metall", "Textil"]
    spend = [round(rng.uniform(0, 100), 1) for _ in range(n)]
    tenure = [rng.randrange(0, 21) for _ in range(n)]
    region = [rng.choice(regions) for _ in range(n)]
    industry = [rng.choice(industries) for _ in range(n)]
    three = []
    for i in range(n):
        if region[i] in ("Nord", "Süd"):
            label = 0
        elif region[i] in ("Ost", "West"):
            label = 1
        else:
            label = 2 if spend[i] > 50 else 0
        if rng.random() < 0.08:
            label = rng.randrange(3)
        three.append(label)
    likes = {"Bau", "Druck", "IT", "Kfz", "Metall", "Textil"}
    two = [int((industry[i] in likes) != (rng.random() < 0.15 + 0.02 * (tenure[i] > 15))) for i in range(n)]
    columns = {"spend": spend, "tenure": tenure, "region": region, "industry": industry}
    kinds = {"spend": "numeric", "tenure": "numeric", "region": "categorical", "industry": "categorical"}
    cases = []
    # Three segments without the 12-level column: beyond 10 levels Segmenta's ordering is a heuristic for more
    # than two segments, which a brute force need not agree with.
    for labels, k, names, settings in (
        (three, 3, ["spend", "tenure", "region"], ((1, 1), (2, 5), (3, 5), (4, 2))),
        (two, 2, ["spend", "tenure", "region", "industry"], ((1, 1), (2, 5), (3, 3), (4, 2))),
    ):
        features = [(kinds[name], columns[name]) for name in names]
        for depth, leaf in settings:
            tree = grow(features, labels, k, list(range(n)), 0, depth, leaf)
            cases.append({"k": k, "labels": labels, "features": names, "depth": depth, "min_leaf": leaf,
                          "tree": tree, "predicted": [predict(tree, features, r) for r in range(n)]})
    with open(os.path.join(here, "surrogate_tree_mixed.json"), "w", encoding="utf-8") as f:
        json.dump({"columns": columns, "cases": cases}, f,
                  ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
