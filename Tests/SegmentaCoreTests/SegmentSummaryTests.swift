import SegmentaCore
import Testing

/// Silhouette summaries (exact and stratified), segment diagnostics, profiles and the choice of k.
@Suite struct SegmentSummaryTests {
  /// 600 rows: segments of 300, 297 and 3 rows around 0, 6 and 12 on a line, with jitter.
  private static func skewed() -> (FeatureMatrix, ContiguousArray<Int32>) {
    var rng = SeededRandom(seed: 4)
    var rows: [[Double]] = []
    var labels: ContiguousArray<Int32> = []
    for i in 0..<600 {
      let segment: Int32 = i < 300 ? 0 : (i < 597 ? 1 : 2)
      rows.append([Double(segment) * 6 + rng.nextDouble() * 2, rng.nextDouble()])
      labels.append(segment)
    }
    return (FeatureMatrix(rowsOf: rows), labels)
  }

  @Test func exactSummaryEqualsTheSilhouetteScoreBitForBit() throws {
    let iris = try ReferenceFixtures.iris
    let labels = ContiguousArray(iris.kmeans.labels)
    var rng = SeededRandom(seed: 1)
    for threads in [1, 2] {
      let summary = try SilhouetteSummary(
        iris.matrix, labels: labels, sampleSize: nil, rng: &rng, context: ExecutionContext(threads: threads))
      #expect(summary.mean == (try ClusterMetrics.silhouette(iris.matrix, labels: labels, context: .init())))
      #expect(summary.isExact && summary.scoredRows == 150)
      #expect(isClose(summary.mean, iris.metrics.silhouette, tolerance: 1e-12))
    }
    let large = try SilhouetteSummary(iris.matrix, labels: labels, sampleSize: 500, rng: &rng, context: .init())
    #expect(large.isExact, "a sample at least as large as the data is the exact computation")
  }

