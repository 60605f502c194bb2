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
        "assign g \(prospectsPath) to \(folder.path)/g.csv",
      ]
    for line in lines {
      let outcome = interpreter.execute(line)
      try #require(outcome.error == nil, "\(line): \(outcome.lines.map(\.text))")
    }
    let sql = try String(contentsOf: folder.appendingPathComponent("g.sql"), encoding: .utf8)
    let expected = try assignedSegments(folder.appendingPathComponent("g.csv"))
    #expect(Set(expected.values).count >= 3, "the prospects spread over several segments")
    #expect(recipe == 0 || expected.values.contains(""), "missing drop leaves some prospects unassigned")
    return (sql, expected)
  }

  @Test(arguments: mixtureCases) func sqliteReproducesMixtureAssign(recipe: Int, covariance: String) throws {
    let prospects = try Self.prospects()
    let item = try Self.mixtureCase(recipe: recipe, covariance: covariance)
    let scoring = try #require(item.sql.components(separatedBy: "linear AS (").last)
    #expect(!scoring.contains("ln(") && !scoring.contains("exp("), "the mixture's scores need no logarithm in SQL")
    let rows = try Self.sqliteRows(item.sql, view: "segmenta_g", prospects: prospects)
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
    let rows = try Self.postgresRows(
      item.sql, view: "segmenta_g", url: url, schema: "segmenta_gmm_\(recipe)_\(covariance)", prospects: prospects)
    #expect(Self.agreeing(rows, item.expected) == prospects.rowCount)
  }
}

/// A density variant's surrogate tree says noise in real consumers too: its SQL view in SQLite and its PMML
/// `TreeModel` in jpmml-evaluator give `noise` exactly to the prospects `assign … using rules` reports as noise,
/// and the same segment to every other prospect.
extension CriteriaConsumerTests {
  /// The tree's SQL and PMML and `assign`'s outcome per customer id (`noise` for rows reported as noise).
  static func densityTreeCase() throws -> (sql: String, pmml: String, expected: [String: String]) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-noise-\(UUID().uuidString)")
    let interpreter = Interpreter(baseDirectory: repository.path)
    let lines =
      ["load datasets/b2b-customers.csv as customers"] + recipes[0].dropLast(2) + [
        "run dbscan eps=0.9 min_points=10 as db", "rules db depth=4 min_leaf=10",
        "export rules db to \(folder.path)/db.sql using tree", "export rules db to \(folder.path)/db.pmml using tree",
        "assign db \(prospectsPath) to \(folder.path)/db.csv using rules",
      ]
    for line in lines {
      let outcome = interpreter.execute(line)
      try #require(outcome.error == nil, "\(line): \(outcome.lines.map(\.text))")
    }
    let assigned = try CSVReader.load(
      path: folder.appendingPathComponent("db.csv").path, name: "a", context: ExecutionContext(threads: 1)
    ).table
    let ids = try #require(assigned.column(named: "customer_id"))
    let segments = try #require(assigned.column(named: "segment"))
    let notes = try #require(assigned.column(named: "note"))
    var expected: [String: String] = [:]
    for i in 0..<assigned.rowCount {
      let noise = notes.text(at: i) == "not assigned: noise: the rules' noise leaf"
      expected[ids.text(at: i)] = noise ? "noise" : segments.text(at: i)
    }
    #expect(expected.values.contains("noise") && expected.values.contains("1"), "noise and segments among prospects")
    return (
      try String(contentsOf: folder.appendingPathComponent("db.sql"), encoding: .utf8),
      folder.appendingPathComponent("db.pmml").path, expected
    )
  }

  @Test func densityTreeSaysNoiseInSQLiteAndJPMML() throws {
    let prospects = try Self.prospects()
    let item = try Self.densityTreeCase()
    let rows = try Self.sqliteRows(item.sql, view: "segmenta_db", prospects: prospects)
    #expect(Self.agreeing(rows, item.expected) == prospects.rowCount)

    guard let scored = try Self.scorePMML(item.pmml, input: Self.prospectsPath, id: "customer_id") else { return }
    #expect(Self.agreeing(scored, item.expected) == scored.count)
  }
}
