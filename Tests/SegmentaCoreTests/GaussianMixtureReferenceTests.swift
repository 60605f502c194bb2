import SegmentaCore
import Testing

/// Gaussian mixtures against scikit-learn 1.9.1 from the same starting responsibilities (NUMERICS.md: bit-exact
/// agreement with NumPy's RNG is not a goal, so reference fits fix the start).
///
/// Tolerances: likelihoods, criteria and parameters 1e-9 relative (the brief asks for 1e-4; the remaining
/// differences are summation order and the centred covariance formula), responsibilities 1e-9 absolute.
@Suite struct GaussianMixtureReferenceTests {
  typealias Cases = ReferenceFixtures.GaussianMixtureCases
  static let tolerance = 1e-9

  private func fit(_ reference: Cases.Case, in cases: Cases, threads: Int = 1) throws -> GaussianMixture.Model {
    let data = try #require(cases.datasets[reference.dataset]).matrix
    let start =
      if let labels = reference.initLabels {
        ReferenceFixtures.oneHot(labels, k: reference.k)
      } else {
        FeatureMatrix(
          rows: data.rows, columns: reference.k, names: (1...reference.k).map { "p\($0)" },
          values: ContiguousArray(try #require(reference.initResp)))
      }
    let model = GaussianMixture(
      k: reference.k, covarianceType: try #require(GaussianMixture.CovarianceType(rawValue: reference.covarianceType)),
      initialization: .responsibilities(start), maxIterations: reference.maxIter, tolerance: reference.tol,
      regularization: reference.regCovar)
    var rng = SeededRandom(seed: 1)
    return try model.fitModel(data, context: ExecutionContext(threads: threads), rng: &rng)
  }

  @Test(arguments: [
    "iris_full", "iris_diag", "iris_tied", "iris_spherical", "blobs_full", "blobs_diag", "blobs_tied",
    "blobs_spherical", "blobs_full_soft_start", "blobs_diag_max_iter_3",
  ])
  func fitMatchesScikitLearn(caseName: String) throws {
    let cases = try ReferenceFixtures.gaussianMixtureCases
    let reference = try #require(cases.cases[caseName])
    for threads in [1, 2] {
      let model = try fit(reference, in: cases, threads: threads)
      let tol = Self.tolerance
      #expect(model.iterations == reference.nIter, "threads \(threads)")
      #expect(model.converged == reference.converged)
      #expect(isClose(model.logLikelihood, reference.logLikelihood, tolerance: tol), "\(model.logLikelihood)")
      #expect(isClose(model.bic, reference.bic, tolerance: tol), "bic \(model.bic) vs \(reference.bic)")
      #expect(isClose(model.aic, reference.aic, tolerance: tol), "aic \(model.aic) vs \(reference.aic)")
      #expect(isClose(model.lowerBound, reference.lowerBound, tolerance: tol), "lower bound \(model.lowerBound)")
      #expect(firstMismatch(model.weights, reference.weights, tolerance: tol) == nil, "weights \(model.weights)")
      #expect(firstMismatch(model.means.values, reference.means, tolerance: tol) == nil, "means")
      let covariance = firstMismatch(model.covariances, reference.covariances, tolerance: tol)
      #expect(covariance == nil, "covariance element \(covariance ?? -1)")
      #expect(model.labels.elementsEqual(reference.labels), "labels")
      let worst = zip(model.responsibilities.values, reference.resp).map { abs($0 - $1) }.max() ?? .nan
      #expect(model.responsibilities.values.count == reference.resp.count && worst <= tol, "responsibilities ±\(worst)")
    }
  }

  /// NUMERICS.md: iris raw, full covariances, BIC for k = 1…4 from scikit-learn's k-means start (random_state=0).
  @Test func irisBICSweepMatchesNumerics() throws {
    let cases = try ReferenceFixtures.gaussianMixtureCases
    let iris = try #require(cases.datasets["iris"]).matrix
    let documented = [829.978, 574.018, 580.861, 629.838]
    #expect(cases.irisFullBicSweep.map(\.k) == [1, 2, 3, 4])
    for (step, expected) in zip(cases.irisFullBicSweep, documented) {
      let model = GaussianMixture(
        k: step.k, initialization: .responsibilities(ReferenceFixtures.oneHot(step.initLabels, k: step.k)))
      var rng = SeededRandom(seed: 1)
      let fitted = try model.fitModel(iris, context: .init(), rng: &rng)
      #expect(isClose(fitted.bic, step.bic, tolerance: 1e-9), "k=\(step.k): bic \(fitted.bic) vs \(step.bic)")
      #expect(isClose(fitted.aic, step.aic, tolerance: 1e-9), "k=\(step.k): aic \(fitted.aic) vs \(step.aic)")
      #expect(fitted.iterations == step.nIter, "k=\(step.k)")
      #expect(abs(fitted.bic - expected) < 5e-4, "k=\(step.k): bic \(fitted.bic) vs NUMERICS.md \(expected)")
    }
  }
}
