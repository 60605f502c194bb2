"""Reference for the sampled silhouette (SilhouetteSummary with a sample, the policy of `compare`/`inspect` above
20,000 rows): 21,000 rows in 3 overlapping Gaussian segments of unequal size, written as silhouette_sample.csv
(x1, x2, x3 rounded to 4 decimals, segment s1/s2/s3), and the exact silhouette of exactly those rounded values
from scikit-learn's silhouette_score (every row scored) in silhouette_sample.json.

Run: python3 make_silhouette_sample_reference.py (numpy, scikit-learn 1.9.1).
"""

import json
from pathlib import Path

import numpy as np
import sklearn
from sklearn.metrics import silhouette_samples, silhouette_score

HERE = Path(__file__).resolve().parent
rng = np.random.default_rng(20261129)
sizes = [10_500, 7_000, 3_500]
centres = np.array([[0.0, 0.0, 0.0], [2.5, 1.0, 0.0], [0.5, 3.0, 1.5]])
spreads = [1.0, 0.8, 1.2]
rows, labels = [], []
for segment, (size, centre, spread) in enumerate(zip(sizes, centres, spreads)):
    rows.append(rng.normal(centre, spread, size=(size, 3)))
    labels += [segment] * size
order = rng.permutation(sum(sizes))
x = np.round(np.vstack(rows)[order], 4)
y = np.array(labels)[order]

with open(HERE / "silhouette_sample.csv", "w") as f:
    f.write("x1,x2,x3,segment\n")
    for values, label in zip(x, y):
        f.write(",".join(f"{v:.4f}" for v in values) + f",s{label + 1}\n")

per_row = silhouette_samples(x, y)
reference = {
    "generator": f"make_silhouette_sample_reference.py, scikit-learn {sklearn.__version__}",
    "rows": int(len(y)),
    "segment_sizes": [int((y == s).sum()) for s in range(len(sizes))],
    "silhouette": float(silhouette_score(x, y)),
    "silhouette_sd": float(per_row.std(ddof=1)),
}
(HERE / "silhouette_sample.json").write_text(json.dumps(reference, indent=1) + "\n")
print(reference)
