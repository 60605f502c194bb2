import Foundation
import SegmentaCore

/// Reference values written by `Fixtures/reference/make_kmeans_variants.py` (scikit-learn 1.9.1): Elkan cases
/// from explicit starts (checked there to equal scikit-learn's Lloyd) and MiniBatchKMeans on well-separated blobs.
enum KMeansVariantFixtures {
  struct Group: Decodable {
    /// Present for data sets of this file; iris, random and toy come from `iris.json` / `kmeans_cases.json`.
    let values: [Double]?
    let columns: Int?
    let cases: [String: ReferenceFixtures.KMeansCase]
  }

  struct MiniBatch: Decodable {
    let values: [Double]
    let columns: Int
    let k: Int
    let truth: [Int32]
    let sklearnInertia: [Double]
    let fullInertia: Double
    let fullLabels: [Int32]
    enum CodingKeys: String, CodingKey {
      case values
      case columns
      case k
      case truth
      case sklearnInertia = "sklearn_inertia"
      case fullInertia = "full_inertia"
      case fullLabels = "full_labels"
    }
    var matrix: FeatureMatrix {
      FeatureMatrix(
        rows: values.count / columns, columns: columns, names: (1...columns).map { "x\($0)" },
        values: ContiguousArray(values))
    }
  }

  struct File: Decodable {
    let elkan: [String: Group]
    let minibatch: MiniBatch
  }

  static var file: File { get throws { try ReferenceFixtures.load("kmeans_variants.json", as: File.self) } }

  /// The data a group's cases were computed on.
  static func matrix(group name: String) throws -> FeatureMatrix {
    switch name {
    case "iris": return try ReferenceFixtures.iris.matrix
    case "random": return try ReferenceFixtures.kmeansCases.random.matrix
    case "toy": return try ReferenceFixtures.kmeansCases.toy.matrix
    default:
      let group = try file.elkan[name].map { ($0.values ?? [], $0.columns ?? 1) } ?? ([], 1)
      return FeatureMatrix(
        rows: group.0.count / group.1, columns: group.1, names: (1...group.1).map { "x\($0)" },
        values: ContiguousArray(group.0))
    }
  }
}
