import SegmentaCore
import Testing

/// What a user can get wrong when asking for k-means, and the edge cases that must not crash.
@Suite struct KMeansValidationTests {
  let five = FeatureMatrix(rowsOf: [[0, 0], [1, 0], [0, 1], [5, 5], [6, 5]], names: ["a", "b"])

  private func error(_ model: KMeans, _ data: FeatureMatrix? = nil) -> SegmentaError? {
    var rng = SeededRandom(seed: 1)
    do {
      _ = try model.fit(data ?? five, context: .init(), rng: &rng)
      return nil
    } catch {
      return error
    }
  }

  @Test func moreSegmentsThanRowsSaysHowManyRowsThereAre() {
    let message = error(KMeans(k: 7))?.description ?? ""
    #expect(message.contains("k=7 but only 5 rows"), "got '\(message)'")
  }

  @Test func outOfRangeParametersAreRejectedByName() {
    #expect(error(KMeans(k: 0)) == .invalidParameter(name: "k", value: "0", expected: "k ≥ 1"))
    #expect(error(KMeans(k: 2, nInit: 0)) == .invalidParameter(name: "n_init", value: "0", expected: "n_init ≥ 1"))
    #expect(
      error(KMeans(k: 2, maxIterations: 0))
        == .invalidParameter(name: "max_iter", value: "0", expected: "max_iter ≥ 1"))
    for tol in [-1, Double.nan, .infinity] {
      guard case .invalidParameter(name: "tol", _, _) = error(KMeans(k: 2, tolerance: tol)) else {
        Issue.record("tol=\(tol) accepted")
        continue
      }
    }
  }

  @Test func explicitCentresOfTheWrongShapeAreRejected() {
    let wrong = FeatureMatrix(rowsOf: [[0, 0, 0], [1, 1, 1]])
    guard case .invalidParameter(name: "init", _, let expected) = error(KMeans(k: 2, initialization: .explicit(wrong)))
    else {
      Issue.record("2×3 centres accepted for 2-column data")
      return
    }
    #expect(expected.contains("2×2"))
  }

  @Test func missingValuesAreReportedPerColumn() {
    let data = FeatureMatrix(rowsOf: [[0, .nan], [1, 2], [.nan, .nan]], names: ["a", "b"])
    #expect(
      error(KMeans(k: 1), data)
        == .missingValues(counts: [
          .init(column: "a", missing: 1, rows: 3), .init(column: "b", missing: 2, rows: 3),
        ]))
  }

  @Test func emptyDataIsInsufficient() {
    let empty = FeatureMatrix(rows: 0, columns: 2, names: ["a", "b"], values: [])
    guard case .insufficientData = error(KMeans(k: 1), empty) else {
      Issue.record("empty data accepted")
      return
    }
  }

  @Test func cancellationStopsTheFit() {
    let flag = CancellationFlag()
    flag.cancel()
    var rng = SeededRandom(seed: 1)
    #expect(throws: SegmentaError.interrupted) {
      try KMeans(k: 2).fit(five, context: ExecutionContext(cancellation: flag), rng: &rng)
    }
  }

  @Test func asManySegmentsAsRowsGivesZeroInertia() throws {
    var rng = SeededRandom(seed: 3)
    let result = try KMeans(k: 5).fit(five, context: .init(), rng: &rng)
    #expect(result.inertia == 0)
    #expect(Set(result.labels).count == 5)
  }

  @Test func identicalRowsDoNotBreakSeedingOrReseeding() throws {
    let same = FeatureMatrix(rowsOf: Array(repeating: [2.0, 3.0], count: 6))
    for initialization in [KMeans.Initialization.kMeansPlusPlus, .random] {
      var rng = SeededRandom(seed: 5)
      let result = try KMeans(k: 3, initialization: initialization).fit(same, context: .init(), rng: &rng)
      #expect(result.inertia == 0)
      #expect(result.centroids?.values.allSatisfy { $0 == 2 || $0 == 3 } == true)
    }
  }

  @Test func explicitCentresForceASingleRun() throws {
    let start = FeatureMatrix(rowsOf: [[0, 0], [5, 5]], names: ["a", "b"])
    var rng1 = SeededRandom(seed: 1)
    var rng2 = SeededRandom(seed: 2)
    let one = try KMeans(k: 2, initialization: .explicit(start), nInit: 1).fit(five, context: .init(), rng: &rng1)
    let ten = try KMeans(k: 2, initialization: .explicit(start), nInit: 10).fit(five, context: .init(), rng: &rng2)
    #expect(one == ten)
    #expect(Array(one.labels) == [0, 0, 0, 1, 1])
  }
}
