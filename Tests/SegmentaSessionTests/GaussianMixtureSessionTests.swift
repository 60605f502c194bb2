import Foundation
import Testing

@testable import SegmentaSession

/// `run gmm` from the REPL: criteria columns in `run` and `compare`, soft memberships in `inspect`, and k-means
/// output left as it was.
@Suite struct GaussianMixtureSessionTests {
  static let datasets = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../datasets").standardized.path

  /// The quickstart's behaviour features on the bundled customers, then `commands`; returns each command's output.
  private func session(_ commands: [String]) throws -> [(text: String, outcome: CommandOutcome)] {
    let interpreter = Interpreter(baseDirectory: Self.datasets)
    let setup = [
      "load b2b-customers.csv as customers",
      "features order_count_12m avg_order_value_eur discount_rate days_since_last_order service_share product_lines",
      "missing impute median", "transform log1p order_count_12m avg_order_value_eur days_since_last_order",
      "scale zscore",
    ]
    for line in setup {
      let outcome = interpreter.execute(line)
      try #require(outcome.error == nil, "\(line): \(String(describing: outcome.error))")
    }
    return commands.map { line in
      let outcome = interpreter.execute(line)
      return (outcome.lines.map(\.text).joined(separator: "\n"), outcome)
    }
  }

  @Test func runPrintsCriteriaForMixturesOnly() throws {
    let out = try session(["run gmm k=2..3 covariance=diag as g", "run kmeans k=3 as km"])
    #expect(out[0].outcome.error == nil)
    #expect(out[0].text.contains("variant  k  inertia  iterations  log_likelihood     bic     aic"), "\(out[0].text)")
    #expect(out[1].text.contains("variant  k  inertia  iterations  sizes"), "\(out[1].text)")
    #expect(!out[1].text.contains("bic"))
  }

  @Test func compareShowsBICOnlyWhenAVariantHasOne() throws {
    let out = try session([
      "run gmm k=2..3 covariance=diag as g", "run kmeans k=2..3 as km", "compare km", "set width 120",
      "compare g km",
    ])
    #expect(!out[2].text.contains("bic"), "\(out[2].text)")
    let mixed = out[4].text
    #expect(mixed.contains("bic"), "\(mixed)")
    let lines = mixed.split(separator: "\n")
    let bestBIC = lines.first { $0.hasPrefix("bic ") }.map(String.init) ?? ""
    #expect(bestBIC.contains(" g.k") && bestBIC.hasSuffix("lower is better"), "best-by-BIC names a mixture: \(mixed)")
    // The BIC column is the one before `smallest`.
    let kmRow = lines.first { $0.hasPrefix("km.k2 ") }?.split(separator: " ") ?? []
    #expect(kmRow.dropLast().last == "–", "k-means has no BIC: '\(kmRow)'")
  }

  @Test func inspectListsUncertainCustomersForMixtures() throws {
    let out = try session(["run gmm k=3 covariance=full as g", "inspect g", "run kmeans k=3 as km", "inspect km"])
    let text = out[1].text
    #expect(text.contains("memberships: share of customers whose top membership is below 0.8:"), "\(text)")
    #expect(text.contains("most uncertain customers:"))
    let uncertain = text.split(separator: "\n").drop { $0 != "most uncertain customers:" }.dropFirst()
    let header = uncertain.first.map(String.init) ?? ""
    #expect(header.contains("segment") && header.contains("second"), "'\(header)'")
    let rows = uncertain.dropFirst()
    #expect(rows.count == 5 && rows.allSatisfy { $0.hasPrefix("K") }, "\(rows)")
    #expect(!out[3].text.contains("memberships"))
  }

  @Test func badOptionsAreUsageErrorsThatSayWhatIsExpected() throws {
    let out = try session(["run gmm k=3 covariance=ful", "run gmm k=3 reg_covar=-1", "run gmm covariance=diag"])
    #expect(out[0].outcome.error?.description.contains("did you mean 'full'") == true, "\(out[0].text)")
    #expect(out[1].outcome.error?.description.contains("reg_covar=-1 is invalid") == true, "\(out[1].text)")
    #expect(out[2].outcome.error?.description.contains("k= is required") == true, "\(out[2].text)")
  }
}
