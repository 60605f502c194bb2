#!/usr/bin/env python3
"""Scores a CSV file with a PMML model in jpmml-evaluator (the reference PMML engine, on Java) and writes
`id,segment` (empty segment when the engine gives none), so tests can compare PMML with `segmenta assign`.

  python3 scripts/score_pmml.py MODEL.pmml INPUT.csv ID_COLUMN OUTPUT.csv

Needs `pip install jpmml_evaluator` and a Java runtime (17+). Exit code 3 when either is missing.
"""

import csv
import shutil
import sys


def main(argv: list[str]) -> int:
    if len(argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    model, source, id_column, target = argv[1:]
    if shutil.which("java") is None:
        print("java is not installed (apt-get install default-jre-headless)", file=sys.stderr)
        return 3
    try:
        from jpmml_evaluator import make_evaluator
    except ImportError:
        print("jpmml_evaluator is not installed (pip install jpmml_evaluator)", file=sys.stderr)
        return 3
    evaluator = make_evaluator(model).verify()
    fields = {f.getName(): f.getOpType() for f in evaluator.getInputFields()}
    rows = []
    with open(source, encoding="utf-8", newline="") as f:
        for record in csv.DictReader(f):
            arguments = {}
            for name, optype in fields.items():
                value = record.get(name, "")
                if value == "":
                    arguments[name] = None
                elif optype == "continuous":
                    arguments[name] = float(value)
                else:
                    arguments[name] = value
            try:
                result = evaluator.evaluate(arguments)
                segment = result.get("segment")
            except Exception:  # the engine's "invalid result" (missing input, unseen category): no segment
                segment = None
            rows.append((record[id_column], "" if segment is None else str(segment)))
    with open(target, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow([id_column, "segment"])
        writer.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
