/// Whether the values of an identifier-like column all differ: sorted (``InterruptibleSort``), so the check of a
/// column of tens of millions of rows uses the context's threads and stops within milliseconds on Ctrl-C.
enum DistinctValues {
  /// Rows hashed between two checks of the cancellation flag.
  static let checkInterval = 1 << 16

  /// Whether all numbers differ (`false` when one is NaN).
  ///
  /// - Throws: ``ColumnInference/Problem/interrupted`` when cancelled.
  /// - Complexity: O(n log n).
  static func allDistinct(_ numbers: ContiguousArray<Double>, context: ExecutionContext)
    throws(ColumnInference.Problem) -> Bool
  {
    guard !numbers.contains(where: \.isNaN) else { return false }
    var sorted = numbers
    do { try InterruptibleSort.sort(&sorted, context: context) } catch { throw .interrupted }
    return zip(sorted, sorted.dropFirst()).allSatisfy { $0 < $1 }
  }

  /// Whether all texts differ: their hashes sorted (8 bytes per row instead of a set of the strings); only texts
  /// whose hashes are equal are compared, and the first real repeat ends the search.
  ///
  /// - Throws: ``ColumnInference/Problem/interrupted`` when cancelled.
  /// - Complexity: O(n log n) for n texts.
  static func allDistinct(_ strings: [String?], context: ExecutionContext) throws(ColumnInference.Problem) -> Bool {
    var hashes = ContiguousArray<Int>(repeating: 0, count: strings.count)
    // Hashed in parallel chunks of about `checkInterval` rows, each checking the cancellation flag first.
    let hashed = hashes.withUnsafeMutableBufferPointer { buffer in
      let out = DisjointChunkWriter(buffer)
      return context.mapChunks(
        count: strings.count, chunkCount: ExecutionContext.chunkCount(for: strings.count, grain: checkInterval)
      ) { _, rows in
        if context.cancellation.isCancelled { return false }
        for r in rows { out[r] = strings[r].hashValue }
        return true
      }
    }
    guard !hashed.contains(false) else { throw .interrupted }
    do { try InterruptibleSort.sort(&hashes, context: context) } catch { throw .interrupted }
    var i = 0
    while i + 1 < hashes.count {
      if hashes[i] == hashes[i + 1] {
        let sharing = strings.filter { $0.hashValue == hashes[i] }
        if Set(sharing).count != sharing.count { return false }
      }
      i += 1
    }
    return true
  }
}
