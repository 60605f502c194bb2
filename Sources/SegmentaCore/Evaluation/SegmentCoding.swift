/// Labels recoded densely for the indices: the distinct non-negative labels in ascending order become
/// `0..<k`; negative labels (noise, −1) become −1 and are left out of every count.
struct SegmentCoding {
  /// Dense code per row, −1 for noise.
  let codes: ContiguousArray<Int32>
  /// Rows per dense code.
  let sizes: [Int]
  /// Rows that are not noise.
  let members: Int

  /// Number of segments present.
  var k: Int { sizes.count }

  /// - Complexity: O(n log n) for the sort of distinct labels, O(n) otherwise.
  init(_ labels: ContiguousArray<Int32>) {
    let distinct = Set(labels.lazy.filter { $0 >= 0 }).sorted()
    let code = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($0.element, Int32($0.offset)) })
    var sizes = [Int](repeating: 0, count: distinct.count)
    codes = ContiguousArray(
      labels.lazy.map { label in
        guard label >= 0, let c = code[label] else { return -1 }
        sizes[Int(c)] += 1
        return c
      })
    self.sizes = sizes
    members = sizes.reduce(0, +)
  }

  /// Throws unless 2 ≤ k ≤ members − 1, the range where `index` is defined (scikit-learn's
  /// `check_number_of_labels`).
  func requireSegmentRange(for index: String) throws(SegmentaError) {
    if k < 2 {
      throw .insufficientData(
        "\(index) needs at least 2 segments but the labels have \(k): fit with k ≥ 2")
    }
    if k > members - 1 {
      throw .insufficientData(
        "\(index) needs fewer segments than rows: \(k) segments for \(members) rows (noise excluded); "
          + "choose k ≤ \(members - 1)")
    }
  }

  /// Per-segment means, k × d row-major, over the non-noise rows.
  func means(_ data: FeatureMatrix) -> ContiguousArray<Double> {
    let d = data.columns
    var sums = ContiguousArray<Double>(repeating: 0, count: k * d)
    data.values.withUnsafeBufferPointer { x in
      for i in 0..<data.rows where codes[i] >= 0 {
        let c = Int(codes[i])
        for j in 0..<d { sums[c * d + j] += x[i * d + j] }
      }
    }
    for c in 0..<k {
      for j in 0..<d { sums[c * d + j] /= Double(sizes[c]) }
    }
    return sums
  }
}
