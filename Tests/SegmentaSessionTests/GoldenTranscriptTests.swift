import Foundation
import Testing

@testable import SegmentaSession

/// Replays the sessions in `Golden/` and compares every output line with what is recorded there.
/// Re-record after an intended change with `SEGMENTA_RECORD=1 swift test --filter GoldenTranscriptTests` and
/// read the diff before committing.
@Suite struct GoldenTranscriptTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  static func replay(_ name: String, prepending extra: [String] = [], compare: Bool) throws -> ReplayReport {
    let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    var file = try SessionFile.parse(text)
    let cells = extra.map {
      SessionFile.Item.command(.init(sourceLines: [$0], line: 0, options: [], expected: [], volatile: []))
    }
    file.items.insert(contentsOf: cells, at: 0)
    return SessionReplay.replay(
      file, displayPath: name, interpreter: Interpreter(baseDirectory: folder.path), compare: compare)
  }

  @Test(arguments: ["foundation.seg", "behaviour.seg", "model-rules.seg"])
  func replaysExactlyAsRecorded(name: String) throws {
    let report = try Self.replay(name, compare: true)
    if ProcessInfo.processInfo.environment["SEGMENTA_RECORD"] == "1" {
      try report.refreshed.rendered().write(
        to: Self.folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
      return
    }
    #expect(report.status == .passed, "\(report.problems.joined(separator: "\n"))")
  }

  @Test func transcriptIsTheSameWithOneAndTwoThreads() throws {
    func transcript(_ threads: Int) throws -> String {
      let report = try Self.replay("foundation.seg", prepending: ["set threads \(threads)"], compare: false)
      #expect(report.problems.isEmpty, "\(report.problems)")
      // Only the `set threads` line itself and `set`'s display of it may differ; timings are volatile.
      let lines = report.refreshed.rendered().split(separator: "\n").dropFirst()
      return lines.filter { !$0.hasPrefix("#~") && !$0.contains(" · threads ") }.joined(separator: "\n")
    }
    let one = try transcript(1)
    let two = try transcript(2)
    #expect(one == two)
    #expect(one.contains("silhouette"))
  }
}
