import Testing

@testable import SegmentaCore

/// ColumnSummary against NumPy reference values.
@Suite struct ColumnSummaryTests {
  /// Relative tolerance for statistics that involve rounding (mean, sd); quantiles of these data are exact.
  private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(b)) }

  @Test func numericStatisticsMatchNumPy() throws {
    // x = [3.5, 1, 7, 2, 10, 4.25, 6, 8] (NaNs dropped); numpy 2.4:
    // x.mean() = 5.21875, x.std(ddof=1) = 3.080577114299017,
    // np.quantile(x, [0, .25, .5, .75, 1]) = [1.0, 3.125, 5.125, 7.25, 10.0]  (default method 'linear' = R type 7)
    let column = Column(name: "x", numbers: [3.5, .nan, 1, 7, 2, 10, .nan, 4.25, 6, 8])
    let summary = ColumnSummary.summarize(column)
    #expect(summary.kind == .numeric && summary.count == 8 && summary.missing == 2)
    let d = try #require(summary.distribution)
    #expect(close(d.mean, 5.21875))
    #expect(close(d.sd, 3.080577114299017))
    #expect([d.min, d.q25, d.median, d.q75, d.max] == [1.0, 3.125, 5.125, 7.25, 10.0])
    #expect(summary.distinct == 0 && summary.top.isEmpty)
  }

  @Test func quantilesInterpolateLikeNumPyIncludingRounding() throws {
    // z = [0.1, 0.2, 0.7, 1e6, -3.3, 2.2, 0.1]; numpy 2.4:
    // z.mean() = 142857.14285714284, z.std(ddof=1) = 377964.4730128166,
    // np.quantile(z, [0, .25, .5, .75, 1]) = [-3.3, 0.1, 0.2, 1.4500000000000002, 1000000.0]
    let d = try #require(
      ColumnSummary.summarize(Column(name: "z", numbers: [0.1, 0.2, 0.7, 1e6, -3.3, 2.2, 0.1]))
        .distribution)
    #expect(close(d.mean, 142857.14285714284))
    #expect(close(d.sd, 377964.4730128166))
    #expect([d.min, d.q25, d.median, d.q75, d.max] == [-3.3, 0.1, 0.2, 1.4500000000000002, 1e6])
  }

  @Test func singleValueHasNoStandardDeviation() throws {
    let d = try #require(ColumnSummary.summarize(Column(name: "x", numbers: [4, .nan])).distribution)
    #expect(d.mean == 4 && d.sd.isNaN && d.median == 4 && d.q25 == 4 && d.q75 == 4)
  }

  @Test func allMissingHasNoDistribution() {
    let summary = ColumnSummary.summarize(Column(name: "x", numbers: [.nan, .nan]))
    #expect(summary.count == 0 && summary.missing == 2 && summary.distribution == nil)
  }

  @Test func datesSummarizeAsDays() throws {
    let d = try #require(ColumnSummary.summarize(Column(name: "d", kind: .date, numbers: [0, 10, .nan])).distribution)
    #expect(d.min == 0 && d.max == 10 && d.median == 5)
  }

  @Test func categoricalTopLevelsTieByFirstAppearance() {
    let column = Column(name: "c", strings: ["b", "a", nil, "c", "a", "d", "c", "b", "d", nil, "e"])
    let summary = ColumnSummary.summarize(column)
    #expect(summary.count == 9 && summary.missing == 2 && summary.distinct == 5)
    #expect(
      summary.top == [
        .init(value: "b", count: 2), .init(value: "a", count: 2), .init(value: "c", count: 2),
      ])
    #expect(summary.distribution == nil)
  }

  @Test func identifierLevels() {
    let summary = ColumnSummary.summarize(Column(name: "id", kind: .identifier, strings: ["x", "y"]))
    #expect(summary.kind == .identifier && summary.distinct == 2 && summary.top.map(\.count) == [1, 1])
  }
}
