import Foundation
import Testing

@testable import SegmentaSession

/// `run kmedoids` and `run kprototypes` replayed from `Golden/medoids.seg`: option parsing, categorical columns
/// read from the table, and the usage errors (categorical without Gower, a feature named as categorical, …).
/// Re-record with `SEGMENTA_RECORD=1 swift test --filter RunMedoidsTranscriptTests` and read the diff.
@Suite struct RunMedoidsTranscriptTests {
  @Test func replaysExactlyAsRecorded() throws {
    let report = try GoldenTranscriptTests.replay("medoids.seg", compare: true)
    if ProcessInfo.processInfo.environment["SEGMENTA_RECORD"] == "1" {
      try report.refreshed.rendered().write(
        to: GoldenTranscriptTests.folder.appendingPathComponent("medoids.seg"), atomically: true, encoding: .utf8)
      return
    }
    #expect(report.status == .passed, "\(report.problems.joined(separator: "\n"))")
  }
}
