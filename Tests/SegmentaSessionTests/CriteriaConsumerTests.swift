import Foundation
import GRDB
import SegmentaCore
import Testing

@testable import SegmentaSession
@testable import SegmentaSources

/// The exported criteria run in real consumers and must reproduce `assign` row by row. SQL: the views run in real databases — SQLite (through GRDB) and the PostgreSQL server of
/// scripts/with-postgres.sh — on the prospects sample and must reproduce `assign` row by row, for the nearest-centre
/// rule and the surrogate tree, with imputation (`COALESCE`) and with the explicit NULL branch (`missing drop`).
@Suite struct CriteriaConsumerTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let postgresURL = ProcessInfo.processInfo.environment["SEGMENTA_TEST_POSTGRES_URL"].flatMap {
    $0.isEmpty ? nil : $0
  }
  static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

  /// Two recipes: impute + log1p + z-score, and drop + winsorize + one-hot + robust scaling.
  static let recipes: [[String]] = [
    [
      "features order_count_12m avg_order_value_eur discount_rate days_since_last_order service_share product_lines",
      "missing impute median", "transform log1p order_count_12m avg_order_value_eur days_since_last_order",
      "scale zscore", "run kmeans k=4 as km", "rules km depth=3",
    ],
    [
      "features order_count_12m avg_order_value_eur discount_rate customer_group", "missing drop",
      "transform winsorize avg_order_value_eur p=0.02", "transform onehot customer_group", "scale robust",
      "run kmeans k=3 as km", "rules km depth=4 min_leaf=10",
    ],
  ]

  /// One case: the exported view of a rule and `assign`'s segments for the prospects, by customer id.
  struct Case {
    let sql: String
    let pmml: String
    let expected: [String: String]
  }

  static func cases(recipe: Int) throws -> [Case] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-sql-\(UUID().uuidString)")
    let interpreter = Interpreter(baseDirectory: repository.path)
    var lines = ["load datasets/b2b-customers.csv as customers"] + recipes[recipe]
    for rule in ["centroids", "rules"] {
      for format in ["sql", "pmml"] {
        lines.append("export rules km to \(folder.path)/\(rule).\(format) using \(rule == "rules" ? "tree" : rule)")
      }
      lines.append("assign km datasets/b2b-prospects.csv to \(folder.path)/\(rule).csv using \(rule)")
    }
    for line in lines {
      let outcome = interpreter.execute(line)
      try #require(outcome.error == nil, "\(line): \(outcome.lines.map(\.text))")
    }
    return try ["centroids", "rules"].map { rule in
      let sql = try String(contentsOf: folder.appendingPathComponent("\(rule).sql"), encoding: .utf8)
      let expected = try assignedSegments(folder.appendingPathComponent("\(rule).csv"))
      return Case(sql: sql, pmml: folder.appendingPathComponent("\(rule).pmml").path, expected: expected)
    }
  }

  static func prospects() throws -> SegmentaCore.Table {
    try CSVReader.load(
      path: repository.appendingPathComponent("datasets/b2b-prospects.csv").path, name: "customers",
      context: ExecutionContext(threads: 1)
    ).table
  }

  /// `CREATE TABLE customers …` and one `INSERT` with every prospect (numbers in round-trip form, NULL for gaps).
  static func load(_ table: SegmentaCore.Table, doubleType: String) -> [String] {
    let columns = table.columns.filter { $0.kind != .date }
    let definitions = columns.map { "\(CriteriaSQL.identifier($0.name)) \($0.kind == .numeric ? doubleType : "TEXT")" }
    let rows = (0..<table.rowCount).map { i in
      "("
        + columns.map { c -> String in
          if c.kind == .numeric { return c.numbers[i].isNaN ? "NULL" : String(c.numbers[i]) }
          return c.strings[i].map(CriteriaSQL.string) ?? "NULL"
        }.joined(separator: ", ") + ")"
    }
    return [
      "CREATE TABLE customers (" + definitions.joined(separator: ", ") + ")",
      "INSERT INTO customers VALUES " + rows.joined(separator: ",\n"),
    ]
  }

  /// Compares the view's segments with `assign`'s (NULL ↔ not assigned) and returns how many rows agree.
  static func agreeing(_ rows: [(String, String?)], _ expected: [String: String]) -> Int {
    #expect(rows.count == expected.count)
    var agree = 0
    for (id, segment) in rows {
      if expected[id] == (segment ?? "") {
        agree += 1
      } else {
        Issue.record("\(id): SQL \(segment ?? "NULL"), assign \(expected[id] ?? "?")")
      }
    }
    return agree
  }

  @Test(arguments: [0, 1]) func sqliteReproducesAssign(recipe: Int) throws {
    let prospects = try Self.prospects()
    for item in try Self.cases(recipe: recipe) {
      let view = try #require(item.sql.split(separator: "\n").first { $0.hasPrefix("CREATE VIEW") })
        .split(separator: " ")[2]
      let rows = try Self.sqliteRows(item.sql, view: String(view), prospects: prospects)
      #expect(Self.agreeing(rows, item.expected) == prospects.rowCount)
    }
  }

  /// PMML scored by jpmml-evaluator (scripts/score_pmml.py): a real engine, not our reading of the standard.
  /// Skipped with a message when Java or the package is missing, except in CI, where that is a failure.
  @Test(arguments: [0, 1]) func pmmlScoredByJPMMLReproducesAssign(recipe: Int) throws {
    for item in try Self.cases(recipe: recipe) {
      guard let rows = try Self.scoredByJPMML(item.pmml) else { return }
      #expect(Self.agreeing(rows, item.expected) == rows.count)
    }
  }

  @Test(arguments: [0, 1]) func postgresReproducesAssign(recipe: Int) throws {
    guard let url = Self.postgresURL else {
      if Self.inCI {
        Issue.record("SEGMENTA_TEST_POSTGRES_URL is not set; CI must run swift test under scripts/with-postgres.sh")
      }
      return
    }
    let prospects = try Self.prospects()
    for (n, item) in try Self.cases(recipe: recipe).enumerated() {
      let view = try #require(item.sql.split(separator: "\n").first { $0.hasPrefix("CREATE VIEW") })
        .split(separator: " ")[2]
      let rows = try Self.postgresRows(
        item.sql, view: String(view), url: url, schema: "segmenta_sql_\(recipe)_\(n)", prospects: prospects)
      #expect(Self.agreeing(rows, item.expected) == prospects.rowCount)
    }
  }
}
