import Foundation
import SegmentaCore

/// Reference values written by `Fixtures/reference/make_reference.py` (scikit-learn 1.9.1, SciPy 1.17.1).
enum ReferenceFixtures {
  struct KMeansCase: Decodable {
    let initial: [Double]
    let maxIter: Int
    let tol: Double
    let labels: [Int32]
    let inertia: Double
    let nIter: Int
    let centers: [Double]
    enum CodingKeys: String, CodingKey {
      case initial = "init"
      case maxIter = "max_iter"
      case tol
      case labels
      case inertia
      case nIter = "n_iter"
      case centers
    }
  }

  struct Internal: Decodable {
    let silhouette: Double
    let silhouetteSamples: [Double]
    let calinskiHarabasz: Double
    let daviesBouldin: Double
    enum CodingKeys: String, CodingKey {
      case silhouette
      case silhouetteSamples = "silhouette_samples"
      case calinskiHarabasz = "calinski_harabasz"
      case daviesBouldin = "davies_bouldin"
    }
  }

  struct Iris: Decodable {
    let rows: Int
    let columns: Int
    let names: [String]
    let values: [Double]
    let species: [Int32]
    let kmeans: KMeansCase
    let sizes: [Int]
    let metrics: Internal
    let ariVsSpecies: Double
    let amiVsSpecies: Double
    enum CodingKeys: String, CodingKey {
      case rows
      case columns
      case names
      case values
      case species
      case kmeans
      case sizes
      case metrics
      case ariVsSpecies = "ari_vs_species"
      case amiVsSpecies = "ami_vs_species"
    }
    var matrix: FeatureMatrix {
      FeatureMatrix(rows: rows, columns: columns, names: names, values: ContiguousArray(values))
    }
  }

  struct Toy: Decodable {
    struct DB: Decodable {
      let values: [Double]
      let columns: Int
      let labels: [Int32]
      let daviesBouldin: Double
      enum CodingKeys: String, CodingKey {
        case values
        case columns
        case labels
        case daviesBouldin = "davies_bouldin"
      }
    }
    struct Singleton: Decodable {
      let values: [Double]
      let columns: Int
      let labels: [Int32]
      let silhouette: Double
      let silhouetteSamples: [Double]
      enum CodingKeys: String, CodingKey {
        case values
        case columns
        case labels
        case silhouette
        case silhouetteSamples = "silhouette_samples"
      }
    }
    let db: DB
    let singleton: Singleton
  }

  struct Random: Decodable {
    let rows: Int
    let columns: Int
    let values: [Double]
    let labels: [Int32]
    let truth: [Int32]
    let other: [Int32]
    let noisy: [Int32]
    let metrics: Internal
    let noisyMetrics: Internal
    let agreement: [String: Double]
    enum CodingKeys: String, CodingKey {
      case rows
      case columns
      case values
      case labels
      case truth
      case other
      case noisy
      case metrics
      case noisyMetrics = "noisy_metrics"
    }
    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      rows = try c.decode(Int.self, forKey: .rows)
      columns = try c.decode(Int.self, forKey: .columns)
      values = try c.decode([Double].self, forKey: .values)
      labels = try c.decode([Int32].self, forKey: .labels)
      truth = try c.decode([Int32].self, forKey: .truth)
      other = try c.decode([Int32].self, forKey: .other)
      noisy = try c.decode([Int32].self, forKey: .noisy)
      metrics = try c.decode(Internal.self, forKey: .metrics)
      noisyMetrics = try c.decode(Internal.self, forKey: .noisyMetrics)
      let all = try decoder.singleValueContainer().decode([String: AnyScalar].self)
      agreement = all.compactMapValues { $0.double }
    }
    var matrix: FeatureMatrix {
      FeatureMatrix(
        rows: rows, columns: columns, names: (1...columns).map { "x\($0)" }, values: ContiguousArray(values))
    }
  }

  /// A JSON value that is kept only when it is a number (to pick the `ari_*`/`ami_*` scalars).
  struct AnyScalar: Decodable {
    let double: Double?
    init(from decoder: any Decoder) throws {
      double = try? decoder.singleValueContainer().decode(Double.self)
    }
  }

  struct KMeansCases: Decodable {
    struct Group: Decodable {
      let values: [Double]
      let columns: Int
      let cases: [String: KMeansCase]
      var matrix: FeatureMatrix {
        FeatureMatrix(
          rows: values.count / columns, columns: columns, names: (1...columns).map { "x\($0)" },
          values: ContiguousArray(values))
      }
    }
    let random: Group
    let toy: Group
  }

  static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    guard let base = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
      throw CocoaError(.fileNoSuchFile)
    }
    let url = base.appendingPathComponent("reference").appendingPathComponent(name)
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
  }

  static var iris: Iris { get throws { try load("iris.json", as: Iris.self) } }
  static var toy: Toy { get throws { try load("toy.json", as: Toy.self) } }
  static var random: Random { get throws { try load("random.json", as: Random.self) } }
  static var kmeansCases: KMeansCases { get throws { try load("kmeans_cases.json", as: KMeansCases.self) } }
}

/// |a − b| ≤ tolerance × max(|a|, |b|): relative closeness (both 0 counts as close). Not transitive.
func isClose(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
  abs(a - b) <= tolerance * max(abs(a), abs(b))
}

/// The index of the first pair of elements that are not close, if any.
func firstMismatch(_ a: some Collection<Double>, _ b: some Collection<Double>, tolerance: Double) -> Int? {
  if a.count != b.count { return min(a.count, b.count) }
  return zip(a, b).enumerated().first { !isClose($0.element.0, $0.element.1, tolerance: tolerance) }?.offset
}
