/// Which features separate the segments most, as SPSS TwoStep's predictor importance ("IBM SPSS Statistics
/// Algorithms", TwoStep Cluster, Predictor Importance): a one-way ANOVA F test for numeric features, a χ² test of
/// independence for categorical ones, importance = −log₁₀ p divided by the largest −log₁₀ p, so the strongest
/// feature has importance 1.
///
/// p-values are kept in log space, so features stay ranked even where p underflows a Double. Effect sizes (η²,
/// Cramér's V) say how large the difference is; the importance only orders features.
public struct FeatureImportance: Sendable, Equatable {
  /// The association of one feature with the segments.
  public enum Measure: Sendable, Equatable {
    case numeric(NumericAssociation)
    case categorical(CategoricalAssociation)

    /// −log₁₀ p (+∞ when p is 0 exactly, e.g. segments constant within but different between).
    public var negativeLog10P: Double {
      switch self {
      case .numeric(let a): -a.log10P
      case .categorical(let a): -a.log10P
      }
    }
  }

  /// One feature's row.
  public struct Entry: Sendable, Equatable {
    public let name: String
    public let measure: Measure
    /// −log₁₀ p relative to the largest over all features (0…1); features with p = 0 exactly get 1.
    public let importance: Double
  }

  /// Features by decreasing importance (ties in the order given, numeric first).
  public let entries: [Entry]

  /// Tests every feature against the segments.
  ///
  /// - Parameters:
  ///   - numeric: numeric features (NaN = missing), one value per row.
  ///   - categorical: categorical features as codes `0..<levels` per row (negative = missing).
  ///   - segments: segment label per row, −1 for noise.
  ///   - k: number of segments (labels `0..<k`).
  /// - Throws: ``SegmentaError/insufficientData(_:)`` when a test is undefined (fewer than 2 segments, or a
  ///   categorical feature with one level).
  /// - Complexity: O(n × features + k × levels).
  public init(
    numeric: [(name: String, values: ContiguousArray<Double>)],
    categorical: [(name: String, codes: [Int], levels: Int)], segments: ContiguousArray<Int32>, k: Int
  ) throws(SegmentaError) {
    var measures: [(String, Measure)] = []
    for feature in numeric {
      measures.append((feature.name, .numeric(try NumericAssociation(feature.values, segments: segments))))
    }
    for feature in categorical {
      let test = try CategoricalAssociation(
        segments: segments, k: k, categories: feature.codes, levels: feature.levels)
      measures.append((feature.name, .categorical(test)))
    }
    let finite = measures.map(\.1.negativeLog10P).filter(\.isFinite)
    let largest = finite.max() ?? 0
    let scored = measures.enumerated().map { position, pair in
      let strength = pair.1.negativeLog10P
      let importance = strength.isInfinite ? 1 : (largest > 0 ? max(0, strength) / largest : 0)
      return (position, Entry(name: pair.0, measure: pair.1, importance: importance))
    }
    entries = scored.sorted { $0.1.importance > $1.1.importance || ($0.1.importance == $1.1.importance && $0.0 < $1.0) }
      .map(\.1)
  }
}
