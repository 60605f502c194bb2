/// PAM's BUILD and SWAP on a dissimilarity matrix, in the order and with the tie-breaking of the `kmedoids`
/// package's `pam` (rust-kmedoids `pam_build` + `pam_swap`), so that the same matrix gives the same medoids.
extension KMedoids {
  /// The outcome of PAM on a dissimilarity matrix.
  struct PAMResult: Sendable, Equatable {
    /// Medoid objects, in medoid order (label m belongs to `medoids[m]`).
    var medoids: [Int]
    /// The medoid number of each object.
    var labels: ContiguousArray<Int32>
    /// Σ dissimilarity of each object to its medoid.
    var cost: Double
    /// SWAP iterations, counting the last one that found no improving swap.
    var iterations: Int
    /// Swaps made.
    var swaps: Int
  }

  /// Each object's nearest and second-nearest medoid (medoid numbers and dissimilarities), as parallel arrays.
  struct Assignment {
    var nearest: ContiguousArray<Int32>
    var nearestDistance: ContiguousArray<Double>
    var second: ContiguousArray<Int32>
    var secondDistance: ContiguousArray<Double>
  }

  /// PAM: BUILD, then SWAP until no exchange lowers the cost or `maxIterations` passes were made.
  ///
  /// - Throws: ``SegmentaError/insufficientData(_:)`` when BUILD finds fewer than k medoids that lower the cost
  ///   (fewer than k distinct objects); ``SegmentaError/interrupted``.
  /// - Complexity: O(n²) per BUILD step (k steps); per SWAP pass O(n²) plus O(k) for each (candidate, object) pair
  ///   where the candidate would take the object over, so at most O(k n²); parallel over candidates; O(n) extra
  ///   memory besides the matrix.
  static func pam(_ d: DissimilarityMatrix, k: Int, maxIterations: Int, context: ExecutionContext)
    throws(SegmentaError) -> PAMResult
  {
    precondition(k >= 1 && k <= d.count, "1 ≤ k ≤ n")
    let first = firstMedoid(d, context: context)
    if k == 1 {
      return PAMResult(
        medoids: [first.index], labels: ContiguousArray(repeating: 0, count: d.count), cost: first.sum,
        iterations: 1, swaps: 0)
    }
    var medoids = try build(d, first: first.index, k: k, context: context)
    var assignment = initialAssignment(d, medoids: medoids)
    var cost = assignment.nearestDistance.reduce(0, +)
    var iterations = 0
    var swaps = 0
    while iterations < maxIterations {
      try context.checkCancellation()
      iterations += 1
      let best = bestSwap(d, medoids: medoids, assignment: assignment, context: context)
      guard best.change < 0 else { break }
      swaps += 1
      let updated = swap(d, medoids: &medoids, assignment: &assignment, medoid: best.medoid, object: best.object)
      guard updated < cost else { break }
      cost = updated
    }
    return PAMResult(
      medoids: medoids, labels: assignment.nearest, cost: cost, iterations: iterations, swaps: swaps)
  }

  /// Rows per chunk of candidates: each candidate costs O(n), so chunks stay small.
  private static func chunkCount(_ n: Int) -> Int { ExecutionContext.chunkCount(for: n, grain: 32) }

  /// BUILD's first medoid: the object with the smallest Σ_{j≠i} d(i, j) (ties → lowest index).
  private static func firstMedoid(_ d: DissimilarityMatrix, context: ExecutionContext) -> (index: Int, sum: Double) {
    let n = d.count
    let parts = context.mapChunks(count: n, chunkCount: chunkCount(n)) { _, range in
      d.values.withUnsafeBufferPointer { x in
        var best = (index: -1, sum: Double.infinity)
        for i in range {
          var sum = 0.0
          for j in 0..<n where j != i { sum += x[i * n + j] }
          if best.index < 0 || sum < best.sum { best = (i, sum) }
        }
        return best
      }
    }
    return parts.dropFirst().reduce(parts[0]) { $1.sum < $0.sum ? $1 : $0 }
  }

  /// BUILD's greedy steps: each adds the object whose choice lowers the cost most (ties → lowest index); the gain
  /// of candidate i is −near(i) + Σ_{j≠i} min(d(i, j) − near(j), 0), summed in j order.
  private static func build(_ d: DissimilarityMatrix, first: Int, k: Int, context: ExecutionContext)
    throws(SegmentaError) -> [Int]
  {
    let n = d.count
    var medoids = [first]
    var near = ContiguousArray((0..<n).map { d[first, $0] })
    for _ in 1..<k {
      try context.checkCancellation()
      let current = near
      let parts = context.mapChunks(count: n, chunkCount: chunkCount(n)) { _, range in
        d.values.withUnsafeBufferPointer { x in
          current.withUnsafeBufferPointer { nearest in
            var best = (index: -1, gain: 0.0)
            for i in range {
              var gain = -nearest[i]
              for j in 0..<n where j != i {
                let dij = x[i * n + j]
                if dij < nearest[j] { gain += dij - nearest[j] }
              }
              if gain < best.gain { best = (i, gain) }
            }
            return best
          }
        }
      }
      let best = parts.reduce((index: -1, gain: 0.0)) { $1.index >= 0 && $1.gain < $0.gain ? $1 : $0 }
      guard best.index >= 0 else {
        throw .insufficientData(
          "k=\(k) but only \(medoids.count) medoids lower the cost: the data have fewer than \(k) distinct rows "
            + "at this metric; choose k ≤ \(medoids.count)")
      }
      for j in 0..<n { near[j] = j == best.index ? 0 : Swift.min(near[j], d[best.index, j]) }
      medoids.append(best.index)
    }
    return medoids
  }

