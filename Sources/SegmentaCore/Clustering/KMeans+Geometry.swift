/// Distances between centres, for the triangle-inequality bounds of Elkan's and Hamerly's iterations.
extension KMeans {
  /// Half the distance between every pair of centres (k × k, row-major; +∞ for a centre and itself, so that a
  /// test against it never admits a centre as its own rival) and, per centre, half the distance to its nearest
  /// other centre (+∞ when k = 1).
  struct CentreGeometry: Sendable {
    let halfDistances: ContiguousArray<Double>
    let nearestHalf: ContiguousArray<Double>

    /// - Complexity: O(k² × d).
    init(_ centres: ContiguousArray<Double>, k: Int, columns d: Int) {
      var half = ContiguousArray<Double>(repeating: .infinity, count: k * k)
      var nearest = ContiguousArray<Double>(repeating: .infinity, count: k)
      centres.withUnsafeBufferPointer { c in
        for a in 0..<k {
          for b in (a + 1)..<max(k, a + 1) {
            let value = squaredDistance(c, row: a, c, row: b, columns: d).squareRoot() / 2
            half[a * k + b] = value
            half[b * k + a] = value
            nearest[a] = Swift.min(nearest[a], value)
            nearest[b] = Swift.min(nearest[b], value)
          }
        }
      }
      halfDistances = half
      nearestHalf = nearest
    }
  }
}
