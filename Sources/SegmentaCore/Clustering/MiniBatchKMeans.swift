/// Mini-batch k-means with scikit-learn's semantics (`sklearn/cluster/_kmeans.py`, `MiniBatchKMeans`, 1.9.1).
///
/// Each step assigns a random batch of rows (drawn with replacement) to the nearest centres and moves every
/// centre towards the mean of its batch rows with a per-centre learning rate 1 / (rows it has seen so far)
/// (D. Sculley, "Web-scale k-means clustering", WWW 2010). Centres that have seen fewer than
/// `reassignmentRatio` × the busiest centre's rows are moved onto random batch rows every 10·k rows (always
/// while a centre has seen none). It stops after `maxIterations` passes over the data, or earlier when the
/// exponentially weighted average of the batch inertia has not improved for `maxNoImprovement` steps (or the
/// centres move less than the relative tolerance). The final labels and inertia are a full pass over the data.
///
/// Use it for files too large for a few full k-means runs: a step costs O(batch × k × d) whatever n is, so the
/// fit takes seconds on millions of rows, at the price of an inertia typically ≲ 1 % above full k-means.
/// Bit-exact agreement with scikit-learn is not a goal (its batches come from NumPy's generator).
public struct MiniBatchKMeans: ClusteringAlgorithm {
  /// Number of segments.
  public var k: Int
  /// How the starts are chosen, on a random subsample of `initSize` rows (drawn with replacement).
  public var initialization: KMeans.Initialization
  /// Starts to try, the one with the lowest inertia on a fixed random validation subsample wins; `nil` is
  /// scikit-learn's "auto": 1 for k-means++ and given centres, 3 for random rows.
  public var nInit: Int?
  /// Rows per step (scikit-learn's `batch_size`, capped at the row count).
  public var batchSize: Int
  /// Maximum passes over the data: the step budget is `maxIterations × n / batch`.
  public var maxIterations: Int
  /// Relative tolerance on Σ‖Δc‖² per step (× mean per-feature variance); 0, the default, disables it.
  public var tolerance: Double
  /// Steps without improvement of the smoothed batch inertia before stopping; `nil` never stops early this way.
  public var maxNoImprovement: Int?
  /// Rows of the subsample the starts are chosen on; `nil` is 3 × batch (at least 3k), at most n.
  public var initSize: Int?
  /// Fraction of the busiest centre's count below which a centre is moved onto a random batch row.
  public var reassignmentRatio: Double

  public init(
    k: Int, initialization: KMeans.Initialization = .kMeansPlusPlus, nInit: Int? = nil, batchSize: Int = 1024,
    maxIterations: Int = 100, tolerance: Double = 0, maxNoImprovement: Int? = 10, initSize: Int? = nil,
    reassignmentRatio: Double = 0.01
  ) {
    self.k = k
    self.initialization = initialization
    self.nInit = nInit
    self.batchSize = batchSize
    self.maxIterations = maxIterations
    self.tolerance = tolerance
    self.maxNoImprovement = maxNoImprovement
    self.initSize = initSize
    self.reassignmentRatio = reassignmentRatio
  }

  public var algorithmName: String { "minibatch" }

  public var parameterList: [(key: String, value: String)] {
    return [
      ("k", String(k)), ("init", initialization.name), ("n_init", String(runs)), ("batch", String(batchSize)),
      ("max_iter", String(maxIterations)), ("tol", String(tolerance)),
      ("max_no_improvement", maxNoImprovement.map(String.init) ?? "none"),
      ("reassignment_ratio", String(reassignmentRatio)),
    ]
  }

  /// The number of starts: `nInit`, or scikit-learn's "auto"; always 1 for given centres.
  var runs: Int {
    switch initialization {
    case .explicit: 1
    case .kMeansPlusPlus: nInit ?? 1
    case .random: nInit ?? 3
    }
  }

