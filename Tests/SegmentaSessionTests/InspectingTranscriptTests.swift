import Foundation
import Testing

@testable import SegmentaSession

/// The inspecting commands (compare, inspect, profile, importance, choose, stability, plot) as a golden transcript,
/// identical with one and two threads. Re-record after an intended change with
/// `SEGMENTA_RECORD=1 swift test --filter InspectingTranscriptTests` and read the diff before committing.
@Suite struct InspectingTranscriptTests {
  @Test func replaysExactlyAsRecorded() throws {
    let report = try GoldenTranscriptTests.replay("inspecting.seg", compare: true)
    if ProcessInfo.processInfo.environment["SEGMENTA_RECORD"] == "1" {
      try report.refreshed.rendered().write(
        to: GoldenTranscriptTests.folder.appendingPathComponent("inspecting.seg"), atomically: true, encoding: .utf8)
      return
    }
    #expect(report.status == .passed, "\(report.problems.joined(separator: "\n"))")
  }

  @Test func transcriptIsTheSameWithOneAndTwoThreads() throws {
    func transcript(_ threads: Int) throws -> String {
      let report = try GoldenTranscriptTests.replay(
        "inspecting.seg", prepending: ["set threads \(threads)"], compare: false)
      let lines = report.refreshed.rendered().split(separator: "\n").dropFirst()
      return lines.filter { !$0.hasPrefix("#~") && !$0.contains(" · threads ") }.joined(separator: "\n")
    }
    let one = try transcript(1)
    #expect(one == (try transcript(2)))
    #expect(one.contains("highly stable") || one.contains("stable"))
  }

  @Test func everyPrintedLineFitsTheWidth() throws {
    let report = try GoldenTranscriptTests.replay("inspecting.seg", compare: false)
    let verbs: Set = ["compare", "inspect", "profile", "importance", "choose", "stability", "plot"]
    var width = 80
    var checked = false
    for line in report.refreshed.rendered().split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("set width ") { width = Int(line.dropFirst(10)) ?? width }
      if !line.hasPrefix("#") { checked = verbs.contains(String(line.prefix { $0 != " " })) }
      guard checked, line.hasPrefix("#> ") else { continue }
      let text = line.dropFirst(3)
      // Tables and notes fit; the heading that repeats a variant's method may not (it names every parameter).
      if text.contains("kmeans k=") || text.contains("gmm k=") { continue }
      #expect(text.count <= width, "\(text.count) > \(width): \(text)")
    }
  }
}
