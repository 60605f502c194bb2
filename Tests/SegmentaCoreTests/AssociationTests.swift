import SegmentaCore
import Testing

/// η², F, χ², Cramér's V and SPSS-style importance: hand-computed cases and SciPy.
@Suite struct AssociationTests {
  /// 1 2 3 | 7 8 9: grand mean 5, SS_between = 3·3² + 3·3² = 54, SS_within = 2 + 2 = 4, SS_total = 58,
  /// η² = 54/58, F = (54/1)/(4/4) = 54.
  @Test func etaSquaredAndFByHand() throws {
    let a = try NumericAssociation([1, 2, 3, 7, 8, 9], segments: [0, 0, 0, 1, 1, 1])
    #expect(isClose(a.etaSquared, 54.0 / 58.0, tolerance: 1e-15))
    #expect(isClose(a.f, 54, tolerance: 1e-15))
    #expect(a.betweenDegrees == 1 && a.withinDegrees == 4 && a.rows == 6)
    #expect(a.log10P < -2 && a.log10P > -4)
  }

  @Test func noiseAndMissingValuesAreLeftOut() throws {
    let a = try NumericAssociation([1, 2, 3, .nan, 7, 8, 9, 100], segments: [0, 0, 0, 1, 1, 1, 1, -1])
    #expect(isClose(a.etaSquared, 54.0 / 58.0, tolerance: 1e-15) && a.rows == 6)
  }

  @Test func constantAndPerfectlySeparatedFeatures() throws {
    let constant = try NumericAssociation([4, 4, 4, 4], segments: [0, 0, 1, 1])
    #expect(constant.etaSquared == 0 && constant.f == 0 && constant.log10P == 0)
    let perfect = try NumericAssociation([1, 1, 5, 5], segments: [0, 0, 1, 1])
    #expect(perfect.etaSquared == 1 && perfect.f == .infinity && perfect.log10P == -.infinity)
    #expect(throws: SegmentaError.self) { try NumericAssociation([1, 2], segments: [0, 0]) }
  }

  @Test func anovaMatchesSciPy() throws {
    let c = try EvaluationFixtures.shared.tests.anova
    let a = try NumericAssociation(ContiguousArray(c.values), segments: ContiguousArray(c.groups))
    #expect(isClose(a.f, c.F, tolerance: 1e-12), "F \(a.f) vs \(c.F)")
    #expect(isClose(-a.log10P, c.negLog10P, tolerance: 1e-11), "\(-a.log10P)")
  }

  /// [[10, 5], [5, 10]]: every expected count is 7.5, χ² = 4 × 2.5²/7.5 = 10/3, V = √((10/3)/30) = 1/3.
  @Test func cramersVByHand() throws {
    let half = try CategoricalAssociation(counts: [10, 5, 5, 10], rows: 2, columns: 2)
    #expect(isClose(half.chiSquared, 10.0 / 3.0, tolerance: 1e-15))
    #expect(isClose(half.cramersV, 1.0 / 3.0, tolerance: 1e-15))
    #expect(half.degreesOfFreedom == 1)
    let perfect = try CategoricalAssociation(counts: [10, 0, 0, 10], rows: 2, columns: 2)
    #expect(perfect.cramersV == 1 && perfect.chiSquared == 20)
    let none = try CategoricalAssociation(counts: [5, 5, 5, 5], rows: 2, columns: 2)
    #expect(none.cramersV == 0 && none.log10P == 0)
    // An empty row is left out, as SciPy does: a 3 × 2 table with one empty row is the 2 × 2 one.
    let padded = try CategoricalAssociation(counts: [10, 5, 0, 0, 5, 10], rows: 3, columns: 2)
    #expect(padded.chiSquared == half.chiSquared && padded.degreesOfFreedom == 1)
  }

  @Test func chiSquaredMatchesSciPy() throws {
    let c = try EvaluationFixtures.shared.tests.chi2
    let a = try CategoricalAssociation(counts: c.table, rows: c.table.count / c.columns, columns: c.columns)
    #expect(isClose(a.chiSquared, c.chi2, tolerance: 1e-12))
    #expect(a.degreesOfFreedom == c.dof)
    #expect(isClose(a.cramersV, c.cramersV, tolerance: 1e-12))
    #expect(isClose(-a.log10P, c.negLog10P, tolerance: 1e-11))
  }

  @Test func importanceIsMinusLog10PRelativeToTheLargest() throws {
    let segments: ContiguousArray<Int32> = [0, 0, 0, 1, 1, 1]
    let strong: ContiguousArray<Double> = [1, 2, 3, 7, 8, 9]
    let weak: ContiguousArray<Double> = [1, 5, 3, 4, 2, 6]
    let importance = try FeatureImportance(
      numeric: [("weak", weak), ("strong", strong)], categorical: [("kind", [0, 0, 1, 1, 1, 1], 2)],
      segments: segments, k: 2)
    #expect(importance.entries.map(\.name).first == "strong")
    #expect(importance.entries[0].importance == 1)
    let weakEntry = try #require(importance.entries.first { $0.name == "weak" })
    let expected = weakEntry.measure.negativeLog10P / importance.entries[0].measure.negativeLog10P
    #expect(isClose(weakEntry.importance, expected, tolerance: 1e-15) && weakEntry.importance < 0.2)
  }
}
