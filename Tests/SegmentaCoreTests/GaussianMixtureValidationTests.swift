import SegmentaCore
import Testing

/// What a user can get wrong when asking for a Gaussian mixture, and degenerate data that must fail with advice.
@Suite struct GaussianMixtureValidationTests {
  let five = FeatureMatrix(rowsOf: [[0, 0], [1, 0], [0, 1], [5, 5], [6, 5]], names: ["a", "b"])

  private func error(_ model: GaussianMixture, _ data: FeatureMatrix? = nil, context: ExecutionContext = .init())
    -> SegmentaError?
  {
    var rng = SeededRandom(seed: 1)
    do {
      _ = try model.fit(data ?? five, context: context, rng: &rng)
      return nil
    } catch {
      return error
    }
  }

  @Test func moreComponentsThanRowsSaysHowManyRowsThereAre() {
    let message = error(GaussianMixture(k: 7))?.description ?? ""
    #expect(message.contains("k=7 but only 5 rows"), "got '\(message)'")
  }

  @Test func outOfRangeParametersAreRejectedByName() {
    #expect(error(GaussianMixture(k: 0)) == .invalidParameter(name: "k", value: "0", expected: "k ≥ 1"))
    #expect(
      error(GaussianMixture(k: 2, nInit: 0)) == .invalidParameter(name: "n_init", value: "0", expected: "n_init ≥ 1"))
    #expect(
      error(GaussianMixture(k: 2, maxIterations: 0))
        == .invalidParameter(name: "max_iter", value: "0", expected: "max_iter ≥ 1"))
    for value in [-1, Double.nan, .infinity] {
      if case .invalidParameter(name: "tol", _, _) = error(GaussianMixture(k: 2, tolerance: value)) {
      } else {
        Issue.record("tol=\(value) accepted")
      }
      if case .invalidParameter(name: "reg_covar", _, _) = error(GaussianMixture(k: 2, regularization: value)) {
      } else {
        Issue.record("reg_covar=\(value) accepted")
      }
    }
  }

  @Test func givenResponsibilitiesMustHaveOneRowPerRowAndOneColumnPerComponent() {
    let wrong = FeatureMatrix(rowsOf: [[1, 0], [0, 1]])
    guard
      case .invalidParameter(name: "init", _, let expected) = error(
        GaussianMixture(k: 2, initialization: .responsibilities(wrong)))
    else {
      Issue.record("wrong shape accepted")
      return
    }
    #expect(expected.contains("5×2"))
    let negative = FeatureMatrix(rowsOf: [[1, 0], [0, 1], [1, 0], [0, 1], [-1, 2]])
    if case .invalidParameter(name: "init", _, _) = error(
      GaussianMixture(k: 2, initialization: .responsibilities(negative)))
    {
    } else {
      Issue.record("negative responsibility accepted")
    }
  }

  @Test func missingAndInfiniteValuesSayWhatToDo() {
    let missing = FeatureMatrix(rowsOf: [[0, .nan], [1, 0], [0, 1]], names: ["a", "b"])
    #expect(error(GaussianMixture(k: 1), missing) == .missingValues(counts: [.init(column: "b", missing: 1, rows: 3)]))
    let infinite = FeatureMatrix(rowsOf: [[0, .infinity], [1, 0], [0, 1]], names: ["a", "b"])
    #expect(error(GaussianMixture(k: 1), infinite)?.description.contains("±infinity") == true)
  }

  @Test(arguments: GaussianMixture.CovarianceType.allCases)
  func collapsedComponentWithoutRegularisationSaysWhatToDo(type: GaussianMixture.CovarianceType) {
    // Identical rows at the origin (so the mean is exactly 0): every covariance is exactly zero without reg_covar.
    let same = FeatureMatrix(rowsOf: Array(repeating: [0, 0], count: 6), names: ["a", "b"])
    let message = error(GaussianMixture(k: 1, covarianceType: type, regularization: 0), same)?.description ?? ""
    #expect(message.contains("singular") && message.contains("raise reg_covar"), "got '\(message)'")
    // With the default reg_covar the same data fits (one point mass with variance 1e-6).
    #expect(error(GaussianMixture(k: 1, covarianceType: type), same) == nil)
  }

  @Test func cancellationStopsTheFit() {
    let flag = CancellationFlag()
    flag.cancel()
    #expect(error(GaussianMixture(k: 2), context: ExecutionContext(cancellation: flag)) == .interrupted)
  }
}
