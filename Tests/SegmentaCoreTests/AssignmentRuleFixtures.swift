import SegmentaCore

/// New-row assignments written by `Fixtures/reference/make_assignment_reference.py` (scikit-learn 1.9.1's
/// `GaussianMixture.predict`/`predict_proba`, a brute-force nearest-core-point check beside its `DBSCAN`, the
/// hdbscan 0.8.44 package's `approximate_predict`).
extension ReferenceFixtures {
  struct Assignment: Decodable {
    struct Mixture: Decodable {
      struct Case: Decodable {
        let weights: [Double]
        let means: [Double]
        let covariances: [Double]
        let labels: [Int]
        let probabilities: [Double]
      }
      let columns: Int
      let data: [Double]
      let new: [Double]
      let cases: [String: Case]
    }

    struct DBSCANCase: Decodable {
      let columns: Int
      let data: [Double]
      let eps: Double
      let minPoints: Int
      let new: [Double]
      let core: [Int]
      let labels: [Int32]
      let expected: [Int]
      enum CodingKeys: String, CodingKey {
        case columns, data, eps, new, core, labels, expected
        case minPoints = "min_points"
      }
    }

    struct HDBSCANCase: Decodable {
      let columns: Int
      let data: [Double]
      let minSize: Int
      let minSamples: Int
      let new: [Double]
      let labels: [Int32]
      let coreDistances: [Double]
      let exitLambdas: [Double]
      let birthLambdas: [Double]
      let expected: [Int]
      enum CodingKeys: String, CodingKey {
        case columns, data, new, labels, expected
        case minSize = "min_size"
        case minSamples = "min_samples"
        case coreDistances = "core_distances"
        case exitLambdas = "exit_lambdas"
        case birthLambdas = "birth_lambdas"
      }
    }

    let mixture: Mixture
    let dbscan: DBSCANCase
    let hdbscan: HDBSCANCase
  }

  static var assignment: Assignment { get throws { try load("assignment.json", as: Assignment.self) } }

  /// Row-major values as a matrix with `columns` columns named x1, x2, ….
  static func matrix(_ values: [Double], columns: Int) -> FeatureMatrix {
    FeatureMatrix(
      rows: values.count / columns, columns: columns, names: (1...columns).map { "x\($0)" },
      values: ContiguousArray(values))
  }
}

extension ModelRule.Outcome {
  /// scikit-learn's label convention: the segment, −1 for noise (and −2 for a missing value, never expected).
  var referenceLabel: Int {
    switch self {
    case .segment(let s, _): s
    case .noise: -1
    case .missing: -2
    }
  }
}
