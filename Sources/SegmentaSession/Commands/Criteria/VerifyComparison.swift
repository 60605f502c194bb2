import SegmentaCore

/// What `verify` prints for any engine (SQLite running an SQL view, jpmml-evaluator scoring PMML): the engine's
/// segment for every input row, matched by key, compared with `assign`'s; the first disagreements are listed.
struct VerifyComparison {
  /// How messages name the engine ("SQL (SQLite)") and its column in the table of disagreements ("SQL").
  let engine: String
  let column: String
  /// What the engine produced, for the summary line ("view segmenta_km, "; empty for none).
  let detail: String
  /// Who returned the rows, for the row-count warning ("the view").
  let returner: String
  /// How a row without a segment from the engine is shown ("NULL").
  let none: String

  /// What was verified, for the messages.
  struct Subject {
    /// The exported file and the CSV file as the user typed them.
    let file: String
    let input: String
    let variant: String
    let kind: VariantCriteria.Kind
    /// The key column rows are matched by.
    let key: String
  }

  /// Compares `found` with `expected` (`assign`'s label of row i, whose key is `keys[i]`; `nil` = not assigned)
  /// and prints the outcome through `context`.
  func report(
    found: [(key: String, segment: String?)], keys: [String], expected: [String?], subject: Subject,
    context: inout CommandContext
  ) {
    var byKey: [String: String?] = [:]
    for row in found where byKey[row.key] == nil { byKey[row.key] = row.segment }
    var disagreements: [[String]] = []
    for (i, id) in keys.enumerated() {
      guard let segment = byKey[id] else {
        disagreements.append([id, "no row", expected[i] ?? "not assigned"])
        continue
      }
      if segment != expected[i] { disagreements.append([id, segment ?? none, expected[i] ?? "not assigned"]) }
    }
    let rule = subject.kind == .tree ? "rules" : "centroids"
    context.print(
      "\(engine) agrees with assign on \(NumberFormat.grouped(keys.count - disagreements.count)) of "
        + "\(NumberFormat.grouped(keys.count)) rows of \(subject.input) (\(detail)the \(rule) of \(subject.variant))")
    if found.count != keys.count {
      context.warn(
        "\(returner) returned \(NumberFormat.grouped(found.count)) rows for \(NumberFormat.grouped(keys.count)) "
          + "input rows")
    }
    guard !disagreements.isEmpty else { return }
    context.warn(
      "\(NumberFormat.grouped(disagreements.count)) rows disagree; was \(subject.file) exported from \(subject.variant) "
        + "with `using \(rule)` after its last change?")
    let shown = 10
    var table = TextTable(header: [subject.key, column, "assign"], alignments: [.left, .left, .left])
    for row in disagreements.prefix(shown) { table.append(row) }
    context.print(table.render(width: context.settings.width))
    if disagreements.count > shown {
      context.print("… \(NumberFormat.grouped(disagreements.count - shown)) more rows disagree")
    }
  }
}
