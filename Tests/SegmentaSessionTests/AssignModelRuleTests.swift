import Foundation
import SegmentaCore
import Testing

@testable import SegmentaSession

/// `assign`, `rules` and `export rules` for variants whose own rule is not the nearest centre: a mixture assigns by
/// maximum posterior and reports it, density variants leave new rows far from every segment as noise (in the note
/// column, never in a segment), their trees learn noise as a class, and exports without an exact form are refused
/// with a pointer to `using tree`.
@Suite struct AssignModelRuleTests {
  /// The density test's two groups of 12 points (a: x 0…1.1, b: x 10…11.1) and two far points, plus new rows:
  /// inside a, inside b, between them, with x missing, and far from everything.
  static func interpreter() throws -> (Interpreter, URL) {
    let (interpreter, folder) = try DensityCommandTests.interpreter()
    let new = ["id,x,y", "n1,0.55,0.1", "n2,10.45,0.1", "n3,5,0", "n4,,0.1", "n5,100,100"]
    try (new.joined(separator: "\n") + "\n").write(
      to: folder.appendingPathComponent("new.csv"), atomically: true, encoding: .utf8)
    return (interpreter, folder)
  }

  private func text(_ outcome: CommandOutcome) -> String { outcome.lines.map(\.text).joined(separator: "\n") }

  /// id → (segment, note) of an `assign` output file.
  private func assigned(_ path: URL) throws -> [String: (segment: String, note: String)] {
    let table = try CSVReader.load(path: path.path, name: "a", context: ExecutionContext(threads: 1)).table
    let ids = try #require(table.column(named: "id"))
    let segments = try #require(table.column(named: "segment"))
    let notes = try #require(table.column(named: "note"))
    var out: [String: (String, String)] = [:]
    for i in 0..<table.rowCount { out[ids.text(at: i)] = (segments.text(at: i), notes.text(at: i)) }
    return out
  }

  @Test func dbscanAssignsByNearestCorePointAndReportsNoise() throws {
    let (interpreter, folder) = try Self.interpreter()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(interpreter.execute("run dbscan eps=0.5 min_points=3 as db").error == nil)
    let outcome = interpreter.execute("assign db new.csv to out.csv")
    #expect(outcome.error == nil, "\(text(outcome))")
    let output = text(outcome)
    #expect(output.contains("assigned 2 of 5 rows of new.csv with the density rule of db"), "\(output)")
    #expect(output.contains("2 rows not assigned: noise: no core point within eps=0.5"), "\(output)")
    #expect(output.contains("reproduces 100.0% of db's own 26 rows (noise included)"), "\(output)")
    let rows = try assigned(folder.appendingPathComponent("out.csv"))
    #expect(rows["n1"]?.segment == "1" && rows["n1"]?.note == "")
    #expect(rows["n2"]?.segment == "2")
    for id in ["n3", "n5"] {
      #expect(rows[id]?.segment == "" && rows[id]?.note == "not assigned: noise: no core point within eps=0.5")
    }
    #expect(rows["n4"]?.segment == "" && rows["n4"]?.note.hasPrefix("not assigned: ") == true)
    #expect(rows["n4"]?.note.contains("noise") == false, "a missing input is not noise: \(rows["n4"]?.note ?? "")")
  }

  @Test func hdbscanAssignsByApproximatePrediction() throws {
    let (interpreter, folder) = try Self.interpreter()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(interpreter.execute("run hdbscan min_size=5 as hd").error == nil)
    let outcome = interpreter.execute("assign hd new.csv to out.csv")
    #expect(outcome.error == nil, "\(text(outcome))")
    let rows = try assigned(folder.appendingPathComponent("out.csv"))
    #expect(rows["n1"]?.segment == "1")
    #expect(rows["n2"]?.segment == "2")
    // Between the groups but nearer a: it would join a (at ~3.9) long before a and b merge (at ~8.9).
    #expect(rows["n3"]?.segment == "1")
    // Its nearest neighbour by mutual reachability is a training noise row.
    #expect(rows["n5"]?.segment == "" && rows["n5"]?.note.hasPrefix("not assigned: noise") == true)
  }

