import Foundation
import SegmentaCore
import Testing

/// The sampled silhouette that `compare` and `inspect` use above 20,000 rows, against scikit-learn's exact
/// silhouette of 21,000 rows (`Fixtures/reference/make_silhouette_sample_reference.py`).
@Suite struct SilhouetteSampleTests {
  struct Reference: Decodable {
    let rows: Int
    let segmentSizes: [Int]
    let silhouette: Double
    enum CodingKeys: String, CodingKey {
      case rows
      case segmentSizes = "segment_sizes"
      case silhouette
    }
  }

  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/reference")

  /// The fixture's rows (x1, x2, x3), labels (s1 → 0, …) and exact silhouette.
  static func fixture() throws -> (FeatureMatrix, ContiguousArray<Int32>, Reference) {
    let reference = try JSONDecoder().decode(
      Reference.self, from: Data(contentsOf: folder.appendingPathComponent("silhouette_sample.json")))
    let text = try String(contentsOf: folder.appendingPathComponent("silhouette_sample.csv"), encoding: .utf8)
    var rows: [[Double]] = []
    var labels: ContiguousArray<Int32> = []
    for line in text.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",")
      rows.append(try fields.prefix(3).map { try #require(Double($0)) })
      labels.append(try #require(Int32(fields[3].dropFirst())) - 1)
    }
    return (FeatureMatrix(rowsOf: rows), labels, reference)
  }

  @Test func automaticPolicyIsExactUpToTheLimitAndSpendsAFixedBudgetAbove() {
    #expect(SilhouettePolicy.automatic.sampleSize(members: 2_000) == nil)
    #expect(SilhouettePolicy.automatic.sampleSize(members: 20_000) == nil)
    #expect(SilhouettePolicy.automatic.sampleSize(members: 20_001) == 19_999)
    #expect(SilhouettePolicy.automatic.sampleSize(members: 100_000) == 4_000)
    #expect(SilhouettePolicy.automatic.sampleSize(members: 1_000_000) == 2_000, "never below the minimum")
    #expect(SilhouettePolicy.exact.sampleSize(members: 1_000_000) == nil)
    #expect(SilhouettePolicy.sample(500).sampleSize(members: 300) == 500)
  }

  @Test func automaticEstimateIsWithinItsStandardErrorOfTheExactValue() throws {
    let (data, labels, reference) = try Self.fixture()
    try #require(data.rows == reference.rows)
    let size = try #require(SilhouettePolicy.automatic.sampleSize(members: data.rows))
    var one = SeededRandom(seed: 42)
    let estimate = try SilhouetteSummary(
      data, labels: labels, sampleSize: size, rng: &one, context: ExecutionContext(threads: 1))
    #expect(!estimate.isExact && estimate.scoredRows < data.rows)
    #expect(estimate.standardError > 0 && estimate.standardError < 0.005, "\(estimate.standardError)")
    #expect(
      abs(estimate.mean - reference.silhouette) <= 3 * estimate.standardError,
      "\(estimate.mean) ± \(estimate.standardError) vs exact \(reference.silhouette)")
    var two = SeededRandom(seed: 42)
    let twoThreads = try SilhouetteSummary(
      data, labels: labels, sampleSize: size, rng: &two, context: ExecutionContext(threads: 2))
    #expect(twoThreads.mean.bitPattern == estimate.mean.bitPattern, "independent of the thread count")
    #expect(twoThreads.standardError.bitPattern == estimate.standardError.bitPattern)
  }

  /// The standard error is honest: over 20 seeds, the errors of small samples (1,000 rows) divided by their
  /// stated standard errors behave like a standard normal (root mean square near 1, nearly all within ±2).
  @Test func standardErrorMatchesTheActualErrorsOverSeeds() throws {
    let (data, labels, reference) = try Self.fixture()
    var ratios: [Double] = []
    for seed in 1...20 {
      var rng = SeededRandom(seed: UInt64(seed))
      let estimate = try SilhouetteSummary(
        data, labels: labels, sampleSize: 1_000, rng: &rng, context: ExecutionContext(threads: 2))
      ratios.append((estimate.mean - reference.silhouette) / estimate.standardError)
    }
    let rms = (ratios.map { $0 * $0 }.reduce(0, +) / Double(ratios.count)).squareRoot()
    #expect(rms > 0.5 && rms < 1.6, "root mean square of error ÷ standard error: \(rms), \(ratios)")
    #expect(ratios.filter { abs($0) <= 2 }.count >= 17, "\(ratios)")
  }
}
