import Foundation

/// The contingency table of two labellings: counts nᵢⱼ of rows in segment i of the first and j of the second.
/// Segments are numbered by ascending label, so sums run in a fixed order.
struct Contingency {
  /// Row-major `rowSums.count × columnSums.count` counts.
  let counts: [Int]
  /// Segment sizes in the first labelling (aᵢ).
  let rowSums: [Int]
  /// Segment sizes in the second labelling (bⱼ).
  let columnSums: [Int]
  /// Rows compared (N).
  let total: Int

  subscript(i: Int, j: Int) -> Int { counts[i * columnSums.count + j] }

  init(
    _ a: ContiguousArray<Int32>, _ b: ContiguousArray<Int32>, noise: ClusterMetrics.NoiseHandling
  ) throws(SegmentaError) {
    guard a.count == b.count else {
      throw .invalidParameter(
        name: "labels", value: "\(a.count) and \(b.count) rows",
        expected: "two labellings of the same rows; compare results fitted on the same data")
    }
    let kept = a.indices.filter { noise == .asSegment || (a[$0] >= 0 && b[$0] >= 0) }
    let rowCodes = Self.denseCodes(kept.map { a[$0] })
    let columnCodes = Self.denseCodes(kept.map { b[$0] })
    let rows = (rowCodes.max() ?? -1) + 1
    let columns = (columnCodes.max() ?? -1) + 1
    var counts = [Int](repeating: 0, count: rows * columns)
    var rowSums = [Int](repeating: 0, count: rows)
    var columnSums = [Int](repeating: 0, count: columns)
    for (i, j) in zip(rowCodes, columnCodes) {
      counts[i * columns + j] += 1
      rowSums[i] += 1
      columnSums[j] += 1
    }
    self.counts = counts
    self.rowSums = rowSums
    self.columnSums = columnSums
    total = kept.count
  }

  /// Labels → `0..<k` in ascending label order.
  private static func denseCodes(_ labels: [Int32]) -> [Int] {
    let distinct = Set(labels).sorted()
    let code = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($0.element, $0.offset) })
    return labels.map { code[$0] ?? 0 }
  }

  /// Mutual information in nats over the non-zero cells, row-major, as scikit-learn's `mutual_info_score`
  /// (terms below machine epsilon dropped, the sum clipped at 0).
  func mutualInformation() -> Double {
    let n = Double(total)
    let logN = log(n)
    let logRowTotal = log(Double(rowSums.reduce(0, +)))
    let logColumnTotal = log(Double(columnSums.reduce(0, +)))
    var sum = 0.0
    for i in rowSums.indices {
      for j in columnSums.indices where self[i, j] > 0 {
        let count = Double(self[i, j])
        let p = count / n
        let logOuter = -log(Double(rowSums[i] * columnSums[j])) + logRowTotal + logColumnTotal
        let term = p * (log(count) - logN) + p * logOuter
        if abs(term) >= Double.ulpOfOne { sum += term }
      }
    }
    return max(sum, 0)
  }

  /// E[MI] under the hypergeometric model of random labellings with these margins (Vinh et al. 2010), term by
  /// term as scikit-learn's `expected_mutual_information`.
  ///
  /// - Complexity: O(Σᵢⱼ min(aᵢ, bⱼ)).
  func expectedMutualInformation() -> Double {
    if rowSums.count == 1 || columnSums.count == 1 { return 0 }
    let n = total
    let nD = Double(n)
    let logN = log(nD)
    let lgammaN1 = logGamma(nD + 1)
    var emi = 0.0
    for a in rowSums {
      for b in columnSums {
        let aD = Double(a)
        let bD = Double(b)
        let fixed: Double = logGamma(aD + 1) + logGamma(bD + 1) + logGamma(nD - aD + 1) + logGamma(nD - bD + 1)
        for nij in max(1, a - n + b)..<(min(a, b) + 1) {
          let nijD = Double(nij)
          let term1 = nijD / nD
          let term2: Double = logN + log(nijD) - log(aD) - log(bD)
          var gln: Double = fixed - (logGamma(nijD + 1) + lgammaN1)
          gln -= logGamma(aD - nijD + 1)
          gln -= logGamma(bD - nijD + 1)
          gln -= logGamma(nD - aD - bD + nijD + 1)
          emi += term1 * term2 * exp(gln)
        }
      }
    }
    return emi
  }
}

/// ln Γ(x) from the C library (the same `lgamma` scikit-learn's Cython calls).
private func logGamma(_ x: Double) -> Double {
  let value: Double = lgamma(x)
  return value
}
