import SegmentaCore

extension RunMethod {
  /// `run gmm k=… [covariance=] [n_init=] [max_iter=] [tol=] [reg_covar=]`
  static let gaussianMixture = RunMethod(
    name: "gmm",
    usage:
      "k=N|A..B [covariance=full|diag|tied|spherical] [n_init=1] [max_iter=100] [tol=1e-3] [reg_covar=1e-6]",
    optionKeys: ["k", "covariance", "n_init", "max_iter", "tol", "reg_covar"]
  ) { command, _ throws(SessionError) in
    let types = GaussianMixture.CovarianceType.allCases.map(\.rawValue)
    let typeName = try command.choice("covariance", types, default: "full") ?? "full"
    let covarianceType = GaussianMixture.CovarianceType(rawValue: typeName) ?? .full
    let nInit = try command.int("n_init", default: 1, in: 1...1000) ?? 1
    let maxIter = try command.int("max_iter", default: 100, in: 1...100_000) ?? 100
    let tol = try command.double("tol", default: 1e-3, expected: "a number ≥ 0") { $0 >= 0 } ?? 1e-3
    let reg = try command.double("reg_covar", default: 1e-6, expected: "a number ≥ 0") { $0 >= 0 } ?? 1e-6
    return try sweep(command) { k in
      GaussianMixture(
        k: k, covarianceType: covarianceType, nInit: nInit, maxIterations: maxIter, tolerance: tol,
        regularization: reg)
    }
  }
}
