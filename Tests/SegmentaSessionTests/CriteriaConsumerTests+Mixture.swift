import Foundation
import GRDB
import SegmentaCore
import Testing

@testable import SegmentaSession
@testable import SegmentaSources

/// A Gaussian mixture's SQL view (log-densities as constant − ½·Σ squares of linear forms, then the arg-max) run in
/// real SQLite and PostgreSQL must give every prospect the segment `assign` gives it by maximum posterior, for each
/// covariance type and both recipes (imputation, and the explicit NULL branch of `missing drop`).
extension CriteriaConsumerTests {
  static let mixtureCases: [(recipe: Int, covariance: String)] =
    [0, 1].flatMap { recipe in ["full", "diag", "tied", "spherical"].map { (recipe, $0) } }

  /// The view and `assign`'s segments (by customer id) of `run gmm k=4` on one recipe.
  static func mixtureCase(recipe: Int, covariance: String) throws -> (sql: String, expected: [String: String]) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-gmm-\(UUID().uuidString)")
    let interpreter = Interpreter(baseDirectory: repository.path)
    let lines =
      ["load datasets/b2b-customers.csv as customers"] + recipes[recipe].dropLast(2) + [
        "run gmm k=4 covariance=\(covariance) as g", "export rules g to \(folder.path)/g.sql",
        "assign g datasets/b2b-prospects.csv to \(folder.path)/g.csv",
      ]
    for line in lines {
      let outcome = interpreter.execute(line)
      try #require(outcome.error == nil, "\(line): \(outcome.lines.map(\.text))")
    }
    let sql = try String(contentsOf: folder.appendingPathComponent("g.sql"), encoding: .utf8)
    let assigned = try CSVReader.load(
      path: folder.appendingPathComponent("g.csv").path, name: "a", context: ExecutionContext(threads: 1)
    ).table
    let ids = try #require(assigned.column(named: "customer_id"))
    let segments = try #require(assigned.column(named: "segment"))
    var expected: [String: String] = [:]
    for i in 0..<assigned.rowCount { expected[ids.text(at: i)] = segments.text(at: i) }
    #expect(Set(expected.values).count >= 3, "the prospects spread over several segments")
    #expect(recipe == 0 || expected.values.contains(""), "missing drop leaves some prospects unassigned")
    return (sql, expected)
  }

  @Test(arguments: mixtureCases) func sqliteReproducesMixtureAssign(recipe: Int, covariance: String) throws {
    let prospects = try Self.prospects()
    let item = try Self.mixtureCase(recipe: recipe, covariance: covariance)
    let scoring = try #require(item.sql.components(separatedBy: "linear AS (").last)
    #expect(!scoring.contains("ln(") && !scoring.contains("exp("), "the mixture's scores need no logarithm in SQL")
    let queue = try DatabaseQueue()
    let rows = try queue.write { db -> [(String, String?)] in
      for statement in Self.load(prospects, doubleType: "REAL") { try db.execute(sql: statement) }
      try db.execute(sql: item.sql)
      return try Row.fetchAll(db, sql: "SELECT customer_id, segment FROM segmenta_g ORDER BY customer_id").map {
        ($0["customer_id"], $0["segment"])
      }
    }
    #expect(Self.agreeing(rows, item.expected) == prospects.rowCount)
  }

  @Test(arguments: mixtureCases) func postgresReproducesMixtureAssign(recipe: Int, covariance: String) throws {
    guard let url = Self.postgresURL else {
      if Self.inCI {
        Issue.record("SEGMENTA_TEST_POSTGRES_URL is not set; CI must run swift test under scripts/with-postgres.sh")
      }
      return
    }
    let prospects = try Self.prospects()
    let item = try Self.mixtureCase(recipe: recipe, covariance: covariance)
    let connection = try PostgresConnection(connectionString: url, defaults: [], overrides: [])
    let schema = "segmenta_gmm_\(UUID().uuidString.prefix(8).lowercased())_\(recipe)_\(covariance)"
    let flag = CancellationFlag()
    _ = try connection.query("CREATE SCHEMA \(schema)", cancellation: flag)
    _ = try connection.query("SET search_path TO \(schema)", cancellation: flag)
    _ = try connection.query("SET client_min_messages TO warning", cancellation: flag)
    for statement in Self.load(prospects, doubleType: "DOUBLE PRECISION") {
      _ = try connection.query(statement, cancellation: flag)
    }
    _ = try connection.query(item.sql, cancellation: flag)
    let result = try #require(
      try connection.query("SELECT customer_id, segment FROM segmenta_g ORDER BY customer_id", cancellation: flag))
    let rows = (0..<result.rowCount).map { i in (result.value(i, 0), result.isNull(i, 1) ? nil : result.value(i, 1)) }
    #expect(Self.agreeing(rows, item.expected) == prospects.rowCount)
    _ = try connection.query("DROP SCHEMA \(schema) CASCADE", cancellation: flag)
  }
}
