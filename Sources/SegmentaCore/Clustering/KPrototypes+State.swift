/// The evolving prototypes of one k-prototypes run and the running sums behind them: per segment the numeric sums
/// and size (for means) and the level counts of every categorical column (for modes), as kmodes keeps them.
struct PrototypeState {
  let problem: KPrototypes.Problem
  /// Numeric centres, k × d.
  private(set) var centres: ContiguousArray<Double>
  /// Mode codes, k × q.
  private var modes: ContiguousArray<Int32>
  private var sums: ContiguousArray<Double>
  private var counts: ContiguousArray<Int>
  /// Level counts, k × `problem.levelCount`.
  private var frequencies: ContiguousArray<Int>
  /// The segment each row currently belongs to.
  private var membership: ContiguousArray<Int32>

  init(_ problem: KPrototypes.Problem, centres: ContiguousArray<Double>, modes: ContiguousArray<Int32>) {
    self.problem = problem
    self.centres = centres
    self.modes = modes
    sums = ContiguousArray(repeating: 0, count: problem.k * problem.d)
    counts = ContiguousArray(repeating: 0, count: problem.k)
    frequencies = ContiguousArray(repeating: 0, count: problem.k * problem.levelCount)
    membership = ContiguousArray(repeating: -1, count: problem.n)
  }

  /// The first assignment of every row to its cheapest prototype, filling the sums; whether no segment is empty.
  mutating func assignAll() -> Bool {
    let (d, q) = (problem.d, problem.q)
    for i in 0..<problem.n {
      let c = cheapest(i).segment
      membership[i] = Int32(c)
      counts[c] += 1
      for j in 0..<d { sums[c * d + j] += problem.x[i * d + j] }
      for a in 0..<q { frequencies[slot(c, a, problem.codes[i * q + a])] += 1 }
    }
    return counts.allSatisfy { $0 > 0 }
  }

  /// Every prototype from the sums: means and modes (kmodes' "initial centroid update").
  mutating func updatePrototypes() {
    for c in 0..<problem.k {
      updateCentre(c)
      for a in 0..<problem.q { modes[c * problem.q + a] = mode(c, a) }
    }
  }

  /// Each row's cheapest prototype and the total cost Σ (kmodes' `labels_cost`), summed in row order.
  func labelsAndCost() -> (labels: ContiguousArray<Int32>, cost: Double) {
    var labels = ContiguousArray<Int32>(repeating: 0, count: problem.n)
    var cost = 0.0
    for i in 0..<problem.n {
      let best = cheapest(i)
      labels[i] = Int32(best.segment)
      cost += best.cost
    }
    return (labels, cost)
  }

  /// One pass over the rows: a row whose cheapest prototype is another segment's moves there at once, and both
  /// prototypes follow. A segment left empty takes a random row of the largest segment. Returns the moves.
  mutating func iterate(rng: inout SeededRandom) -> Int {
    var moves = 0
    for i in 0..<problem.n {
      let target = cheapest(i).segment
      let source = Int(membership[i])
      if target == source { continue }
      moves += 1
      move(i, from: source, to: target)
      updateCentre(target)
      updateCentre(source)
      if counts[source] == 0 {
        let largest = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) } ?? 0
        let members = membership.indices.filter { membership[$0] == Int32(largest) }
        move(members[rng.nextInt(below: members.count)], from: largest, to: source)
        updateCentre(source)
        updateCentre(largest)
      }
    }
    return moves
  }

  /// kmodes' `_move_point_num` and `_move_point_cat`: sums, size and level counts move; the target's mode takes
  /// the row's level once it is strictly more frequent, the source's mode is recomputed if it was the row's level.
  private mutating func move(_ i: Int, from source: Int, to target: Int) {
    let (d, q) = (problem.d, problem.q)
    for j in 0..<d {
      sums[target * d + j] += problem.x[i * d + j]
      sums[source * d + j] -= problem.x[i * d + j]
    }
    counts[target] += 1
    counts[source] -= 1
    membership[i] = Int32(target)
    for a in 0..<q {
      let level = problem.codes[i * q + a]
      frequencies[slot(target, a, level)] += 1
      if frequencies[slot(target, a, modes[target * q + a])] < frequencies[slot(target, a, level)] {
        modes[target * q + a] = level
      }
      frequencies[slot(source, a, level)] -= 1
      if modes[source * q + a] == level { modes[source * q + a] = mode(source, a) }
    }
  }

  /// The mean of segment c's rows (0 for an empty segment, as kmodes).
  private mutating func updateCentre(_ c: Int) {
    let d = problem.d
    for j in 0..<d { centres[c * d + j] = counts[c] > 0 ? sums[c * d + j] / Double(counts[c]) : 0 }
  }

  /// The most frequent level of column a in segment c, the lowest code on ties (kmodes' `get_max_value_key`).
  private func mode(_ c: Int, _ a: Int) -> Int32 {
    var best: Int32 = 0
    for level in 0..<Int32(problem.levels[a]) where frequencies[slot(c, a, level)] > frequencies[slot(c, a, best)] {
      best = level
    }
    return best
  }

  @inline(__always)
  private func slot(_ c: Int, _ a: Int, _ level: Int32) -> Int {
    c * problem.levelCount + problem.levelOffsets[a] + Int(level)
  }

  /// The cheapest prototype for row i: Σ(cⱼ − xⱼ)² + γ × mismatches, the first on ties (NumPy's `argmin`).
  private func cheapest(_ i: Int) -> (segment: Int, cost: Double) {
    let (d, q, gamma) = (problem.d, problem.q, problem.gamma)
    return problem.x.withUnsafeBufferPointer { x in
      problem.codes.withUnsafeBufferPointer { codes in
        centres.withUnsafeBufferPointer { centre in
          modes.withUnsafeBufferPointer { mode in
            var best = (segment: 0, cost: Double.infinity)
            for c in 0..<problem.k {
              var numeric = 0.0
              for j in 0..<d {
                let delta = centre[c * d + j] - x[i * d + j]
                numeric += delta * delta
              }
              var mismatches = 0
              for a in 0..<q where mode[c * q + a] != codes[i * q + a] { mismatches += 1 }
              let cost = numeric + gamma * Double(mismatches)
              if c == 0 || cost < best.cost { best = (c, cost) }
            }
            return best
          }
        }
      }
    }
  }
}