  @Test func stratifiedSampleKeepsEverySegmentAndEstimatesTheMean() throws {
    let (data, labels) = Self.skewed()
    var rng = SeededRandom(seed: 8)
    let exact = try SilhouetteSummary(data, labels: labels, sampleSize: nil, rng: &rng, context: .init())
    let sampled = try SilhouetteSummary(data, labels: labels, sampleSize: 60, rng: &rng, context: .init())
    #expect(!sampled.isExact)
    // Quotas 30, 30 and round(0.3) = 0 → 2: the 3-row segment stays.
    #expect(sampled.scoredRows == 62, "\(sampled.scoredRows)")
    #expect(!sampled.segmentMeans[2].isNaN)
    #expect(abs(sampled.mean - exact.mean) < 0.02, "\(sampled.mean) vs \(exact.mean)")
    for (i, value) in sampled.values.enumerated() where !value.isNaN {
      #expect(value == exact.values[i], "a scored row's silhouette is exact (row \(i))")
    }
    var again = SeededRandom(seed: 8)
    _ = try SilhouetteSummary(data, labels: labels, sampleSize: nil, rng: &again, context: .init())
    let twoThreads = try SilhouetteSummary(
      data, labels: labels, sampleSize: 60, rng: &again, context: ExecutionContext(threads: 2))
    #expect(twoThreads.mean == sampled.mean && twoThreads.values.map(\.bitPattern) == sampled.values.map(\.bitPattern))
    #expect(throws: SegmentaError.self) {
      try SilhouetteSummary(data, labels: labels, sampleSize: 5, rng: &rng, context: .init())
    }
  }

  @Test func diagnosticsOfTwoSegmentsOnALine() throws {
    // Segment 0: 0, 2 (centre 1); segment 1: 10, 11, 12 (centre 11); row 1 (at 2) is far from centre 11.
    let data = FeatureMatrix(rowsOf: [[0], [2], [10], [11], [12]])
    let labels: ContiguousArray<Int32> = [0, 0, 1, 1, 1]
    let centres = ClusterMetrics.centroids(data, labels: labels, k: 2)
    var rng = SeededRandom(seed: 1)
    let silhouette = try SilhouetteSummary(data, labels: labels, sampleSize: nil, rng: &rng, context: .init())
    let diagnostics = SegmentDiagnostics(data, labels: labels, centres: centres, silhouette: silhouette)
    let first = diagnostics.segments[0]
    #expect(first.size == 2 && first.share == 0.4 && first.meanDistanceToCentre == 1)
    #expect(first.centreDistances == [0, 10] && first.nearest == 1 && first.borderlineShare == 0)
    // sd of {0, 2} is 1; sd of all five values (mean 7, squares 49+25+9+16+25 = 124) is √(124/5).
    #expect(isClose(first.spread[0], 1 / (124.0 / 5).squareRoot(), tolerance: 1e-15))
    let worst = try #require(diagnostics.fitsWorstFirst.first)
    #expect(worst.row == 1 || worst.row == 2, "\(worst)")
    #expect(diagnostics.fitsWorstFirst.count == 5)
  }

  @Test func borderlineRowsSitAlmostHalfway() {
    let data = FeatureMatrix(rowsOf: [[0], [4.9], [10], [5.1]])
    let labels: ContiguousArray<Int32> = [0, 0, 1, 1]
    let centres = FeatureMatrix(rowsOf: [[0], [10]])
    let diagnostics = SegmentDiagnostics(data, labels: labels, centres: centres, silhouette: nil)
    #expect(diagnostics.segments.map(\.borderlineShare) == [0.5, 0.5])
    #expect(Set(diagnostics.fitsWorstFirst.prefix(2).map(\.row)) == [1, 3])
  }

  @Test func profilesInOriginalUnits() throws {
    let labels: ContiguousArray<Int32> = [0, 0, 1, 1, -1]
    let numeric = SegmentProfile.numeric(name: "x", values: [1, 3, 5, .nan, 100], labels: labels, k: 2)
    #expect(numeric.overallMean == 3 && numeric.overallMedian == 3)
    #expect(numeric.means == [2, 5] && numeric.medians == [2, 5])
    // sd of 1, 3, 5 (ddof 1) is 2.
    #expect(numeric.standardizedDifferences == [-0.5, 1])
    let categorical = SegmentProfile.categorical(
      name: "c", values: ["b", "a", "a", nil, "z"], labels: labels, k: 2)
    #expect(categorical.levels == ["a", "b"])
    #expect(categorical.counts == [1, 1, 1, 0] && categorical.segmentTotals == [2, 1])
    #expect(categorical.share(segment: 0, level: 0) == 0.5)
  }

  @Test func kChoiceVotesAndReadsTheStructure() {
    let candidates = [
      KChoice.Candidate(
        k: 2, withinSS: 100, silhouette: 0.40, calinskiHarabasz: 300, daviesBouldin: 1.2, bic: nil),
      KChoice.Candidate(k: 3, withinSS: 40, silhouette: 0.55, calinskiHarabasz: 280, daviesBouldin: 0.8, bic: nil),
      KChoice.Candidate(k: 4, withinSS: 35, silhouette: 0.50, calinskiHarabasz: 250, daviesBouldin: 0.9, bic: nil),
      KChoice.Candidate(k: 5, withinSS: 32, silhouette: 0.45, calinskiHarabasz: 240, daviesBouldin: 1.0, bic: nil),
    ]
    let choice = KChoice(candidates)
    #expect(choice.picks.map(\.criterion) == [.elbow, .silhouette, .calinskiHarabasz, .daviesBouldin])
    #expect(choice.picks.map(\.k) == [3, 3, 2, 3])
    #expect(choice.recommended == 3 && choice.supporters == [.elbow, .silhouette, .daviesBouldin])
    #expect(choice.structure == .reasonable)
    #expect(KChoice.Structure(silhouette: 0.2) == KChoice.Structure.none)
  }

  /// Knee of 100, 40, 35, 32 at k = 2…5: scaled x 0, ⅓, ⅔, 1 and y 1, 8/68, 3/68, 0; the difference
  /// (1 − x) − y is 0, 0.549, 0.289, 0: the knee is k = 3.
  @Test func kneedleByHand() {
    #expect(KChoice.knee(x: [2, 3, 4, 5], y: [100, 40, 35, 32]) == 1)
    #expect(KChoice.knee(x: [2, 3, 4], y: [1, 2, 3]) == nil, "an increasing curve has no elbow")
    #expect(KChoice.knee(x: [2, 3], y: [5, 1]) == nil)
  }
}
