import Foundation
import SegmentaCore
import Testing

@testable import SegmentaSession

/// `rules` on a variant with categorical features: `IN` conditions in English and German, the level guard, and
/// the JSON export's version-2 node.
@Suite struct RulesCategoricalTests {
  /// 70 rows: the group `grp` (two levels, one with a quote, which decides the segments) and `code` with 35
  /// levels.
  static func interpreter() throws -> (Interpreter, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-rules-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var lines = ["id,code,grp"]
    for i in 0..<70 {
      let group = i % 2 == 0 ? "Nord" : "Süd'ost"
      lines.append("r\(i),c\(i % 35),\(group)")
    }
    try (lines.joined(separator: "\n") + "\n").write(
      to: folder.appendingPathComponent("groups.csv"), atomically: true, encoding: .utf8)
    let interpreter = Interpreter(baseDirectory: folder.path)
    for line in [
      "load groups.csv id=id as g", "features code grp", "transform onehot code grp", "run kmeans k=2 as km",
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
    #expect(english.contains("IF grp IN ('Süd''ost') THEN segment"), "\(english)")
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
    #expect(inputs.first { $0["name"] as? String == "grp" }?["levels"] as? [String] == ["Nord", "Süd'ost"])
  }
}
