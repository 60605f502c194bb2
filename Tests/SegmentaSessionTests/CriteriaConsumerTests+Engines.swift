import Foundation
import GRDB
import SegmentaCore
import Testing

@testable import SegmentaSession
@testable import SegmentaSources

/// The real SQL consumers the criteria tests run exports in — an in-memory SQLite database (GRDB) and a schema of the
/// PostgreSQL server of scripts/with-postgres.sh, each loaded with the prospects and answering `customer_id,
/// segment` — and `assign`'s answer to compare with.
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
      for statement in TableSQL.statements(prospects, name: "customers", doubleType: "REAL") {
        try db.execute(sql: statement)
      }
      try db.execute(sql: sql)
      return try Row.fetchAll(db, sql: "SELECT customer_id, segment FROM \(view) ORDER BY customer_id").map {
        ($0["customer_id"], $0["segment"])
      }
    }
  }

  /// `customer_id, segment` of `view` after loading the prospects as `table` and running `sql` in a fresh schema (a
  /// unique name starting with `schema`, dropped afterwards) of the PostgreSQL server at `url`.
  static func postgresRows(
    _ sql: String, view: String, url: String, schema: String, prospects: SegmentaCore.Table,
    table: String = "customers"
  ) throws -> [(String, String?)] {
    let connection = try PostgresConnection(connectionString: url, defaults: [], overrides: [])
    let schema = "\(schema)_\(UUID().uuidString.prefix(8).lowercased())"
    let flag = CancellationFlag()
    _ = try connection.query("CREATE SCHEMA \(schema)", cancellation: flag)
    _ = try connection.query("SET search_path TO \(schema)", cancellation: flag)
    _ = try connection.query("SET client_min_messages TO warning", cancellation: flag)
    for statement in TableSQL.statements(prospects, name: table, doubleType: "DOUBLE PRECISION") {
      _ = try connection.query(statement, cancellation: flag)
    }
    _ = try connection.query(sql, cancellation: flag)
    var rows: [(String, String?)] = []
    let returnsRows = try connection.query(
      "SELECT customer_id, segment FROM \(view) ORDER BY customer_id", cancellation: flag
    ) { result in
      for i in 0..<result.rowCount { rows.append((result.value(i, 0), result.isNull(i, 1) ? nil : result.value(i, 1))) }
    }
    #expect(returnsRows)
    _ = try connection.query("DROP SCHEMA \(schema) CASCADE", cancellation: flag)
    return rows
  }
}
