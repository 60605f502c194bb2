import Foundation
import SegmentaCore
import Synchronization
import Testing

@testable import SegmentaSession

/// Behaviour of the inspecting commands beyond their transcript: progress goes to the terminal only, refits work
/// for any algorithm, and the numbers agree with the core.
@Suite struct InspectingCommandTests {
  private func interpreter(_ extra: [String]) throws -> Interpreter {
    let interpreter = Interpreter(baseDirectory: GoldenTranscriptTests.folder.path)
    let setup = [
      "load ../../../datasets/b2b-customers.csv as c", "filter wz_section == \"G\" as g",
      "features order_count_12m avg_order_value_eur discount_rate product_lines", "missing drop", "scale zscore",
    ]
    for line in setup + extra {
      let outcome = interpreter.execute(line)
      try #require(outcome.error == nil, "\(line): \(String(describing: outcome.error))")
    }
    return interpreter
  }

  @Test func progressReachesTheSinkButNeverTheOutput() throws {
    let interpreter = try interpreter(["run kmeans k=2..3 n_init=2 as km"])
    let updates = Mutex<[String]>([])
    interpreter.progress = ProgressReporter(
      update: { label, fraction in updates.withLock { $0.append("\(label) \(fraction)") } },
      finish: { updates.withLock { $0.append("finished") } })
    let stability = interpreter.execute("stability km.k3 boot=3 seeds=2")
    let gap = interpreter.execute("choose k for km by gap B=2")
    #expect(stability.error == nil && gap.error == nil)
    let seen = updates.withLock { $0 }
    #expect(seen.contains("bootstrap resamples 1.0") && seen.contains("refits with other seeds 0.5"), "\(seen)")
    #expect(seen.contains("gap statistic: reference sets 0.5"), "\(seen)")
    #expect(seen.filter { $0 == "finished" }.count == 2, "the display is cleared after each command")
    let printed = (stability.lines + gap.lines).map(\.text)
    #expect(!printed.contains { $0.contains("resamples 1") || $0.contains("reference sets 0") }, "\(printed)")
  }

  /// Stability and the gap statistic refit whatever algorithm made the variant (here Ward and mixtures).
  @Test func refitsUseEachVariantsOwnAlgorithm() throws {
    let interpreter = try interpreter([
      "run hierarchical k=2..4 linkage=ward as hc", "run gmm k=2..3 covariance=diag as mix",
    ])
    let ward = interpreter.execute("stability hc.k3 boot=3 seeds=1")
    #expect(ward.error == nil, "\(String(describing: ward.error))")
    // Ward is deterministic: a refit with another seed is the same tree, so the seed cannot matter.
    let words = ward.lines.map(\.text).joined(separator: " ").split(whereSeparator: \.isWhitespace)
    #expect(words.joined(separator: " ").contains("the seed does not matter"), "\(words)")
    let mixture = interpreter.execute("choose k for mix by all B=2")
    #expect(mixture.error == nil, "\(String(describing: mixture.error))")
    let text = mixture.lines.map(\.text).joined(separator: "\n")
    #expect(text.contains("bic") && text.contains("gap_se"), "\(text)")
  }

  /// k-prototypes carries categorical columns per row: a bootstrap resample refits with them subset alike, and the
  /// gap statistic (uniform numeric reference data) is refused with the reason.
  @Test func mixedDataResamplesItsCategoricalColumnsAndRefusesTheGap() throws {
    let interpreter = try interpreter(["run kprototypes k=2..3 categorical=size_class n_init=2 as kp"])
    let stability = interpreter.execute("stability kp.k3 boot=3 seeds=1")
    #expect(stability.error == nil, "\(String(describing: stability.error))")
    let gap = interpreter.execute("choose k for kp by gap B=2")
    guard case .usage(let message, _) = gap.error else {
      Issue.record("expected a usage error, got \(String(describing: gap.error))")
      return
    }
    #expect(message.contains("no categorical columns for kprototypes"), "\(message)")
    #expect(interpreter.execute("choose k for kp by silhouette").error == nil)
  }

  @Test func compareAgreesWithTheCoreAndSaysHowSilhouettesWereComputed() throws {
    let interpreter = try interpreter(["run kmeans k=3 n_init=2 as km", "run given customer_group as groups"])
    _ = interpreter.execute("set digits 15")
    let exact = interpreter.execute("compare km groups").lines.map(\.text)
    #expect(exact.contains("silhouette: exact, every row scored"))
    let km = try interpreter.workspace.variant(named: "km")
    let groups = try interpreter.workspace.variant(named: "groups")
    let ari = try ClusterMetrics.adjustedRandIndex(km.result.labels, groups.result.labels)
    #expect(exact.contains { $0.contains(NumberFormat(digits: 15).format(ari)) }, "\(exact)")
    let sampled = interpreter.execute("compare km groups sample=50").lines.map(\.text)
    let note = sampled.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(note.contains("≈ estimated from a stratified sample of"), "\(sampled)")
    #expect(note.contains("`silhouette=exact` scores every row"), "\(sampled)")
  }

  /// Above 20,000 rows `compare` and `inspect` estimate the silhouette from a sample and say so;
  /// `silhouette=exact` gives scikit-learn's exact value (`make_silhouette_sample_reference.py`, 21,000 rows).
  @Test func aboveTheRowLimitSilhouettesAreEstimatedVisiblyUnlessExactIsAsked() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("SegmentaCoreTests/Fixtures/reference")
    let reference = try JSONSerialization.jsonObject(
      with: Data(contentsOf: folder.appendingPathComponent("silhouette_sample.json")))
    let exactValue = try #require((reference as? [String: Any])?["silhouette"] as? Double)
    let interpreter = Interpreter(baseDirectory: folder.path)
    for line in ["load silhouette_sample.csv as s", "features x1 x2 x3", "run given segment as truth"] {
      let outcome = interpreter.execute(line)
      try #require(outcome.error == nil, "\(line): \(String(describing: outcome.error))")
    }
    let flat = { (lines: [String]) in
      lines.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
    let compared = flat(interpreter.execute("compare truth").lines.map(\.text))
    #expect(compared.contains("truth 3 21,000"), "\(compared)")
    #expect(compared.contains("≈ 0.3") && compared.contains(" ± 0.00"), "\(compared)")
    #expect(compared.contains("silhouette: ≈ estimated from a stratified sample of 19,04"), "\(compared)")
    let inspected = flat(interpreter.execute("inspect truth").lines.map(\.text))
    #expect(inspected.contains("Silhouettes ≈ estimated from a stratified sample"), "\(inspected)")
    #expect(inspected.contains("overall ≈ 0.3"), "\(inspected)")
    let exact = flat(interpreter.execute("compare truth silhouette=exact").lines.map(\.text))
    #expect(exact.contains("silhouette: exact, every row scored"), "\(exact)")
    #expect(exact.contains(" \(NumberFormat(digits: 4).format(exactValue)) "), "\(exactValue): \(exact)")
    #expect(!exact.contains("≈"), "\(exact)")
    let both = interpreter.execute("compare truth sample=100 silhouette=exact")
    #expect(both.lines.map(\.text).joined().contains("contradict each other"))
  }
}
