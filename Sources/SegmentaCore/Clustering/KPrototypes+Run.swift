/// One k-prototypes run in kmodes' order (`_k_prototypes_single`, `_k_prototypes_iter`, `labels_cost`).
extension KPrototypes {
  /// The data of a fit, shared read-only by its runs.
  struct Problem: Sendable {
    let n: Int
    let d: Int
    let q: Int
    let k: Int
    let gamma: Double
    /// Numeric features, n × d.
    let x: ContiguousArray<Double>
    /// Categorical codes, n × q.
    let codes: ContiguousArray<Int32>
    /// Levels of each categorical column.
    let levels: [Int]
    /// Where column a's levels start in a per-segment frequency table of `levelCount` counts.
    let levelOffsets: [Int]
    let levelCount: Int
    /// Per-feature mean and standard deviation (ddof 0), for the numeric starts.
    let means: [Double]
    let deviations: [Double]

    init(data: FeatureMatrix, categorical: CategoricalMatrix, k: Int, gamma: Double) {
      n = data.rows
      d = data.columns
      q = categorical.columns
      self.k = k
      self.gamma = gamma
      x = data.values
      codes = categorical.codes
      levels = categorical.levels.map(\.count)
      var offsets: [Int] = []
      var total = 0
      for count in levels {
        offsets.append(total)
        total += count
      }
      levelOffsets = offsets
      levelCount = total
      let columns = (0..<data.columns).map { j in (0..<data.rows).lazy.map { data[$0, j] } }
      means = columns.map { Statistics.mean($0) }
      deviations = columns.map { Statistics.standardDeviation($0, ddof: 0) }
    }
  }

  /// How a run starts.
  enum Start: Sendable {
    case cao(modes: ContiguousArray<Int32>)
    case explicit(centres: ContiguousArray<Double>, modes: ContiguousArray<Int32>)
  }

  /// The outcome of one run.
  struct PrototypeRun: Sendable {
    var labels: ContiguousArray<Int32>
    var centres: ContiguousArray<Double>
    var cost: Double
    var iterations: Int
  }

  /// kmodes gives a start 20 tries to leave no segment empty, then switches to random rows, then gives up at 100.
  private static let triesBeforeRandomStart = 20
  private static let triesBeforeGivingUp = 100

  /// One run: a start without empty segments, prototypes from it, then iterations until no row moves or the cost
  /// does not fall.
  static func run(
    _ problem: Problem, start: Start, maxIterations: Int, rng: inout SeededRandom, context: ExecutionContext
  ) throws(SegmentaError) -> PrototypeRun {
    var state = try startingState(problem, start: start, rng: &rng, context: context)
    state.updatePrototypes()
    var (labels, cost) = state.labelsAndCost()
    var iterations = 0
    while iterations < maxIterations {
      try context.checkCancellation()
      iterations += 1
      let moves = state.iterate(rng: &rng)
      let next = state.labelsAndCost()
      labels = next.labels
      let converged = moves == 0 || next.cost >= cost
      cost = next.cost
      if converged { break }
    }
    return PrototypeRun(labels: labels, centres: state.centres, cost: cost, iterations: iterations)
  }

  /// Tries starts until the first assignment leaves no segment empty (kmodes' init loop).
  private static func startingState(
    _ problem: Problem, start: Start, rng: inout SeededRandom, context: ExecutionContext
  ) throws(SegmentaError) -> PrototypeState {
    var randomRows = false
    for attempt in 1...triesBeforeGivingUp {
      try context.checkCancellation()
      var state: PrototypeState
      switch (start, randomRows) {
      case (.explicit(let centres, let modes), false):
        state = PrototypeState(problem, centres: centres, modes: modes)
      case (.cao(let modes), false):
        state = PrototypeState(problem, centres: normalCentres(problem, rng: &rng), modes: modes)
      case (_, true):
        let modes = randomModes(problem, rng: &rng)
        state = PrototypeState(problem, centres: normalCentres(problem, rng: &rng), modes: modes)
      }
      if state.assignAll() { return state }
      if attempt == triesBeforeRandomStart { randomRows = true }
    }
    throw .insufficientData(
      "k-prototypes could not start k=\(problem.k) segments without an empty one in \(triesBeforeGivingUp) tries; "
        + "the data may have fewer than \(problem.k) distinct rows: choose a smaller k")
  }
}
