/// The assignment rule of a DBSCAN variant: a new row joins the segment of its nearest core point when that lies
/// within `eps` (‖x − c‖² ≤ eps², as in the fit), ties → the lowest segment; otherwise it is noise and is never
/// forced into a segment.
///
/// scikit-learn's `DBSCAN` has no `predict`; this is the standard rule (a new row that would be a border point of
/// the fitted clustering joins a segment it borders; one that is density-reachable from no core point is noise).
/// Unlike the fit, which gives a border point shared by several segments to the segment expanded first, the rule
/// takes the nearest core point, so the new row's segment does not depend on row order.
public struct DBSCANRule: Sendable, Equatable {
  /// The neighbourhood radius of the fit (feature units).
  public let eps: Double
  /// The core points of the fit (rows × model features).
  public let corePoints: FeatureMatrix
  /// The segment of each core point.
  public let coreSegments: ContiguousArray<Int32>

  public init(eps: Double, corePoints: FeatureMatrix, coreSegments: ContiguousArray<Int32>) {
    precondition(corePoints.rows == coreSegments.count, "one segment per core point")
    self.eps = eps
    self.corePoints = corePoints
    self.coreSegments = coreSegments
  }

  /// The rule of a fitted partition: the rows flagged core, with their labels.
  init(eps: Double, data: FeatureMatrix, labels: ContiguousArray<Int32>, isCore: ContiguousArray<Bool>) {
    let rows = isCore.indices.filter { isCore[$0] }
    self.init(
      eps: eps, corePoints: data.selectingRows(rows), coreSegments: ContiguousArray(rows.map { labels[$0] }))
  }

  /// The outcome for every row of `matrix`: a segment, noise, or missing when a row has a missing (NaN) value.
  ///
  /// Core points within eps come from a k-d tree (squared distances summed in column order, exact as a
  /// brute-force scan).
  /// - Complexity: O(c × d × log c) to index c core points, then about O(log c + core points within eps) per row.
  public func assign(_ matrix: FeatureMatrix) -> [ModelRule.Outcome] {
    precondition(matrix.columns == corePoints.columns, "the matrix must have the model's features")
    let d = corePoints.columns
    guard corePoints.rows > 0 else {
      return (0..<matrix.rows).map { i in (0..<d).contains { matrix[i, $0].isNaN } ? .missing : .noise }
    }
    let tree = KDTree(corePoints)
    let radius = eps * eps
    return tree.withQueries { q in
      matrix.values.withUnsafeBufferPointer { x in
        (0..<matrix.rows).map { i -> ModelRule.Outcome in
          if (0..<d).contains(where: { x[i * d + $0].isNaN }) { return .missing }
          let point = x.baseAddress.unsafelyUnwrapped + i * d
          var best: (distance: Double, segment: Int32)?
          q.forEach(within: radius, of: point) { p in
            let candidate = (q.distance(point, p), coreSegments[q.order[p]])
            if best.map({ candidate < $0 }) ?? true { best = candidate }
          }
          return best.map { .segment(Int($0.segment), probability: nil) } ?? .noise
        }
      }
    }
  }

  /// The same rule with segments renumbered (`newLabel[old]`).
  public func renumbered(_ newLabel: [Int32]) -> DBSCANRule {
    DBSCANRule(eps: eps, corePoints: corePoints, coreSegments: ContiguousArray(coreSegments.map { newLabel[Int($0)] }))
  }
}
