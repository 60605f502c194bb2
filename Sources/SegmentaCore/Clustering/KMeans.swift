/// k-means clustering with scikit-learn's conventions (`sklearn/cluster/_kmeans.py`, NUMERICS.md).
///
/// Lloyd's iterations (Lloyd 1982, "Least squares quantization in PCM", IEEE Trans. Inf. Theory 28(2)) — or
/// the same iterations accelerated with the triangle inequality (Elkan 2003, Hamerly 2010) — from greedy
/// k-means++ starts (Arthur & Vassilvitskii 2007, "k-means++: the advantages of careful seeding", SODA '07),
/// random rows or given centres; the best of `nInit` runs by inertia.
///
/// Distances are computed exactly as Σ(xⱼ − cⱼ)², not with scikit-learn's ‖x‖² − 2x·c + ‖c‖² shortcut: the
/// shortcut loses precision for points far from the origin, and the exact form needs no row norms. The two
/// agree to rounding, so labels differ only where two centres are equidistant to the last bits.
public struct KMeans: ClusteringAlgorithm {
  /// How initial centres are chosen.
  public enum Initialization: Sendable, Equatable {
    /// Greedy k-means++ (scikit-learn): `2 + Int(ln k)` candidates per step.
    case kMeansPlusPlus
    /// k distinct rows drawn uniformly.
    case random
    /// Given centres (k × d); `nInit` is then 1.
    case explicit(FeatureMatrix)

    /// The name used in the command language and in parameter lists (`init=k-means++`).
    public var name: String {
      switch self {
      case .kMeansPlusPlus: "k-means++"
      case .random: "random"
      case .explicit: "explicit"
      }
    }
  }

  /// The iteration scheme. All three reach the same labels, centres, inertia and iteration count from the same
  /// start (they can differ only where two centres are equidistant to a row within rounding); they differ in
  /// how many distances they compute and in memory.
  public enum Algorithm: String, Sendable, CaseIterable {
    /// Lloyd (1982): every row–centre distance in every iteration; O(n) memory besides the data.
    case lloyd
    /// Elkan (2003, "Using the triangle inequality to accelerate k-means", ICML): k lower bounds per row skip
    /// most distances; scikit-learn's `algorithm="elkan"`. O(n × k) memory.
    case elkan
    /// Hamerly (2010, "Making k-means even faster", SIAM SDM): one lower bound per row skips whole rows; best
    /// for few features (d ≲ 20). O(n) memory.
    case hamerly
  }

