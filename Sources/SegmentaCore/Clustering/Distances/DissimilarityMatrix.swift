/// All pairwise dissimilarities of `count` objects: a symmetric `count × count` matrix, row-major, zero diagonal.
///
/// Medoid methods read whole rows of it in their inner loops, so it is stored in full (8 n² bytes), not as a
/// triangle.
public struct DissimilarityMatrix: Sendable, Equatable {
  /// Number of objects.
  public let count: Int
  /// Row-major values: d(i, j) is at `i * count + j`.
  public let values: ContiguousArray<Double>

  /// A matrix from row-major values.
  public init(count: Int, values: ContiguousArray<Double>) {
    precondition(values.count == count * count, "value count does not match count × count")
    self.count = count
    self.values = values
  }

  /// d(i, j).
  @inlinable public subscript(i: Int, j: Int) -> Double { values[i * count + j] }
}
