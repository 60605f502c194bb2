import SegmentaCore

/// Reference fits written by `Fixtures/reference/make_gmm_reference.py` (scikit-learn 1.9.1), each from given
/// starting responsibilities.
extension ReferenceFixtures {
  struct GaussianMixtureCases: Decodable {
    struct Dataset: Decodable {
      let columns: Int
      let values: [Double]
      var matrix: FeatureMatrix {
        FeatureMatrix(
          rows: values.count / columns, columns: columns, names: (1...columns).map { "x\($0)" },
          values: ContiguousArray(values))
      }
    }

    struct Case: Decodable {
      let dataset: String
      let k: Int
      let covarianceType: String
      let maxIter: Int
      let tol: Double
      let regCovar: Double
      /// One-hot start (scikit-learn's k-means labels), or …
      let initLabels: [Int32]?
      /// … soft starting responsibilities (n × k).
      let initResp: [Double]?
      let weights: [Double]
      let means: [Double]
      let covariances: [Double]
      let logLikelihood: Double
      let bic: Double
      let aic: Double
      let lowerBound: Double
      let nIter: Int
      let converged: Bool
      let labels: [Int32]
      let resp: [Double]
      enum CodingKeys: String, CodingKey {
        case dataset, k, tol, weights, means, covariances, bic, aic, converged, labels, resp
        case covarianceType = "covariance_type"
        case maxIter = "max_iter"
        case regCovar = "reg_covar"
        case initLabels = "init_labels"
        case initResp = "init_resp"
        case logLikelihood = "log_likelihood"
        case lowerBound = "lower_bound"
        case nIter = "n_iter"
      }
    }

    struct SweepStep: Decodable {
      let k: Int
      let initLabels: [Int32]
      let bic: Double
      let aic: Double
      let logLikelihood: Double
      let nIter: Int
      enum CodingKeys: String, CodingKey {
        case k, bic, aic
        case initLabels = "init_labels"
        case logLikelihood = "log_likelihood"
        case nIter = "n_iter"
      }
    }

    let datasets: [String: Dataset]
    let cases: [String: Case]
    let irisFullBicSweep: [SweepStep]
    enum CodingKeys: String, CodingKey {
      case datasets, cases
      case irisFullBicSweep = "iris_full_bic_sweep"
    }
  }

  static var gaussianMixtureCases: GaussianMixtureCases {
    get throws { try load("gmm_cases.json", as: GaussianMixtureCases.self) }
  }

  /// One-hot responsibilities (n × k) from labels `0..<k`.
  static func oneHot(_ labels: [Int32], k: Int) -> FeatureMatrix {
    var values = ContiguousArray<Double>(repeating: 0, count: labels.count * k)
    for (i, label) in labels.enumerated() { values[i * k + Int(label)] = 1 }
    return FeatureMatrix(rows: labels.count, columns: k, names: (1...k).map { "p\($0)" }, values: values)
  }
}
