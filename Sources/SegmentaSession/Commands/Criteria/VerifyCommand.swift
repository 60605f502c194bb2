import Foundation
import SegmentaCore
import SegmentaSources

extension CommandSpec {
  /// `verify VARIANT FILE.sql|FILE.pmml on FILE.csv [using centroids|rules]`
  static let verify = CommandSpec(
    name: "verify",
    usage: "verify VARIANT FILE.sql|FILE.pmml on FILE.csv [using centroids|rules]",
    summary: "run an exported SQL view in SQLite or score an exported PMML file in jpmml-evaluator on a CSV file's "
      + "rows and compare its segments row by row with assign's; the first disagreements are listed",
    example: "verify km.k4 out/km.pmml on prospects.csv using centroids",
    arguments: [
      .variants, .files, .keywords(["on"]), .files, .keywords(["using"]), .keywords(["centroids", "rules"]),
    ]
  ) { command, context throws(SessionError) in
    let words = command.arguments.map(\.text)
    guard words.count == 4 || words.count == 6, words[2] == "on" else {
      throw .usage("expected `verify VARIANT FILE.sql|FILE.pmml on FILE.csv [using centroids|rules]`", column: nil)
    }
    let variant = try context.workspace.variant(named: words[0])
    let kind = try VariantCriteria.kind(words[4...], for: variant)
    let criteria = try VariantCriteria.criteria(variant, kind, in: context.workspace)
    guard let key = try context.workspace.dataset(named: variant.datasetName).table.idColumn else {
      throw .failed(
        .notReady("verify matches rows by their key; load \(variant.datasetName) with id=COLUMN and export again"))
    }
    let isPMML = words[1].lowercased().hasSuffix(".pmml")
    let file = try readFile(words[1], &context)
    let rows = try VariantCriteria.newRows(words[3], for: criteria, of: variant, &context)
    let keys = try uniqueKeys(rows, key: key, file: context.display(words[3]))
    let assignment = try context.core { () throws(SegmentaError) in try criteria.assign(rows) }
    let execution = context.execution
    let subject = VerifyComparison.Subject(
      file: context.display(words[1]), input: context.display(words[3]), variant: variant.name, kind: kind, key: key)
    let found: [(key: String, segment: String?)]
    let comparison: VerifyComparison
    if isPMML {
      let input = context.resolve(words[3])
      found = try context.core { () throws(SegmentaError) in
        try PMMLScorer.score(
          model: file.path, modelName: subject.file, input: input, key: key, context: execution)
      }
      comparison = VerifyComparison(
        engine: "PMML (jpmml-evaluator)", column: "PMML", detail: "", returner: "jpmml-evaluator",
        none: "no segment")
    } else {
      let outcome = try context.core { () throws(SegmentaError) in
        try SQLiteViewCheck.run(
          script: file.text, scriptName: subject.file, table: rows, tableName: variant.datasetName, key: key,
          context: execution)
      }
      found = outcome.rows
      comparison = VerifyComparison(
        engine: "SQL (SQLite)", column: "SQL", detail: "view \(outcome.view), ", returner: "the view", none: "NULL")
    }
    let expected = assignment.segments.map { $0.map { criteria.labels[$0] } }
    comparison.report(found: found, keys: keys, expected: expected, subject: subject, context: &context)
  }

  /// The path and UTF-8 text of the exported file typed as `typedPath`.
  private static func readFile(_ typedPath: String, _ context: inout CommandContext) throws(SessionError)
    -> (path: String, text: String)
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
      return (path, try String(contentsOfFile: path, encoding: .utf8))
    } catch {
      throw .failed(.fileUnreadable(path: context.display(typedPath), reason: "it is not UTF-8 text"))
    }
  }

  /// The key of every row, which must be present and unique so SQL rows can be matched to them.
  private static func uniqueKeys(_ rows: Table, key: String, file: String) throws(SessionError) -> [String] {
    guard let column = rows.column(named: key) else {
      throw .failed(
        .notReady("\(file) has no column '\(key)'; verify matches rows by it, as the SQL view and the PMML scores do"))
    }
    var seen: [String: Int] = [:]
    return try (0..<rows.rowCount).map { i throws(SessionError) -> String in
      let id = column.text(at: i)
      if let first = seen[id] {
        throw .failed(
          .notReady(
            "\(file): '\(id)' is the \(key) of rows \(first + 1) and \(i + 1); verify matches the engine's rows by \(key), "
              + "so every row needs its own"))
      }
      seen[id] = i
      return id
    }
  }
}
