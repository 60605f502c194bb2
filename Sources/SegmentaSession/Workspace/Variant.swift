import SegmentaCore

/// A clustering result kept under a name (`km.k4`), with everything needed to evaluate, compare and export it.
public struct Variant: Sendable {
  /// The variant's name.
  public let name: String
  /// The dataset it was fitted on.
  public let datasetName: String
  /// How it was produced (algorithm and parameters), e.g. `kmeans k=4 …` or `given industry`.
  public let method: String
  /// The configuration, when it came from an algorithm (absent for `run given`).
  public let algorithm: (any ClusteringAlgorithm)?
  /// The seed used.
  public let seed: UInt64?
  /// Features as prepared for the fit (matrix, kept rows, raw columns).
  public let features: PreparedFeatures
  /// Labels (canonical numbering), centres, inertia.
  public let result: ClusteringResult
  /// Display names of segments: from a grouping column (`run given`) or given with `name`; `nil` = numbers.
  public var segmentNames: [String]?
  /// The surrogate tree of the last `rules` command, used by `assign … using rules` and `export rules`.
  public var tree: SurrogateTree?
  /// Per-segment treatment along the customer journey (`journey`), in the order given.
  public var journey: [JourneyStep] = []
  /// Metrics computed on demand and cached.
  public var metrics: VariantMetrics?

  public init(
    name: String, datasetName: String, method: String, algorithm: (any ClusteringAlgorithm)?, seed: UInt64?,
    features: PreparedFeatures, result: ClusteringResult, segmentNames: [String]? = nil
  ) {
    self.name = name
    self.datasetName = datasetName
    self.method = method
    self.algorithm = algorithm
    self.seed = seed
    self.features = features
    self.result = result
    self.segmentNames = segmentNames
  }

  /// The display label of segment `s` (0-based): its name for groupings, else its 1-based number.
  public func segmentLabel(_ s: Int) -> String { segmentNames?[s] ?? String(s + 1) }

  /// Segment sizes, indexed by segment (noise not included).
  public var sizes: [Int] {
    var counts = [Int](repeating: 0, count: result.k)
    for l in result.labels where l >= 0 { counts[Int(l)] += 1 }
    return counts
  }

  /// Number of rows labelled noise.
  public var noiseCount: Int { result.labels.reduce(0) { $0 + ($1 < 0 ? 1 : 0) } }
}

/// Internal validity indices of a variant (nil where undefined, e.g. k = 1).
public struct VariantMetrics: Sendable, Equatable {
  public var withinSS: Double
  /// Mean silhouette: exact, or the stratified estimate when ``silhouetteSummary`` was sampled.
  public var silhouette: Double?
  public var calinskiHarabasz: Double?
  public var daviesBouldin: Double?
  /// Dunn index (clValid's definition), higher is better.
  public var dunn: Double?
  /// Per-row and per-segment silhouettes, and whether they are exact.
  public var silhouetteSummary: SilhouetteSummary?
}
