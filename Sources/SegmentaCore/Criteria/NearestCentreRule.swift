/// The nearest-centre criterion of a centroid, medoid or mixture variant: a row belongs to the segment whose
/// centre (in the model's transformed, scaled feature space) is nearest in squared Euclidean distance, ties to
/// the lowest segment. For k-means and Euclidean k-medoids this is the model's own assignment rule (Lloyd 1982;
/// Kaufman & Rousseeuw 1990), so it reproduces the fit by construction; for other methods its fidelity is
/// measured and reported.
public struct NearestCentreRule: Sendable, Equatable {
  /// The centres, one row per segment, columns = model features.
  public let centres: FeatureMatrix

  public init(centres: FeatureMatrix) { self.centres = centres }

  /// The nearest segment of row `i` of `matrix`, or `nil` when the row has a missing (NaN) value.
  ///
  /// The squared distance is summed over features in column order, as the exported SQL does.
  /// - Complexity: O(k × d).
  public func segment(ofRow i: Int, in matrix: FeatureMatrix) -> Int? {
    precondition(matrix.columns == centres.columns, "the matrix must have the model's features")
    let d = centres.columns
    var best: Int?
    var bestDistance = Double.infinity
    for s in 0..<centres.rows {
      var sum = 0.0
      for j in 0..<d {
        let diff = matrix[i, j] - centres[s, j]
        sum += diff * diff
      }
      if sum.isNaN { return nil }
      if best == nil || sum < bestDistance { (best, bestDistance) = (s, sum) }
    }
    return best
  }

  /// The nearest segment of every row of `matrix` (`nil` for rows with a missing value).
  /// - Complexity: O(n × k × d).
  public func assign(_ matrix: FeatureMatrix) -> [Int?] {
    (0..<matrix.rows).map { segment(ofRow: $0, in: matrix) }
  }
}
