/// CLARA (Kaufman & Rousseeuw 1990, ch. 3; R's `cluster::clara`): PAM on samples, judged on all rows.
extension KMedoids {
  /// The best sample's medoids (as rows of the data), every row's label and the total cost on all rows.
  struct CLARAResult {
    var medoids: [Int]
    var labels: ContiguousArray<Int32>
    var cost: Double
    var iterations: Int
  }

  /// Runs PAM on `samples` samples of `sampleSize` rows and keeps the medoids with the lowest total cost over all
  /// rows (ties → the earlier sample).
  ///
  /// Sample s draws from `rng.derived(s)`; from the second sample on it contains the best medoids so far (as R
  /// does) plus distinct random rows, sorted by row. A sample with fewer than k distinct rows is skipped. When the
  /// sample is all the data, one PAM run is all there is to do.
  ///
  /// - Complexity: O(samples × (m² × variables + iterations × k m² + n × k × variables)) time for m =
  ///   `sampleSize`, O(m² + n) memory.
  static func clara(
    _ metric: RowMetric, k: Int, samples: Int, sampleSize: Int, maxIterations: Int, context: ExecutionContext,
    rng: inout SeededRandom
  ) throws(SegmentaError) -> CLARAResult {
    let n = metric.rows
    var best: CLARAResult?
    var skipped: SegmentaError?
    for s in 0..<(sampleSize >= n ? 1 : samples) {
      try context.checkCancellation()
      var sampleRng = rng.derived(s)
      let sample = draw(n: n, size: sampleSize, including: best?.medoids ?? [], rng: &sampleRng)
      let matrix = try definedMatrix(metric, of: sample, context: context)
      let run: PAMResult
      do {
        run = try pam(matrix, k: k, maxIterations: maxIterations, context: context)
      } catch .insufficientData(let message) {
        skipped = .insufficientData(message + " (in a sample of \(sampleSize) rows; try a larger sampsize=)")
        continue
      }
      let medoids = run.medoids.map { sample[$0] }
      let (labels, cost) = try assign(metric, to: medoids, context: context)
      if cost < best?.cost ?? .infinity {
        best = CLARAResult(medoids: medoids, labels: labels, cost: cost, iterations: run.iterations)
      }
    }
    guard let best else { throw skipped ?? .insufficientData("CLARA found no usable sample") }
    return best
  }

  /// `size` distinct rows of `0..<n`: the `included` ones plus uniform draws among the rest (partial
  /// Fisher–Yates), sorted.
  private static func draw(n: Int, size: Int, including included: [Int], rng: inout SeededRandom) -> [Int] {
    var pool = Array(0..<n)
    var filled = 0
    for row in included {
      guard let at = pool[filled...].firstIndex(of: row) else { continue }
      pool.swapAt(filled, at)
      filled += 1
    }
    while filled < size {
      pool.swapAt(filled, filled + rng.nextInt(below: n - filled))
      filled += 1
    }
    return pool[0..<size].sorted()
  }

  /// Every row's nearest medoid (ties → the earlier medoid) and the total dissimilarity, summed per chunk and then
  /// in chunk order.
  private static func assign(_ metric: RowMetric, to medoids: [Int], context: ExecutionContext)
    throws(SegmentaError) -> (labels: ContiguousArray<Int32>, cost: Double)
  {
    let n = metric.rows
    let k = medoids.count
    let parts = context.mapChunks(count: n, chunkCount: ExecutionContext.chunkCount(for: n, grain: 1024)) {
      _, range in
      var labels = ContiguousArray<Int32>(repeating: 0, count: range.count)
      var distances = ContiguousArray<Double>(repeating: 0, count: k)
      var cost = 0.0
      distances.withUnsafeMutableBufferPointer { out in
        for i in range {
          metric.distances(from: i, to: medoids, into: out)
          var nearest = 0
          for m in 1..<k where out[m] < out[nearest] || out[nearest].isNaN { nearest = m }
          labels[i - range.lowerBound] = Int32(nearest)
          cost += out[nearest]
        }
      }
      return (labels: labels, cost: cost)
    }
    var labels = ContiguousArray<Int32>()
    labels.reserveCapacity(n)
    for part in parts { labels.append(contentsOf: part.labels) }
    let cost = parts.reduce(0.0) { $0 + $1.cost }
    if cost.isNaN {
      throw .insufficientData(
        "some rows have no variable present in both them and any medoid, so their Gower dissimilarity is "
          + "undefined: impute or drop missing values")
    }
    return (labels, cost)
  }
}
