import SegmentaCore

/// Reference values written by `Fixtures/reference/make_density_reference.py` (scikit-learn 1.9.1, hdbscan 0.8.44).
enum DensityFixtures {
  struct DBSCANCase: Decodable {
    let eps: Double
    let minPoints: Int
    let labels: [Int32]
    let core: [Bool]
    enum CodingKeys: String, CodingKey {
      case eps
      case minPoints = "min_points"
      case labels
      case core
    }
  }

  /// HDBSCAN labels of the `hdbscan` package (its defaults, and with `algorithm="generic"`) and of
  /// scikit-learn's `HDBSCAN` (its defaults), with the Segmenta `minSamples` each corresponds to.
  struct HDBSCANCase: Decodable {
    let minSize: Int
    let hdbscanLabels: [Int32]
    let hdbscanGenericLabels: [Int32]
    let hdbscanMinSamples: Int
    let sklearnLabels: [Int32]
    let sklearnMinSamples: Int
    enum CodingKeys: String, CodingKey {
      case minSize = "min_size"
      case hdbscanLabels = "hdbscan_labels"
      case hdbscanGenericLabels = "hdbscan_generic_labels"
      case hdbscanMinSamples = "hdbscan_min_samples"
      case sklearnLabels = "sklearn_labels"
      case sklearnMinSamples = "sklearn_min_samples"
    }
  }

  struct DataSet: Decodable {
    let rows: Int
    let columns: Int
    let values: [Double]
    let dbscan: [DBSCANCase]
    let hdbscan: [HDBSCANCase]?
    let kdistanceMinPoints: Int?
    let kdistance: [Double]?
    enum CodingKeys: String, CodingKey {
      case rows
      case columns
      case values
      case dbscan
      case hdbscan
      case kdistanceMinPoints = "kdistance_min_points"
      case kdistance
    }
    var matrix: FeatureMatrix {
      FeatureMatrix(
        rows: rows, columns: columns, names: (1...columns).map { "x\($0)" }, values: ContiguousArray(values))
    }
  }

  static func set(_ name: String) throws -> DataSet {
    let all = try ReferenceFixtures.load("density.json", as: [String: AnyDataSet].self)
    guard let found = all[name]?.set else { throw FixtureError.missing(name) }
    return found
  }

  /// A top-level entry that is a data set (the `versions` entry is not).
  struct AnyDataSet: Decodable {
    let set: DataSet?
    init(from decoder: any Decoder) throws { set = try? DataSet(from: decoder) }
  }

  enum FixtureError: Error { case missing(String) }
}