  /// Number of segments.
  public var k: Int
  /// How each run starts.
  public var initialization: Initialization
  /// Number of runs from different starts (forced to 1 for explicit centres); the lowest inertia wins.
  public var nInit: Int
  /// Maximum Lloyd iterations per run.
  public var maxIterations: Int
  /// Relative tolerance: a run stops when Σ‖Δc‖² ≤ tolerance × mean per-feature variance (ddof 0).
  public var tolerance: Double
  /// The iteration scheme.
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
    return [
      ("k", String(k)), ("init", initialization.name), ("n_init", String(nInit)), ("max_iter", String(maxIterations)),
      ("tol", String(tolerance)), ("algorithm", algorithm.rawValue),
    ]
  }

  /// Fits k-means to `data`.
  ///
  /// Run `r` draws from `rng.derived(r)`, so neither the thread count nor the order of runs changes the result;
  /// afterwards `rng` is advanced by one step so that a second fit with the same generator starts elsewhere.
  /// Among runs, the first with the lowest inertia wins (a later run replaces it only if its inertia is lower
  /// and its partition differs, as scikit-learn does). Labels are as the best run left them, not canonicalized
  /// (see ``ClusteringResult/canonicalized()``).
  ///
  /// - Parameters:
  ///   - data: the rows to cluster; every value must be finite.
  ///   - context: threads (results do not depend on them) and cancellation, checked between iterations.
  ///   - rng: the seeded generator for the starts.
  /// - Returns: labels `0..<k`, centres (k × d, named as `data`), inertia Σ‖x − c(x)‖² and the iterations of
  ///   the best run (scikit-learn's `n_iter_`).
  /// - Throws: ``SegmentaError/invalidParameter(name:value:expected:)`` for k, n_init, max_iter, tol or
  ///   centres out of range; ``SegmentaError/missingValues(counts:)`` for NaN;
  ///   ``SegmentaError/insufficientData(_:)`` for fewer rows than k or infinite values;
  ///   ``SegmentaError/interrupted`` on cancellation.
  /// - Complexity: O(nInit × iterations × n × k × d) time at worst (Elkan and Hamerly skip most distances);
  ///   memory per run O(n + k × d) for Lloyd and Hamerly, O(n × k) for Elkan.
  public func fit(_ data: FeatureMatrix, context: ExecutionContext, rng: inout SeededRandom) throws(SegmentaError)
    -> ClusteringResult
  {
    try validate(data)
    let runs = if case .explicit = initialization { 1 } else { nInit }
    let tolEff = Self.effectiveTolerance(data, tolerance: tolerance)
    var best: SingleRun?
    for run in 0..<runs {
      try context.checkCancellation()
      var runRng = rng.derived(run)
      let start = initialCentres(data, rng: &runRng, context: context)
      let result = try singleRun(data, from: start, tolerance: tolEff, context: context)
      if let current = best {
        if result.inertia < current.inertia && !Self.sameClustering(result.labels, current.labels, k: k) {
          best = result
        }
      } else {
        best = result
      }
    }
    _ = rng.next()
    guard let best else { preconditionFailure("at least one run") }
    return ClusteringResult(
      labels: best.labels, k: k,
      centroids: FeatureMatrix(rows: k, columns: data.columns, names: data.names, values: best.centres),
      inertia: best.inertia, iterations: best.iterations)
  }

  /// Checks the configuration against the data, with messages that say what to change.
  private func validate(_ data: FeatureMatrix) throws(SegmentaError) {
    if k < 1 { throw .invalidParameter(name: "k", value: String(k), expected: "k ≥ 1") }
    if data.rows == 0 { throw .insufficientData("k-means needs at least one row; the feature set is empty") }
    if data.columns == 0 { throw .insufficientData("k-means needs at least one feature; select some columns") }
    if k > data.rows {
      throw .insufficientData("k=\(k) but only \(data.rows) rows: choose k ≤ \(data.rows) or add data")
    }
    if nInit < 1 { throw .invalidParameter(name: "n_init", value: String(nInit), expected: "n_init ≥ 1") }
    if maxIterations < 1 {
      throw .invalidParameter(name: "max_iter", value: String(maxIterations), expected: "max_iter ≥ 1")
    }
    if !(tolerance >= 0 && tolerance.isFinite) {
      throw .invalidParameter(name: "tol", value: String(tolerance), expected: "a finite tol ≥ 0, e.g. 1e-4")
    }
    try data.requireFinite(for: "k-means")
    if case .explicit(let centres) = initialization {
      if centres.rows != k || centres.columns != data.columns {
        throw .invalidParameter(
          name: "init", value: "\(centres.rows)×\(centres.columns) centres",
          expected: "k × d = \(k)×\(data.columns) centres, one per segment and one value per feature")
      }
      if centres.values.contains(where: { !$0.isFinite }) {
        throw .invalidParameter(name: "init", value: "non-finite centre", expected: "finite centre coordinates")
      }
    }
  }

  /// One run from `start` with the configured iteration scheme.
  private func singleRun(
    _ data: FeatureMatrix, from start: ContiguousArray<Double>, tolerance: Double, context: ExecutionContext
  ) throws(SegmentaError) -> SingleRun {
    switch algorithm {
    case .lloyd:
      try Self.lloyd(data, centres: start, maxIterations: maxIterations, tolerance: tolerance, context: context)
    case .elkan:
      try Self.elkan(data, centres: start, maxIterations: maxIterations, tolerance: tolerance, context: context)
    case .hamerly:
      try Self.hamerly(data, centres: start, maxIterations: maxIterations, tolerance: tolerance, context: context)
    }
  }

  /// The starting centres of one run (k × d, row-major).
  private func initialCentres(_ data: FeatureMatrix, rng: inout SeededRandom, context: ExecutionContext)
    -> ContiguousArray<Double>
  {
    switch initialization {
    case .kMeansPlusPlus: Self.greedyPlusPlus(data, k: k, rng: &rng, context: context)
    case .random: Self.randomRows(data, k: k, rng: &rng)
    case .explicit(let centres): centres.values
    }
  }

  /// scikit-learn's `_tolerance`: `tol` × mean of the per-feature variances (ddof 0); 0 stays 0.
  static func effectiveTolerance(_ data: FeatureMatrix, tolerance: Double) -> Double {
    if tolerance == 0 || data.columns == 0 { return 0 }
    let n = data.rows
    let d = data.columns
    var mean = [Double](repeating: 0, count: d)
    var variance = [Double](repeating: 0, count: d)
    data.values.withUnsafeBufferPointer { x in
      for i in 0..<n { for j in 0..<d { mean[j] += x[i * d + j] } }
      for j in 0..<d { mean[j] /= Double(n) }
      for i in 0..<n {
        for j in 0..<d {
          let delta = x[i * d + j] - mean[j]
          variance[j] += delta * delta
        }
      }
    }
    return variance.reduce(0) { $0 + $1 / Double(n) } / Double(d) * tolerance
  }

  /// scikit-learn's `_is_same_clustering`: whether `a` maps onto `b` by relabelling.
  static func sameClustering(_ a: ContiguousArray<Int32>, _ b: ContiguousArray<Int32>, k: Int) -> Bool {
    var mapping = [Int32](repeating: -1, count: k)
    for (x, y) in zip(a, b) {
      if mapping[Int(x)] == -1 {
        mapping[Int(x)] = y
      } else if mapping[Int(x)] != y {
        return false
      }
    }
    return true
  }
}
