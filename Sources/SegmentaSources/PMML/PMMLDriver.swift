/// The Python program that scores a CSV file with a PMML model in jpmml-evaluator (the reference PMML engine, on
/// Java), kept in the product so `verify` does not depend on the repository's scripts at run time. ``PMMLScorer``
/// writes it to a temporary file and runs it; the tests score PMML through ``PMMLScorer`` too, so this is the only
/// copy of the driver.
enum PMMLDriver {
  /// Exit code of the driver when Java or the `jpmml_evaluator` package is missing (its message is on stderr).
  static let missingEngineStatus: Int32 = 3

  /// `python3 DRIVER MODEL.pmml INPUT.csv ID_COLUMN OUTPUT.csv`: reads INPUT with `csv.DictReader`, converts each
  /// of the model's input fields by its optype (continuous → float, empty → missing), evaluates, and writes
  /// `ID_COLUMN,segment` per input row (an empty segment when the engine gives none).
  static let source = #"""
    import csv
    import shutil
    import sys


    def main(argv):
        model, source, id_column, target = argv[1:]
        if shutil.which("java") is None:
            print("Java is not installed (apt-get install default-jre-headless)", file=sys.stderr)
            return 3
        try:
            from jpmml_evaluator import make_evaluator
        except ImportError:
            print("the Python package jpmml_evaluator is not installed (pip install jpmml_evaluator)", file=sys.stderr)
            return 3
        evaluator = make_evaluator(model).verify()
        fields = {f.getName(): f.getOpType() for f in evaluator.getInputFields()}
        rows = []
        with open(source, encoding="utf-8-sig", newline="") as f:
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
                    segment = evaluator.evaluate(arguments).get("segment")
                except Exception:  # the engine's "invalid result" (missing input, unseen category): no segment
                    segment = None
                rows.append((record[id_column], "" if segment is None else str(segment)))
        with open(target, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow([id_column, "segment"])
            writer.writerows(rows)
        return 0


    sys.exit(main(sys.argv))
    """#
}
