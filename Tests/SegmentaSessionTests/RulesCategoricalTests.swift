import Foundation
import GRDB
import SegmentaCore
import Testing

@testable import SegmentaSession

/// `rules` on a variant with categorical features: `IN` conditions in English and German, the level guard, the
/// JSON export's version-2 node, and a level with quotes and spaces through SQLite and jpmml-evaluator.
@Suite struct RulesCategoricalTests {
  /// 70 rows: the group `grp` (two levels, one with single and double quotes and spaces, which decides the
  /// segments) and `code` with 35 levels; and four new rows (one of each level, an unseen one, a missing one).
  static func interpreter() throws -> (Interpreter, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-rules-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var lines = ["id,code,grp"]
    for i in 0..<70 {
      let group = i % 2 == 0 ? "Nord" : "\"Süd 'Ost' \"\"West\"\"\""
      lines.append("r\(i),c\(i % 35),\(group)")
    }
    try (lines.joined(separator: "\n") + "\n").write(
      to: folder.appendingPathComponent("groups.csv"), atomically: true, encoding: .utf8)
    try "id,code,grp\nn1,c1,Nord\nn2,c2,\"Süd 'Ost' \"\"West\"\"\"\nn3,c3,Ost\nn4,c4,\n".write(
      to: folder.appendingPathComponent("new.csv"), atomically: true, encoding: .utf8)
    let interpreter = Interpreter(baseDirectory: folder.path)
    for line in [
      "load groups.csv id=id as customers", "features code grp", "transform onehot code grp", "run kmeans k=2 as km",
    ] {
      let outcome = interpreter.execute(line)
      try #require(outcome.error == nil, "\(line): \(outcome.lines.map { $0.text })")
    }
    return (interpreter, folder)
  }

  private func text(_ outcome: CommandOutcome) -> String { outcome.lines.map(\.text).joined(separator: "\n") }

  @Test func rulesNameTheLevelsAndSkipColumnsWithTooManyLevels() throws {
    let (interpreter, folder) = try Self.interpreter()
    defer { try? FileManager.default.removeItem(at: folder) }
    let english = text(interpreter.execute("rules km depth=2 min_leaf=5"))
    #expect(english.contains("not split on: code has 35 levels (at most 30)"), "\(english)")
    #expect(english.contains("IF grp IN ('Nord') THEN segment"), "\(english)")
    #expect(english.contains("IF grp IN ('Süd ''Ost'' \"West\"') THEN segment"), "\(english)")
    #expect(english.contains("fidelity: 100.0% of 70 rows"), "\(english)")
    #expect(interpreter.execute("set language de").error == nil)
    let german = text(interpreter.execute("rules km depth=2 min_leaf=5"))
    #expect(german.contains("WENN grp IN ('Nord') DANN Segment"), "\(german)")
  }

  @Test func jsonMarksCategoricalTreesAsVersionTwo() throws {
    let (interpreter, folder) = try Self.interpreter()
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = interpreter.execute("export rules km to km.json using tree")
    try #require(outcome.error == nil, "\(text(outcome))")
    let data = try Data(contentsOf: folder.appendingPathComponent("km.json"))
    let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(document["version"] as? Int == 2)
    let tree = try #require(document["tree"] as? [String: Any])
    #expect(tree["feature"] as? String == "grp")
    #expect(tree["levels"] as? [String] == ["Nord"])
    #expect(tree["left_if_in"] is [String: Any] && tree["right"] is [String: Any])
    let inputs = try #require(document["inputs"] as? [[String: Any]])
    #expect(inputs.first { $0["name"] as? String == "grp" }?["levels"] as? [String] == ["Nord", "Süd 'Ost' \"West\""])
  }

  /// The SQL view in SQLite and the PMML in jpmml-evaluator give `assign`'s segments for the new rows, the unseen
  /// and the missing group included (no segment).
  @Test func quotedLevelsSurviveSQLAndPMML() throws {
    let (interpreter, folder) = try Self.interpreter()
    defer { try? FileManager.default.removeItem(at: folder) }
    for line in [
      "export rules km to km.sql using tree", "export rules km to km.pmml using tree",
      "assign km new.csv to assigned.csv using rules",
    ] {
      let outcome = interpreter.execute(line)
      try #require(outcome.error == nil, "\(line): \(text(outcome))")
    }
    let load = { (name: String) throws -> SegmentaCore.Table in
      try CSVReader.load(
        path: folder.appendingPathComponent(name).path, name: "customers", context: ExecutionContext(threads: 1)
      ).table
    }
    let assigned = try load("assigned.csv")
    let ids = try #require(assigned.column(named: "id"))
    let segments = try #require(assigned.column(named: "segment"))
    var expected: [String: String] = [:]
    for i in 0..<assigned.rowCount { expected[ids.text(at: i)] = segments.text(at: i) }
    #expect(expected["n3"] == "" && expected["n4"] == "" && expected["n1"] != expected["n2"])
    #expect(
      try #require(assigned.column(named: "note")).text(at: 2) == "not assigned: grp = 'Ost' not seen in training")

    let sql = try String(contentsOf: folder.appendingPathComponent("km.sql"), encoding: .utf8)
    let rows = try DatabaseQueue().write { db -> [(String, String?)] in
      for statement in TableSQL.statements(try load("new.csv"), name: "customers", doubleType: "REAL") {
        try db.execute(sql: statement)
      }
      try db.execute(sql: sql)
      return try Row.fetchAll(db, sql: "SELECT id, segment FROM segmenta_km ORDER BY id").map {
        ($0["id"], $0["segment"])
      }
    }
    #expect(CriteriaConsumerTests.agreeing(rows, expected) == 4)

    guard
      let pmmlRows = try CriteriaConsumerTests.scorePMML(
        folder.appendingPathComponent("km.pmml").path, input: folder.appendingPathComponent("new.csv").path, id: "id")
    else { return }
    #expect(CriteriaConsumerTests.agreeing(pmmlRows, expected) == 4)
  }
}
