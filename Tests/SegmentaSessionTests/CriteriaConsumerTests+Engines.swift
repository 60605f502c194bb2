import Foundation
import GRDB
import SegmentaCore
import Testing

@testable import SegmentaSession
@testable import SegmentaSources

/// The real consumers the criteria tests run exports in: an in-memory SQLite database (GRDB), a schema of the
/// PostgreSQL server of scripts/with-postgres.sh, and jpmml-evaluator (scripts/score_pmml.py), each loaded with the
/// prospects sample and answering `customer_id, segment`; and `assign`'s answer to compare with.
extension CriteriaConsumerTests {
  /// The segment `assign` wrote for each customer id (empty = not assigned).
  static func assignedSegments(_ file: URL) throws -> [String: String] {
    let assigned = try CSVReader.load(path: file.path, name: "a", context: ExecutionContext(threads: 1)).table
    let ids = try #require(assigned.column(named: "customer_id"))
    let segments = try #require(assigned.column(named: "segment"))
    var expected: [String: String] = [:]
    for i in 0..<assigned.rowCount { expected[ids.text(at: i)] = segments.text(at: i) }
    return expected
  }

  /// `customer_id, segment` of `view` after loading the prospects and running `sql` in an in-memory SQLite database.
  static func sqliteRows(_ sql: String, view: String, prospects: SegmentaCore.Table) throws -> [(String, String?)] {
    try DatabaseQueue().write { db -> [(String, String?)] in
      for statement in load(prospects, doubleType: "REAL") { try db.execute(sql: statement) }
      try db.execute(sql: sql)
      return try Row.fetchAll(db, sql: "SELECT customer_id, segment FROM \(view) ORDER BY customer_id").map {
        ($0["customer_id"], $0["segment"])
      }
    }
  }

  /// `customer_id, segment` of `view` after loading the prospects and running `sql` in a fresh schema (a unique
  /// name starting with `schema`, dropped afterwards) of the PostgreSQL server at `url`.
  static func postgresRows(
    _ sql: String, view: String, url: String, schema: String, prospects: SegmentaCore.Table
  ) throws -> [(String, String?)] {
    let connection = try PostgresConnection(connectionString: url, defaults: [], overrides: [])
    let schema = "\(schema)_\(UUID().uuidString.prefix(8).lowercased())"
    let flag = CancellationFlag()
    _ = try connection.query("CREATE SCHEMA \(schema)", cancellation: flag)
    _ = try connection.query("SET search_path TO \(schema)", cancellation: flag)
    _ = try connection.query("SET client_min_messages TO warning", cancellation: flag)
    for statement in load(prospects, doubleType: "DOUBLE PRECISION") {
      _ = try connection.query(statement, cancellation: flag)
    }
    _ = try connection.query(sql, cancellation: flag)
    let result = try #require(
      try connection.query("SELECT customer_id, segment FROM \(view) ORDER BY customer_id", cancellation: flag))
    let rows = (0..<result.rowCount).map { i in (result.value(i, 0), result.isNull(i, 1) ? nil : result.value(i, 1)) }
    _ = try connection.query("DROP SCHEMA \(schema) CASCADE", cancellation: flag)
    return rows
  }

  /// `customer_id, segment` (nil = no segment) of the prospects scored by jpmml-evaluator (scripts/score_pmml.py);
  /// `nil` with a message when Java or the package is missing, except in CI, where that is a failure.
  static func scoredByJPMML(_ pmml: String) throws -> [(String, String?)]? {
    let output = pmml + ".scored.csv"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", repository.appendingPathComponent("scripts/score_pmml.py").path, pmml,
      repository.appendingPathComponent("datasets/b2b-prospects.csv").path, "customer_id", output,
    ]
    try process.run()
    process.waitUntilExit()
    if process.terminationStatus == 3 && !inCI {
      print("skipping the PMML check: jpmml_evaluator or Java is missing (see scripts/score_pmml.py)")
      return nil
    }
    try #require(process.terminationStatus == 0, "score_pmml.py failed for \(pmml)")
    let scored = try CSVReader.load(path: output, name: "s", context: ExecutionContext(threads: 1)).table
    let ids = try #require(scored.column(named: "customer_id"))
    let segments = try #require(scored.column(named: "segment"))
    return (0..<scored.rowCount).map { i -> (String, String?) in
      let s = segments.text(at: i)
      return (ids.text(at: i), s.isEmpty ? nil : s)
    }
  }
}
