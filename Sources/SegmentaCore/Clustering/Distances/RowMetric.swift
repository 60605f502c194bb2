/// How medoid methods measure rows against each other: the one place that knows each metric's kernel.
///
/// Distances are computed exactly per pair (Σ(a − b)² then √, Σ|a − b|, Gower's weighted mean), summed left to
/// right over the columns, so d(i, j) = d(j, i) bit for bit and references computed the same way agree exactly.
enum RowMetric: Sendable {
  case euclidean(FeatureMatrix)
  case manhattan(FeatureMatrix)
  case gower(GowerDissimilarity)

  /// Number of rows measured.
  var rows: Int {
    switch self {
    case .euclidean(let x), .manhattan(let x): x.rows
    case .gower(let g): g.rows
    }
  }

  /// The dissimilarities among `subset` (table rows, in that order): all rows for PAM, a sample for CLARA.
  ///
  /// - Complexity: O(m² × variables) time for m = `subset.count`, parallel over chunks of rows; O(m²) memory.
  func matrix(of subset: [Int], context: ExecutionContext) -> DissimilarityMatrix {
    let m = subset.count
    let values = ContiguousArray<Double>(unsafeUninitializedCapacity: m * m) { buffer, initialized in
      let sink = RowSink(base: buffer.baseAddress)
      _ = context.mapChunks(count: m, chunkCount: ExecutionContext.chunkCount(for: m, grain: 64)) { _, range in
        for a in range {
          guard let base = sink.base else { return }
          distances(from: subset[a], to: subset, into: UnsafeMutableBufferPointer(start: base + a * m, count: m))
        }
      }
      initialized = m * m
    }
    return DissimilarityMatrix(count: m, values: values)
  }

  /// d(`row`, `others[t]`) for every t, written to `out[t]`.
  ///
  /// - Complexity: O(others × variables).
  func distances(from row: Int, to others: [Int], into out: UnsafeMutableBufferPointer<Double>) {
    switch self {
    case .euclidean(let data):
      let d = data.columns
      data.values.withUnsafeBufferPointer { x in
        for (t, other) in others.enumerated() {
          var sum = 0.0
          for j in 0..<d {
            let delta = x[row * d + j] - x[other * d + j]
            sum += delta * delta
          }
          out[t] = sum.squareRoot()
        }
      }
    case .manhattan(let data):
      let d = data.columns
      data.values.withUnsafeBufferPointer { x in
        for (t, other) in others.enumerated() {
          var sum = 0.0
          for j in 0..<d { sum += abs(x[row * d + j] - x[other * d + j]) }
          out[t] = sum
        }
      }
    case .gower(let g):
      let (p, q) = (g.numericColumns, g.categoricalColumns)
      g.scaled.withUnsafeBufferPointer { x in
        g.codes.withUnsafeBufferPointer { c in
          g.weights.withUnsafeBufferPointer { w in
            for (t, other) in others.enumerated() { out[t] = GowerDissimilarity.pair(row, other, x, c, w, p, q) }
          }
        }
      }
    }
  }
}

/// The start of a matrix being filled by parallel chunks; each chunk writes only its own rows.
private struct RowSink: @unchecked Sendable {
  let base: UnsafeMutablePointer<Double>?
}
