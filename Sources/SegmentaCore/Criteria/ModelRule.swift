/// A variant's own rule for new rows where it is not the nearest centre: the posterior of a Gaussian mixture, or
/// the density rules that leave rows far from every segment as noise. Fitting sets it
/// (``ClusteringResult/modelRule``); assignment and the exports read it.
public enum ModelRule: Sendable, Equatable {
  /// Maximum posterior probability of a Gaussian mixture.
  case mixture(MixtureRule)
  /// Nearest core point within eps (DBSCAN).
  case dbscan(DBSCANRule)
  /// The `hdbscan` package's approximate prediction (HDBSCAN).
  case hdbscan(HDBSCANRule)

  /// What the rule says about one row.
  public enum Outcome: Sendable, Equatable {
    /// The row belongs to `segment`; `probability` is its posterior where the model has one.
    case segment(Int, probability: Double?)
    /// The row is noise: near no segment by the model's own standard.
    case noise
    /// A model feature is missing (NaN) after the preprocessing.
    case missing
  }

  /// The outcome for every row of `matrix` (model features).
  /// - Complexity: O(n × k × d²) for a mixture; for the density rules as ``DBSCANRule/assign(_:)`` and
  ///   ``HDBSCANRule/assign(_:)``.
  public func assign(_ matrix: FeatureMatrix) -> [Outcome] {
    switch self {
    case .mixture(let rule):
      (0..<matrix.rows).map { i in
        rule.segment(ofRow: i, in: matrix).map { .segment($0.segment, probability: $0.probability) } ?? .missing
      }
    case .dbscan(let rule): rule.assign(matrix)
    case .hdbscan(let rule): rule.assign(matrix)
    }
  }

  /// Why a row this rule calls noise is noise, for the assignment's note.
  public var noiseReason: String {
    switch self {
    case .mixture: "noise"
    case .dbscan(let rule): "noise: no core point within eps=\(rule.eps)"
    case .hdbscan: "noise: its nearest neighbour by mutual reachability is noise or too far from its segment"
    }
  }

  /// The same rule with segments renumbered: new segment p is old segment `order[p]`.
  public func renumbered(_ order: [Int]) -> ModelRule {
    var newLabel = [Int32](repeating: 0, count: order.count)
    for (position, segment) in order.enumerated() { newLabel[segment] = Int32(position) }
    switch self {
    case .mixture(let rule): return .mixture(rule.renumbered(order))
    case .dbscan(let rule): return .dbscan(rule.renumbered(newLabel))
    case .hdbscan(let rule): return .hdbscan(rule.renumbered(newLabel))
    }
  }
}
