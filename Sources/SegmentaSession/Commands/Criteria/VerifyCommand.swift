import Foundation
import SegmentaCore
import SegmentaSources

extension CommandSpec {
  /// `verify VARIANT FILE.sql on FILE.csv [using centroids|rules]`
  static let verify = CommandSpec(
    name: "verify",
    usage: "verify VARIANT FILE.sql on FILE.csv [using centroids|rules]",
    summary: "run an exported SQL view in SQLite on a CSV file's rows and compare its segments row by row with "
      + "assign's; the first disagreements are listed",
    example: "verify km.k4 out/km.sql on prospects.csv using centroids",
    arguments: [
      .variants, .files, .keywords(["on"]), .files, .keywords(["using"]), .keywords(["centroids", "rules"]),
    ]
  ) { command, context throws(SessionError) in
    let words = command.arguments.map(\.text)
    guard words.count == 4 || words.count == 6, words[2] == "on" else {
      throw .usage("expected `verify VARIANT FILE.sql on FILE.csv [using centroids|rules]`", column: nil)
    }
    let variant = try context.workspace.variant(named: words[0])
    let kind = try VariantCriteria.kind(words[4...], for: variant)
    let criteria = try VariantCriteria.criteria(variant, kind)
    guard let key = try context.workspace.dataset(named: variant.datasetName).table.idColumn else {
      throw .failed(
        .notReady("verify matches rows by their key; load \(variant.datasetName) with id=COLUMN and export again"))
    }
    let script = try readScript(words[1], &context)
    let rows = try VariantCriteria.newRows(words[3], for: criteria, of: variant, &context)
    let keys = try uniqueKeys(rows, key: key, file: context.display(words[3]))
    let assignment = try context.core { () throws(SegmentaError) in try criteria.assign(rows) }
    let execution = context.execution
    let scriptName = context.display(words[1])
    let outcome = try context.core { () throws(SegmentaError) in
      try SQLiteViewCheck.run(
        script: script, scriptName: scriptName, table: rows, tableName: variant.datasetName, key: key,
        context: execution)
    }
    var fromSQL: [String: String?] = [:]
    for row in outcome.rows where fromSQL[row.key] == nil { fromSQL[row.key] = row.segment }
    var disagreements: [[String]] = []
    for (i, id) in keys.enumerated() {
      let expected = assignment.segments[i].map { criteria.labels[$0] }
      guard let found = fromSQL[id] else {
        disagreements.append([id, "no row", expected ?? "not assigned"])
        continue
      }
      if found != expected { disagreements.append([id, found ?? "NULL", expected ?? "not assigned"]) }
    }
    let agreeing = keys.count - disagreements.count
    context.print(
      "SQL (SQLite) agrees with assign on \(NumberFormat.grouped(agreeing)) of \(NumberFormat.grouped(keys.count)) "
        + "rows of \(context.display(words[3])) (view \(outcome.view), the "
        + "\(kind == .tree ? "rules" : "centroids") of \(variant.name))")
    if outcome.rows.count != keys.count {
      context.warn(
        "the view returned \(NumberFormat.grouped(outcome.rows.count)) rows for \(NumberFormat.grouped(keys.count)) "
          + "input rows")
    }
    guard !disagreements.isEmpty else { return }
    context.warn(
      "\(NumberFormat.grouped(disagreements.count)) rows disagree; was \(scriptName) exported from \(variant.name) "
        + "with `using \(kind == .tree ? "rules" : "centroids")` after its last change?")
    let shown = 10
    var table = TextTable(header: [key, "SQL", "assign"], alignments: [.left, .left, .left])
    for row in disagreements.prefix(shown) { table.append(row) }
    context.print(table.render(width: context.settings.width))
    if disagreements.count > shown {
      context.print("… \(NumberFormat.grouped(disagreements.count - shown)) more rows disagree")
    }
  }

  /// The SQL text of the file typed as `typedPath`.
  private static func readScript(_ typedPath: String, _ context: inout CommandContext) throws(SessionError)
    -> String
  {
    let path = context.resolve(typedPath)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
      throw .failed(
        .fileUnreadable(
          path: context.display(typedPath),
          reason: isDirectory.boolValue
            ? "it is a directory" : "no such file; paths are relative to the session's folder"))
    }
    do {
      return try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw .failed(.fileUnreadable(path: context.display(typedPath), reason: "it is not UTF-8 text"))
    }
  }

  /// The key of every row, which must be present and unique so SQL rows can be matched to them.
  private static func uniqueKeys(_ rows: Table, key: String, file: String) throws(SessionError) -> [String] {
    guard let column = rows.column(named: key) else {
      throw .failed(.notReady("\(file) has no column '\(key)'; verify matches rows by it, as the SQL view does"))
    }
    var seen: [String: Int] = [:]
    return try (0..<rows.rowCount).map { i throws(SessionError) -> String in
      let id = column.text(at: i)
      if let first = seen[id] {
        throw .failed(
          .notReady(
            "\(file): '\(id)' is the \(key) of rows \(first + 1) and \(i + 1); verify matches SQL rows by \(key), "
              + "so every row needs its own"))
      }
      seen[id] = i
      return id
    }
  }
}
