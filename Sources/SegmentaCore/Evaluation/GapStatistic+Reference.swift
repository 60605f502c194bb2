/// The gap statistic's null model: uniform data in the data's principal-component box.
extension GapStatistic {
  /// clusGap's `spaceH0 = "scaledPCA"` box: the centred data rotated onto its principal axes (each axis's largest
  /// absolute loading positive, as ``PrincipalComponents``), the range of each rotated coordinate, and the way back.
  /// A reference set draws every rotated coordinate uniformly in its range and rotates back (Tibshirani et al. 2001,
  /// §3, reference distribution (b)).
  public struct ReferenceBox: Sendable, Equatable {
    /// Column means of the data.
    public let center: [Double]
    /// Principal axes as rows (d × d).
    public let axes: FeatureMatrix
    /// Smallest and largest rotated coordinate per axis.
    public let lower: [Double]
    public let upper: [Double]

    /// The box of `data`.
    ///
    /// - Throws: ``SegmentaError/insufficientData(_:)`` for fewer than 2 rows.
    /// - Complexity: O(n × d²).
    public init(_ data: FeatureMatrix) throws(SegmentaError) {
      let components = try PrincipalComponents(data)
      let rotated = components.project(data, dimensions: data.columns)
      let d = data.columns
      var lower = [Double](repeating: .infinity, count: d)
      var upper = [Double](repeating: -.infinity, count: d)
      for i in 0..<rotated.rows {
        for j in 0..<d {
          lower[j] = min(lower[j], rotated[i, j])
          upper[j] = max(upper[j], rotated[i, j])
        }
      }
      center = components.mean
      axes = components.components
      self.lower = lower
      self.upper = upper
    }

    /// A reference set from uniform numbers in [0, 1), one per coordinate (n × d): coordinate j of row i is
    /// lower_j + u_ij (upper_j − lower_j), as R's `runif(n, min, max)`, then rotated back and re-centred.
    ///
    /// - Complexity: O(n × d²).
    public func draw(uniforms: FeatureMatrix) -> FeatureMatrix {
      let d = center.count
      precondition(uniforms.columns == d, "one uniform per coordinate")
      var out = ContiguousArray<Double>(repeating: 0, count: uniforms.rows * d)
      for i in 0..<uniforms.rows {
        for j in 0..<d {
          let z = lower[j] + uniforms[i, j] * (upper[j] - lower[j])
          for c in 0..<d { out[i * d + c] += z * axes[j, c] }
        }
        for c in 0..<d { out[i * d + c] += center[c] }
      }
      return FeatureMatrix(rows: uniforms.rows, columns: d, names: axes.names, values: out)
    }

    /// A reference set of `rows` rows drawn with `rng` (row by row, coordinate by coordinate).
    public func draw(rows: Int, rng: inout SeededRandom) -> FeatureMatrix {
      let d = center.count
      var uniforms = ContiguousArray<Double>(repeating: 0, count: rows * d)
      for i in 0..<uniforms.count { uniforms[i] = rng.nextDouble() }
      return draw(uniforms: FeatureMatrix(rows: rows, columns: d, names: axes.names, values: uniforms))
    }
  }
}