  @Test func densityTreesLearnNoiseAsAClass() throws {
    let (interpreter, folder) = try Self.interpreter()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(interpreter.execute("run dbscan eps=0.5 min_points=3 as db").error == nil)
    let rules = interpreter.execute("rules db depth=3 min_leaf=1")
    let output = text(rules)
    #expect(output.contains("IF x > 30.55 THEN segment noise (1 rows)"), "\(output)")
    #expect(output.contains("noise (2 rows) is a class of its own"), "\(output)")
    #expect(output.contains("fidelity: 100.0% of 26 rows"), "\(output)")
    #expect(interpreter.execute("assign db new.csv to tree.csv using rules").error == nil)
    let rows = try assigned(folder.appendingPathComponent("tree.csv"))
    #expect(rows["n5"]?.segment == "" && rows["n5"]?.note == "not assigned: noise: the rules' noise leaf")
    #expect(rows["n1"]?.segment == "1" && rows["n2"]?.segment == "2")
    #expect(interpreter.execute("export rules db to tree.sql using tree").error == nil)
    let sql = try String(contentsOf: folder.appendingPathComponent("tree.sql"), encoding: .utf8)
    #expect(sql.contains("THEN 'noise'"), "\(sql)")
    #expect(interpreter.execute("export rules db to tree.json using tree").error == nil)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("tree.json")))
    let tree = try #require((json as? [String: Any])?["tree"])
    /// The leaves of a JSON tree node.
    func leaves(_ node: Any) -> [[String: Any]] {
      guard let node = node as? [String: Any] else { return [] }
      guard let left = node["left_if_le"], let right = node["right"] else { return [node] }
      return leaves(left) + leaves(right)
    }
    let noiseLeaves = leaves(tree).filter { $0["noise"] as? Bool == true }
    #expect(noiseLeaves.map { $0["rows"] as? Int } == [1, 1], "\(leaves(tree))")
    #expect(noiseLeaves.allSatisfy { $0["segment"] is NSNull }, "a noise leaf names no segment")
  }

  @Test func exportsWithoutAnExactFormAreRefusedWithTheWayOut() throws {
    let (interpreter, folder) = try Self.interpreter()
    defer { try? FileManager.default.removeItem(at: folder) }
    for line in ["run dbscan eps=0.5 min_points=3 as db", "run hdbscan min_size=5 as hd", "run gmm k=2 as g"] {
      #expect(interpreter.execute(line).error == nil, "\(line)")
    }
    for line in [
      "export rules db to x.sql", "export rules hd to x.sql", "export rules db to x.json", "export rules db to x.pmml",
      "export rules g to x.pmml",
    ] {
      let outcome = interpreter.execute(line)
      #expect(outcome.error != nil, "\(line)")
      #expect(text(outcome).contains("`using tree`"), "\(line): \(text(outcome))")
      #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.sql").path))
    }
    #expect(text(interpreter.execute("export rules g to x.pmml")).contains("PMML 4.4 has no model type"))
    for line in ["export rules db to x.md", "export rules g to g.sql", "export rules g to g.json"] {
      #expect(interpreter.execute(line).error == nil, "\(line)")
    }
    let page = try String(contentsOf: folder.appendingPathComponent("x.md"), encoding: .utf8)
    #expect(page.contains("nearest core point within distance 0.5"), "\(page)")
    let json = try String(contentsOf: folder.appendingPathComponent("g.json"), encoding: .utf8)
    #expect(json.contains("\"rule\": \"gaussian-mixture\"") && json.contains("\"precisions_cholesky\""))
  }

  @Test func mixtureAssignsByMaximumPosteriorAndReportsIt() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-gmm-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let interpreter = Interpreter(baseDirectory: CriteriaConsumerTests.repository.path)
    let lines =
      ["load datasets/b2b-customers.csv as customers"] + CriteriaConsumerTests.recipes[0].dropLast(2) + [
        "run gmm k=4 covariance=diag as g"
      ]
    for line in lines { #expect(interpreter.execute(line).error == nil, "\(line)") }
    let outcome = interpreter.execute("assign g datasets/b2b-prospects.csv to \(folder.path)/g.csv")
    let output = text(outcome)
    #expect(output.contains("with the mixture posterior of g"), "\(output)")
    #expect(output.contains("the mixture posterior reproduces 100.0% of g's own 2,000 rows"), "\(output)")
    let table = try CSVReader.load(
      path: folder.appendingPathComponent("g.csv").path, name: "a", context: ExecutionContext(threads: 1)
    ).table
    #expect(table.columns.map(\.name) == ["customer_id", "segment", "probability", "note"])
    let probabilities = try #require(table.column(named: "probability")).numbers
    #expect(probabilities.allSatisfy { $0 >= 0.25 && $0 <= 1 }, "the chosen segment's posterior is the largest of 4")
    #expect(probabilities.contains { $0 < 0.99 }, "some prospects lie between components")
  }
}
