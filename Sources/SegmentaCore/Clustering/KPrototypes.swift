/// k-prototypes for customers described by numeric features and categorical columns at once, with the conventions
/// of Python's kmodes 0.12 (`kmodes.kprototypes.KPrototypes`).
///
/// Z. Huang, "Extensions to the k-means algorithm for clustering large data sets with categorical values", Data
/// Mining and Knowledge Discovery 2(3) (1998) 283–304. A prototype is a numeric centre plus a mode per categorical
/// column; a row's cost to it is Σ(xⱼ − cⱼ)² + γ × (number of categorical mismatches). Rows move one at a time to
/// their cheapest prototype, which is updated at once (means and modes), until no row moves or the cost stops
/// falling. Categorical starts follow Cao et al. ("A new initialization method for categorical data clustering",
/// Expert Systems with Applications 36 (2009)); numeric starts are drawn from N(mean, sd) per feature; the best of
/// `nInit` runs by cost wins.
///
/// The numeric features are used as prepared (kmodes does not standardise them), so scale them first: γ weighs a
/// mismatch against squared feature distances. The automatic γ is kmodes' 0.5 × mean per-feature standard deviation
/// (ddof 0) — 0.5 for z-scored features.
public struct KPrototypes: ClusteringAlgorithm {
  /// The weight of one categorical mismatch against the squared numeric distance.
  public enum Gamma: Sendable, Equatable {
    /// 0.5 × the mean per-feature standard deviation (ddof 0), as kmodes.
    case auto
    /// A given weight ≥ 0.
    case value(Double)
  }
  /// How each run starts.
  public enum Initialization: Sendable, Equatable {
    /// Cao's density-based modes and N(mean, sd) numeric centres, as kmodes' default.
    case cao
    /// Given prototypes: numeric centres (k × features) and mode codes (k × categorical columns, row-major);
    /// `nInit` is then 1.
    case explicit(centres: FeatureMatrix, modes: ContiguousArray<Int32>)
  }

  /// Number of segments.
  public var k: Int
  /// The categorical columns, for the same rows as the features; no missing values.
  public var categorical: CategoricalMatrix
  /// The mismatch weight.
  public var gamma: Gamma
  /// How each run starts.
  public var initialization: Initialization
  /// Runs from different starts (forced to 1 for explicit prototypes); the lowest cost wins.
  public var nInit: Int
  /// Maximum iterations (passes over the rows) per run.
  public var maxIterations: Int

  public init(
    k: Int, categorical: CategoricalMatrix, gamma: Gamma = .auto, initialization: Initialization = .cao,
    nInit: Int = 10, maxIterations: Int = 100
  ) {
    self.k = k
    self.categorical = categorical
    self.gamma = gamma
    self.initialization = initialization
    self.nInit = nInit
    self.maxIterations = maxIterations
  }

  public var algorithmName: String { "kprototypes" }

  public var parameterList: [(key: String, value: String)] {
    let gammaText =
      switch gamma {
      case .auto: "auto"
      case .value(let v): String(v)
      }
    let initName =
      switch initialization {
      case .cao: "cao"
      case .explicit: "explicit"
      }
    return [
      ("k", String(k)), ("categorical", categorical.names.joined(separator: ",")), ("gamma", gammaText),
      ("init", initName), ("n_init", String(nInit)), ("max_iter", String(maxIterations)),
    ]
  }

  /// Fits k-prototypes to the numeric `data` and ``categorical``.
  ///
  /// Run `r` draws from `rng.derived(r)` (runs go in parallel; neither the thread count nor their order changes
  /// the result); afterwards `rng` is advanced by one step. The first run with the lowest cost wins, as kmodes'
  /// `argmin`. Labels are each row's cheapest prototype after the last iteration (kmodes' `labels_cost`).
  ///
  /// One deliberate difference from kmodes: when a move empties a segment, kmodes refills it with a random row of
  /// the largest segment but leaves both numeric centres stale until their next move; here both are recomputed at
  /// once. Runs without that event agree exactly with kmodes from the same start.
  ///
  /// - Parameters:
  ///   - data: the numeric features; every value finite.
  ///   - context: threads (results do not depend on them) and cancellation, checked between iterations.
  ///   - rng: the seeded generator for the starts.
  /// - Returns: labels `0..<k`, numeric prototype centres (k × d, named as `data`), iterations of the best run and
  ///   the criteria `cost` (kmodes' `cost_`: Σ over rows of the cost to their prototype) and `gamma` (as used).
  /// - Throws: ``SegmentaError/invalidParameter(name:value:expected:)`` for k, n_init, max_iter, gamma or given
  ///   prototypes out of range; ``SegmentaError/missingValues(counts:)`` for NaN features;
  ///   ``SegmentaError/insufficientData(_:)`` for fewer rows than k, no categorical column, missing categorical
  ///   values, infinite values or starts that always leave a segment empty; ``SegmentaError/interrupted``.
  /// - Complexity: O(nInit × iterations × n × k × (d + q)) time for q categorical columns, plus O(n × q × k²) for
  ///   Cao's start; O(n + k × (d + L)) memory per run for L levels in all.
  public func fit(_ data: FeatureMatrix, context: ExecutionContext, rng: inout SeededRandom) throws(SegmentaError)
    -> ClusteringResult
  {
    try validate(data)
    let weight = resolvedGamma(data)
    let problem = Problem(data: data, categorical: categorical, k: k, gamma: weight)
    let start: Start =
      switch initialization {
      case .cao: .cao(modes: Self.caoModes(categorical, k: k))
      case .explicit(let centres, let modes): .explicit(centres: centres.values, modes: modes)
      }
    let runs = if case .explicit = initialization { 1 } else { nInit }
    let base = rng
    let outcomes = context.mapChunks(count: runs, chunkCount: runs) { run, _ in
      var runRng = base.derived(run)
      return Result { () throws(SegmentaError) in
        try Self.run(problem, start: start, maxIterations: maxIterations, rng: &runRng, context: context)
      }
    }
    _ = rng.next()
    var best: PrototypeRun?
    for outcome in outcomes {
      let run = try outcome.get()
      if run.cost < best?.cost ?? .infinity { best = run }
    }
    guard let best else { preconditionFailure("at least one run") }
    var result = ClusteringResult(
      labels: best.labels, k: k,
      centroids: FeatureMatrix(rows: k, columns: data.columns, names: data.names, values: best.centres),
      iterations: best.iterations)
    result.criteria = [.init(name: "cost", value: best.cost), .init(name: "gamma", value: weight)]
    return result
  }

  /// γ as given, or kmodes' default: 0.5 × mean over features of the standard deviation (ddof 0).
  func resolvedGamma(_ data: FeatureMatrix) -> Double {
    switch gamma {
    case .value(let v): return v
    case .auto:
      let deviations = (0..<data.columns).map { j in
        Statistics.standardDeviation((0..<data.rows).lazy.map { data[$0, j] }, ddof: 0)
      }
      return 0.5 * Statistics.mean(deviations)
    }
  }
}
