import Foundation
import Testing

@testable import SegmentaSession

/// `kdist`, `run dbscan`, `run hdbscan` and how noise shows in `run`, `compare`, `inspect` and `export`.
@Suite struct DensityCommandTests {
  /// Two tight groups of 12 points on a line and two far-away points, in a temporary folder.
  static func interpreter() throws -> (Interpreter, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-density-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var lines = ["id,x,y"]
    for i in 0..<12 {
      lines.append("a\(i),\(Double(i) * 0.1),\(Double(i % 3) * 0.1)")
      lines.append("b\(i),\(10 + Double(i) * 0.1),\(Double(i % 3) * 0.1)")
    }
    lines += ["far1,50,50", "far2,-40,30"]
    try (lines.joined(separator: "\n") + "\n").write(
      to: folder.appendingPathComponent("points.csv"), atomically: true, encoding: .utf8)
    let interpreter = Interpreter(baseDirectory: folder.path)
    for line in ["load points.csv id=id as p", "features x y"] {
      #expect(interpreter.execute(line).error == nil, "\(line)")
    }
    return (interpreter, folder)
  }

  private func text(_ outcome: CommandOutcome) -> String { outcome.lines.map(\.text).joined(separator: "\n") }

  @Test func kdistPrintsQuantilesAndASuggestedEps() throws {
    let (interpreter, folder) = try Self.interpreter()
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = interpreter.execute("kdist min_points=3")
    #expect(outcome.error == nil)
    let output = text(outcome)
    #expect(output.contains("distance to its 3rd nearest row (itself counted)"), "\(output)")
    #expect(output.contains("median"))
    #expect(output.contains("suggested eps: "), "\(output)")
    #expect(output.contains("24 rows (92.3%) are core points"), "\(output)")
    #expect(interpreter.execute("kdist min_points=27").error != nil, "more neighbours than rows")
  }

  @Test func dbscanMarksNoiseEverywhereItIsShown() throws {
    let (interpreter, folder) = try Self.interpreter()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = text(interpreter.execute("run dbscan eps=0.5 min_points=4 as db"))
    #expect(run.contains("12 / 12 + 2 noise"), "\(run)")
    let compare = text(interpreter.execute("compare db"))
    #expect(compare.contains("note: 2 noise rows excluded from the indices and the agreement of db"), "\(compare)")
    let inspect = text(interpreter.execute("inspect db"))
    #expect(inspect.contains("note: 2 noise rows excluded from the segment statistics"), "\(inspect)")
    #expect(interpreter.execute("export assignments db to out.csv").error == nil)
    let csv = try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8)
    #expect(csv.contains("far1,noise") && csv.contains("far2,noise"), "\(csv)")
  }

  @Test func hdbscanFindsTheTwoGroups() throws {
    let (interpreter, folder) = try Self.interpreter()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = text(interpreter.execute("run hdbscan min_size=5 as hd"))
    #expect(run.contains("12 / 12 + 2 noise"), "\(run)")
    #expect(run.contains("hd "), "\(run)")
  }

  @Test(arguments: [
    ("run dbscan min_points=4", "eps= is required"),
    ("run dbscan eps=0", "eps=0 is invalid"),
    ("run dbscan eps=1 min_points=0", "min_points=0 is invalid"),
    ("run hdbscan", "min_size= is required"),
    ("run hdbscan min_size=1", "min_size=1 is invalid"),
    ("run hdbscan min_size=5 min_samples=40", "at most the 26 rows"),
    ("kdist min_points=1", "min_points=1 is invalid"),
  ])
  func misuseSaysWhatToDo(line: String, message: String) throws {
    let (interpreter, folder) = try Self.interpreter()
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = interpreter.execute(line)
    #expect(outcome.error != nil)
    #expect(text(outcome).contains(message), "\(text(outcome))")
  }
}
