import Foundation

/// Agreement between two labellings of the same rows, chance-corrected, as scikit-learn computes it.
extension ClusterMetrics {
  /// What to do with rows labelled −1 (noise) in either labelling.
  public enum NoiseHandling: Sendable, Equatable {
    /// Compare only rows that are noise in neither labelling (the default, as for the internal indices).
    case exclude
    /// Treat −1 as one more segment (what scikit-learn does when given −1 labels).
    case asSegment
  }

  /// Adjusted Rand index (Hubert & Arabie 1985, "Comparing partitions", J. Classification 2): the Rand index
  /// corrected for chance, 1 for identical partitions, about 0 for independent ones, symmetric. Computed from
  /// the pair confusion matrix as scikit-learn's `adjusted_rand_score` (1 when no pair disagrees, including
  /// when no rows are compared).
  ///
  /// - Throws: ``SegmentaError/invalidParameter(name:value:expected:)`` when the labellings differ in length.
  /// - Complexity: O(n + kₐ × k_b).
  public static func adjustedRandIndex(
    _ a: ContiguousArray<Int32>, _ b: ContiguousArray<Int32>, noise: NoiseHandling = .exclude
  ) throws(SegmentaError) -> Double {
    let table = try Contingency(a, b, noise: noise)
    let n = Double(table.total)
    var sumSquares = 0.0
    var rowWeighted = 0.0
    var columnWeighted = 0.0
    for i in 0..<table.rowSums.count {
      for j in 0..<table.columnSums.count {
        let count = Double(table[i, j])
        sumSquares += count * count
        rowWeighted += count * Double(table.rowSums[i])
        columnWeighted += count * Double(table.columnSums[j])
      }
    }
    let truePositive = sumSquares - n
    let falsePositive = columnWeighted - sumSquares
    let falseNegative = rowWeighted - sumSquares
    let trueNegative = n * n - falsePositive - falseNegative - sumSquares
    if falseNegative == 0 && falsePositive == 0 { return 1 }
    return 2 * (truePositive * trueNegative - falseNegative * falsePositive)
      / ((truePositive + falseNegative) * (falseNegative + trueNegative)
        + (truePositive + falsePositive) * (falsePositive + trueNegative))
  }

  /// Adjusted mutual information (Vinh, Epps & Bailey 2010, "Information theoretic measures for clusterings
  /// comparison", JMLR 11): (MI − E[MI]) / (mean(H(a), H(b)) − E[MI]) with the arithmetic mean and natural
  /// logarithms, E[MI] under the hypergeometric model, as scikit-learn's `adjusted_mutual_info_score` (1 when
  /// both labellings have one segment or none, 0 when exactly one of them has a single segment).
  ///
  /// - Throws: ``SegmentaError/invalidParameter(name:value:expected:)`` when the labellings differ in length.
  /// - Complexity: O(n + kₐ × k_b × min(max segment size, n)) for the expectation.
  public static func adjustedMutualInformation(
    _ a: ContiguousArray<Int32>, _ b: ContiguousArray<Int32>, noise: NoiseHandling = .exclude
  ) throws(SegmentaError) -> Double {
    let table = try Contingency(a, b, noise: noise)
    let rows = table.rowSums.count
    let columns = table.columnSums.count
    if (rows == 1 && columns == 1) || (rows == 0 && columns == 0) { return 1 }
    if rows == 1 || columns == 1 { return 0 }
    let mi = table.mutualInformation()
    let emi = table.expectedMutualInformation()
    let normalizer = (entropy(table.rowSums) + entropy(table.columnSums)) / 2
    let eps = Double.ulpOfOne
    let denominator = normalizer - emi < 0 ? min(normalizer - emi, -eps) : max(normalizer - emi, eps)
    let numerator = mi - emi < 0 ? min(mi - emi, -eps) : max(mi - emi, eps)
    return numerator / denominator
  }

  /// Normalized mutual information (Strehl & Ghosh 2002, "Cluster ensembles", JMLR 3): MI / mean(H(a), H(b))
  /// with the arithmetic mean and natural logarithms, as scikit-learn's `normalized_mutual_info_score` (1 when both
  /// labellings have one segment or none, 0 when the mutual information is 0). Not corrected for chance: prefer
  /// ``adjustedMutualInformation(_:_:noise:)`` when segment counts differ.
  ///
  /// - Throws: ``SegmentaError/invalidParameter(name:value:expected:)`` when the labellings differ in length.
  /// - Complexity: O(n + kₐ × k_b).
  public static func normalizedMutualInformation(
    _ a: ContiguousArray<Int32>, _ b: ContiguousArray<Int32>, noise: NoiseHandling = .exclude
  ) throws(SegmentaError) -> Double {
    let table = try Contingency(a, b, noise: noise)
    let rows = table.rowSums.count
    let columns = table.columnSums.count
    if (rows == 1 && columns == 1) || (rows == 0 && columns == 0) { return 1 }
    let mi = table.mutualInformation()
    if mi == 0 { return 0 }
    return mi / ((entropy(table.rowSums) + entropy(table.columnSums)) / 2)
  }

  /// −Σ (nᵢ/N)(ln nᵢ − ln N) over segment sizes (scikit-learn's `_entropy`); 0 for one segment.
  private static func entropy(_ sizes: [Int]) -> Double {
    if sizes.count <= 1 { return 0 }
    let total = Double(sizes.reduce(0, +))
    var sum = 0.0
    for size in sizes { sum += Double(size) / total * (log(Double(size)) - log(total)) }
    return -sum
  }
}
