/// k-means clustering with scikit-learn's conventions. (STUB: interface fixed, body to be written.)
public struct KMeans: ClusteringAlgorithm {
  /// How initial centres are chosen.
  public enum Initialization: Sendable, Equatable {
    /// Greedy k-means++ (scikit-learn): `2 + Int(ln k)` candidates per step.
    case kMeansPlusPlus
    /// k distinct rows drawn uniformly.
    case random
    /// Given centres (k × d); `nInit` is then 1.
    case explicit(FeatureMatrix)
  }
  /// The iteration scheme.
  public enum Algorithm: String, Sendable, CaseIterable { case lloyd }

  public var k: Int
  public var initialization: Initialization
  public var nInit: Int
  public var maxIterations: Int
  public var tolerance: Double
  public var algorithm: Algorithm

  public init(
    k: Int, initialization: Initialization = .kMeansPlusPlus, nInit: Int = 10, maxIterations: Int = 300,
    tolerance: Double = 1e-4, algorithm: Algorithm = .lloyd
  ) {
    self.k = k
    self.initialization = initialization
    self.nInit = nInit
    self.maxIterations = maxIterations
    self.tolerance = tolerance
    self.algorithm = algorithm
  }

  public var algorithmName: String { "kmeans" }

  public var parameterList: [(key: String, value: String)] {
    let initName: String =
      switch initialization {
      case .kMeansPlusPlus: "k-means++"
      case .random: "random"
      case .explicit: "explicit"
      }
    return [
      ("k", String(k)), ("init", initName), ("n_init", String(nInit)), ("max_iter", String(maxIterations)),
      ("tol", String(tolerance)), ("algorithm", algorithm.rawValue),
    ]
  }

  public func fit(_ data: FeatureMatrix, context: ExecutionContext, rng: inout SeededRandom) throws(SegmentaError)
    -> ClusteringResult
  {
    fatalError("KMeans.fit not implemented yet")
  }
}
