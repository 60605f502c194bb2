"""Reference predictions of scikit-learn's CART (DecisionTreeClassifier, Gini, best splitter) on iris for the
surrogate-tree tests: the species predicted for every row for a few depth / min_samples_leaf settings.

  python3 make_tree_reference.py   # writes surrogate_tree.json (scikit-learn 1.9.1)
"""

import json
import os

import sklearn
from sklearn.datasets import load_iris
from sklearn.tree import DecisionTreeClassifier

here = os.path.dirname(os.path.abspath(__file__))
X, y = load_iris(return_X_y=True)
cases = []
for depth, leaf in ((1, 1), (2, 1), (3, 1), (3, 5), (4, 10), (5, 3)):
    tree = DecisionTreeClassifier(max_depth=depth, min_samples_leaf=leaf, random_state=0).fit(X, y)
    cases.append({
        "depth": depth, "min_leaf": leaf, "predicted": tree.predict(X).astype(int).tolist(),
        "root_feature": int(tree.tree_.feature[0]), "root_threshold": float(tree.tree_.threshold[0]),
    })
with open(os.path.join(here, "surrogate_tree.json"), "w") as f:
    json.dump({"sklearn": sklearn.__version__, "values": X.ravel().tolist(), "columns": 4,
               "labels": y.astype(int).tolist(), "cases": cases}, f)
    f.write("\n")