  /// Fits mini-batch k-means to `data`.
  ///
  /// All draws (validation subsample, starts, batches, reassignments) come in order from `rng.derived(0)`;
  /// afterwards `rng` is advanced by one step. The thread count only splits the final full assignment and
  /// large batches into fixed chunks, so it never changes the result.
  ///
  /// - Parameters:
  ///   - data: the rows to cluster; every value must be finite.
  ///   - context: threads and cancellation, checked before every step.
  ///   - rng: the seeded generator.
  /// - Returns: labels `0..<k` from a full pass with the final centres, the centres, the full inertia
  ///   Σ‖x − c(x)‖², and as `iterations` the mini-batch steps taken (scikit-learn's `n_steps_`; passes over
  ///   the data, its `n_iter_`, are ⌈steps × batch / n⌉).
  /// - Throws: ``SegmentaError/invalidParameter(name:value:expected:)`` for parameters out of range;
  ///   ``SegmentaError/missingValues(counts:)`` for NaN; ``SegmentaError/insufficientData(_:)`` for fewer rows
  ///   than k or infinite values; ``SegmentaError/interrupted`` on cancellation.
  /// - Complexity: O(nInit × initSize × k × d) for the starts, O(steps × batch × k × d) for the steps
  ///   (steps ≤ maxIterations × n / batch, usually far fewer with early stopping) and O(n × k × d) for the final
  ///   pass; O(n + batch × d + initSize × d) memory.
  public func fit(_ data: FeatureMatrix, context: ExecutionContext, rng: inout SeededRandom) throws(SegmentaError)
    -> ClusteringResult
  {
    try validate(data)
    let n = data.rows
    let batch = Swift.min(batchSize, n)
    var stream = rng.derived(0)
    _ = rng.next()
    let initRows = resolvedInitSize(rows: n, batch: batch)
    let validation = data.selectingRows((0..<initRows).map { _ in stream.nextInt(below: n) })
    var start = ContiguousArray<Double>()
    var startInertia = Double.infinity
    for _ in 0..<runs {
      try context.checkCancellation()
      let centres = initialCentres(data, initRows: initRows, rng: &stream, context: context)
      let inertia = Self.assignBatch(
        validation.values, columns: data.columns, centres: centres, k: k, context: context
      ).inertia
      if start.isEmpty || inertia < startInertia {
        start = centres
        startInertia = inertia
      }
    }
    var state = MiniBatchState(centres: start, k: k, columns: data.columns, batch: batch)
    var stopping = EarlyStopping(
      batch: batch, rows: n, tolerance: KMeans.effectiveTolerance(data, tolerance: tolerance),
      maxNoImprovement: maxNoImprovement)
    let budget = maxIterations * n / batch
    var steps = 0
    for step in 0..<budget {
      try context.checkCancellation()
      let batchInertia = state.step(
        data, reassignmentRatio: reassignmentRatio, rng: &stream, context: context)
      steps = step + 1
      if stopping.shouldStop(step: step, batchInertia: batchInertia, squaredShift: state.lastSquaredShift) { break }
    }
    var labels = ContiguousArray<Int32>(repeating: -1, count: n)
    _ = KMeans.assignStep(data, centres: state.centres, k: k, labels: &labels, accumulate: false, context: context)
    let inertia = KMeans.inertia(data, centres: state.centres, labels: labels, context: context)
    return ClusteringResult(
      labels: labels, k: k,
      centroids: FeatureMatrix(rows: k, columns: data.columns, names: data.names, values: state.centres),
      inertia: inertia, iterations: steps)
  }

  /// scikit-learn's `_init_size`: 3 × batch (or 3k when that is smaller than k), never more than n.
  func resolvedInitSize(rows n: Int, batch: Int) -> Int {
    var size = initSize ?? 3 * batch
    if size < k { size = 3 * k }
    return Swift.min(size, n)
  }

  /// One start, chosen on a subsample of `initRows` rows drawn with replacement (all rows when that is n).
  private func initialCentres(
    _ data: FeatureMatrix, initRows: Int, rng: inout SeededRandom, context: ExecutionContext
  ) -> ContiguousArray<Double> {
    if case .explicit(let centres) = initialization { return centres.values }
    let sample =
      initRows < data.rows ? data.selectingRows((0..<initRows).map { _ in rng.nextInt(below: data.rows) }) : data
    return initialization == .random
      ? KMeans.randomRows(sample, k: k, rng: &rng) : KMeans.greedyPlusPlus(sample, k: k, rng: &rng, context: context)
  }
}

extension MiniBatchKMeans {
  /// Checks the configuration against the data, with messages that say what to change.
  func validate(_ data: FeatureMatrix) throws(SegmentaError) {
    if k < 1 { throw .invalidParameter(name: "k", value: String(k), expected: "k ≥ 1") }
    if data.rows == 0 { throw .insufficientData("mini-batch k-means needs at least one row; the feature set is empty") }
    if data.columns == 0 {
      throw .insufficientData("mini-batch k-means needs at least one feature; select some columns")
    }
    if k > data.rows {
      throw .insufficientData("k=\(k) but only \(data.rows) rows: choose k ≤ \(data.rows) or add data")
    }
    if batchSize < 1 {
      throw .invalidParameter(name: "batch", value: String(batchSize), expected: "batch ≥ 1, e.g. 1024")
    }
    if maxIterations < 1 {
      throw .invalidParameter(name: "max_iter", value: String(maxIterations), expected: "max_iter ≥ 1")
    }
    if let nInit, nInit < 1 {
      throw .invalidParameter(name: "n_init", value: String(nInit), expected: "n_init ≥ 1")
    }
    if !(tolerance >= 0 && tolerance.isFinite) {
      throw .invalidParameter(name: "tol", value: String(tolerance), expected: "a finite tol ≥ 0, e.g. 0")
    }
    if let maxNoImprovement, maxNoImprovement < 0 {
      throw .invalidParameter(
        name: "max_no_improvement", value: String(maxNoImprovement), expected: "max_no_improvement ≥ 0")
    }
    if let initSize, initSize < 1 {
      throw .invalidParameter(name: "init_size", value: String(initSize), expected: "init_size ≥ 1")
    }
    if !(0...1).contains(reassignmentRatio) {
      throw .invalidParameter(
        name: "reassignment_ratio", value: String(reassignmentRatio), expected: "a ratio between 0 and 1, e.g. 0.01")
    }
    try data.requireFinite(for: "mini-batch k-means")
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
}