  /// Nearest and second-nearest medoid of every object; ties keep the earlier medoid, but a medoid always belongs
  /// to itself (the `kmedoids` package's `initial_assignment`).
  private static func initialAssignment(_ d: DissimilarityMatrix, medoids: [Int]) -> Assignment {
    let n = d.count
    var a = Assignment(
      nearest: ContiguousArray(repeating: 0, count: n), nearestDistance: ContiguousArray(repeating: 0, count: n),
      second: ContiguousArray(repeating: -1, count: n), secondDistance: ContiguousArray(repeating: 0, count: n))
    for i in 0..<n {
      a.nearestDistance[i] = d[i, medoids[0]]
      for (m, object) in medoids.enumerated().dropFirst() {
        let distance = d[i, object]
        if distance < a.nearestDistance[i] || i == object {
          (a.second[i], a.secondDistance[i]) = (a.nearest[i], a.nearestDistance[i])
          (a.nearest[i], a.nearestDistance[i]) = (Int32(m), distance)
        } else if a.second[i] < 0 || distance < a.secondDistance[i] {
          (a.second[i], a.secondDistance[i]) = (Int32(m), distance)
        }
      }
    }
    return a
  }

  /// The exchange (medoid m ↔ non-medoid j) that lowers the cost most: the lowest change, ties → lowest j, then
  /// lowest m. The change for (m, j) is −near(j) plus, over o ≠ j in order, what o gains or loses: moving to j if
  /// closer, or to its second medoid if its medoid m leaves. Objects j takes over change every m's sum alike, so one
  /// pass over o serves all k medoids with PAM's exact sums.
  private static func bestSwap(
    _ d: DissimilarityMatrix, medoids: [Int], assignment a: Assignment, context: ExecutionContext
  ) -> (change: Double, medoid: Int, object: Int) {
    let n = d.count
    let k = medoids.count
    let parts = context.mapChunks(count: n, chunkCount: chunkCount(n)) { _, range in
      d.values.withUnsafeBufferPointer { x in
        a.nearest.withUnsafeBufferPointer { near in
          a.nearestDistance.withUnsafeBufferPointer { nearD in
            a.secondDistance.withUnsafeBufferPointer { secondD in
              var best = (change: 0.0, medoid: k, object: -1)
              var changes = ContiguousArray<Double>(repeating: 0, count: k)
              changes.withUnsafeMutableBufferPointer { change in
                for j in range where j != medoids[Int(near[j])] {
                  for m in 0..<k { change[m] = -nearD[j] }
                  for o in 0..<n where o != j {
                    let djo = x[j * n + o]
                    if djo < nearD[o] {
                      let delta = djo - nearD[o]
                      for m in 0..<k { change[m] += delta }
                    } else {
                      change[Int(near[o])] += (djo < secondD[o] ? djo : secondD[o]) - nearD[o]
                    }
                  }
                  var candidate = (change: 0.0, medoid: k)
                  for m in 0..<k where change[m] < candidate.change { candidate = (change[m], m) }
                  if candidate.change < best.change { best = (candidate.change, candidate.medoid, j) }
                }
              }
              return best
            }
          }
        }
      }
    }
    return parts.reduce((change: 0.0, medoid: k, object: -1)) { $1.change < $0.change ? $1 : $0 }
  }

  /// Makes object j medoid number b and updates every object's nearest and second-nearest medoid
  /// (the `kmedoids` package's `do_swap`); returns the new cost, summed in object order.
  private static func swap(
    _ d: DissimilarityMatrix, medoids: inout [Int], assignment a: inout Assignment, medoid b: Int, object j: Int
  ) -> Double {
    medoids[b] = j
    let b32 = Int32(b)
    var cost = 0.0
    for o in 0..<d.count {
      if o == j {
        if a.nearest[o] != b32 { (a.second[o], a.secondDistance[o]) = (a.nearest[o], a.nearestDistance[o]) }
        (a.nearest[o], a.nearestDistance[o]) = (b32, 0)
        continue
      }
      let doj = d[o, j]
      if a.nearest[o] == b32 {
        if doj < a.secondDistance[o] {
          a.nearestDistance[o] = doj
        } else {
          (a.nearest[o], a.nearestDistance[o]) = (a.second[o], a.secondDistance[o])
          (a.second[o], a.secondDistance[o]) = secondNearest(d, medoids, o, nearest: Int(a.nearest[o]), b, doj)
        }
      } else if doj < a.nearestDistance[o] {
        (a.second[o], a.secondDistance[o]) = (a.nearest[o], a.nearestDistance[o])
        (a.nearest[o], a.nearestDistance[o]) = (b32, doj)
      } else if doj < a.secondDistance[o] {
        (a.second[o], a.secondDistance[o]) = (b32, doj)
      } else if a.second[o] == b32 {
        (a.second[o], a.secondDistance[o]) = secondNearest(d, medoids, o, nearest: Int(a.nearest[o]), b, doj)
      }
      cost += a.nearestDistance[o]
    }
    return cost
  }

  /// The closest medoid to o other than its nearest, starting from the new medoid b at `doj` (earlier wins ties).
  private static func secondNearest(
    _ d: DissimilarityMatrix, _ medoids: [Int], _ o: Int, nearest: Int, _ b: Int, _ doj: Double
  ) -> (Int32, Double) {
    var best = (Int32(b), doj)
    for (m, object) in medoids.enumerated() where m != nearest && m != b {
      let distance = d[o, object]
      if distance < best.1 { best = (Int32(m), distance) }
    }
    return best
  }
}
