/// The assignment rule of an HDBSCAN variant: the `hdbscan` package's `approximate_predict` (McInnes, Healy &
/// Astels 2017, `hdbscan/prediction.py`), which places a new row in the condensed tree of the fit without
/// refitting.
///
/// With m = `minSamples`: the new row's core distance is the distance to its (m + 1)-th nearest training row; among
/// its 2m nearest training rows (by distance, ties → lower row) the one with the smallest mutual reachability
/// distance max(core(row), core(new), distance) is its neighbour (first on ties), and λ = 1 / that distance. The new
/// row joins the neighbour's segment S when the neighbour left its cluster at λ_exit ≤ λ or S was born at
/// λ_birth < λ (the package's walk up the cluster tree ends inside S exactly then); a noise neighbour, or a λ below
/// S's birth, makes it noise — never forced into a segment.
///
/// The training core distances are the fit's (distance to the m-th nearest row, the row itself counted), which are
/// the package's prediction core distances for `min_samples` = m.
public struct HDBSCANRule: Sendable, Equatable {
  /// m: the fit's `min_samples` (rows, the row itself included).
  public let minSamples: Int
  /// The training rows (rows × model features).
  public let points: FeatureMatrix
  /// Segment per training row (−1 = noise).
  public let labels: ContiguousArray<Int32>
  /// Core distance per training row.
  public let coreDistances: ContiguousArray<Double>
  /// Per training row, the λ at which it leaves its cluster in the condensed tree.
  public let exitLambdas: ContiguousArray<Double>
  /// Per training row, the λ at which its segment was born (ignored for noise rows).
  public let birthLambdas: ContiguousArray<Double>

  public init(
    minSamples: Int, points: FeatureMatrix, labels: ContiguousArray<Int32>, coreDistances: ContiguousArray<Double>,
    exitLambdas: ContiguousArray<Double>, birthLambdas: ContiguousArray<Double>
  ) {
    precondition(
      [labels.count, coreDistances.count, exitLambdas.count, birthLambdas.count].allSatisfy { $0 == points.rows },
      "one label, core distance and λ pair per training row")
    precondition(minSamples >= 1, "min_samples ≥ 1")
    self.minSamples = minSamples
    self.points = points
    self.labels = labels
    self.coreDistances = coreDistances
    self.exitLambdas = exitLambdas
    self.birthLambdas = birthLambdas
  }

  /// The outcome for every row of `matrix`: a segment, noise, or missing when a row has a missing (NaN) value.
  ///
  /// The neighbours come from one k-d tree over the training rows (exact: the same neighbours, in (distance, row)
  /// order, as a brute-force scan).
  /// - Complexity: O(N × d × log N) to index N training rows, then about O(m log m × log N × d) per row.
  public func assign(_ matrix: FeatureMatrix) -> [ModelRule.Outcome] {
    precondition(matrix.columns == points.columns, "the matrix must have the model's features")
    let d = points.columns
    guard points.rows > 0 else {
      return (0..<matrix.rows).map { i in (0..<d).contains { matrix[i, $0].isNaN } ? .missing : .noise }
    }
    let tree = KDTree(points)
    var heap = NeighbourHeap(capacity: min(points.rows, max(2 * minSamples, minSamples + 1)))
    return tree.withQueries { q in
      matrix.values.withUnsafeBufferPointer { x in
        (0..<matrix.rows).map { i -> ModelRule.Outcome in
          if (0..<d).contains(where: { x[i * d + $0].isNaN }) { return .missing }
          q.nearest(to: x.baseAddress.unsafelyUnwrapped + i * d, heap: &heap)
          return outcome(neighbours: heap.sorted())
        }
      }
    }
  }

  /// The outcome of a row given its nearest training rows as (squared distance, row), nearest first.
  private func outcome(neighbours: [(distance: Double, row: Int)]) -> ModelRule.Outcome {
    let core = neighbours[min(minSamples, neighbours.count - 1)].distance.squareRoot()
    var neighbour = neighbours[0].row
    var reach = Double.infinity
    for candidate in neighbours {
      let mutual = max(coreDistances[candidate.row], core, candidate.distance.squareRoot())
      if mutual < reach { (neighbour, reach) = (candidate.row, mutual) }
    }
    let lambda = reach > 0 ? 1 / reach : Double.greatestFiniteMagnitude
    let segment = labels[neighbour]
    guard segment >= 0, exitLambdas[neighbour] <= lambda || birthLambdas[neighbour] < lambda else { return .noise }
    return .segment(Int(segment), probability: nil)
  }

  /// The same rule with segments renumbered (`newLabel[old]`; noise stays −1).
  public func renumbered(_ newLabel: [Int32]) -> HDBSCANRule {
    HDBSCANRule(
      minSamples: minSamples, points: points, labels: ContiguousArray(labels.map { $0 >= 0 ? newLabel[Int($0)] : $0 }),
      coreDistances: coreDistances, exitLambdas: exitLambdas, birthLambdas: birthLambdas)
  }
}
