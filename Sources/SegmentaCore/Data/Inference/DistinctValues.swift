/// Whether the values of an identifier-like column all differ: numbers sorted with ``InterruptibleSort``, the
/// 32-bit hashes of texts with ``RadixSort``, so the check of a column of tens of millions of rows stops within
/// milliseconds on Ctrl-C.
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

  /// The first row (in row order) whose value an earlier row already has, and that earlier row's first
  /// occurrence; `nil` when the present values all differ (missing values are skipped). 32-bit hashes of the
  /// bytes are sorted in place (4 bytes per row, instead of a set of strings); only rows
  /// whose hash repeats are compared, through a dictionary of those rows alone (hashed again rather than kept,
  /// so the sorted hashes are the only per-row array). 32 bits give about n²/2³³ chance pairs (~120 at a
  /// million rows), each only compared once more.
  ///
  /// - Throws: ``ColumnInference/Problem/interrupted`` when cancelled.
  /// - Complexity: O(n) for n values.
  static func firstRepeat(_ arena: TextArena, context: ExecutionContext) throws(ColumnInference.Problem)
    -> (row: Int, firstRow: Int)?
  {
    var hashes = ContiguousArray<UInt32>(repeating: 0, count: arena.count)
    // Hashed in parallel chunks of about `checkInterval` rows, each checking the cancellation flag first.
    let hashed = hashes.withUnsafeMutableBufferPointer { buffer in
      let out = DisjointChunkWriter(buffer)
      return context.mapChunks(
        count: arena.count, chunkCount: ExecutionContext.chunkCount(for: arena.count, grain: checkInterval)
      ) { _, rows in
        if context.cancellation.isCancelled { return false }
        for r in rows { out[r] = UInt32(truncatingIfNeeded: arena.hashValue(at: r)) }
        return true
      }
    }
    guard !hashed.contains(false) else { throw .interrupted }
    do { try RadixSort.sort(&hashes, context: context) } catch { throw .interrupted }
    let repeated = RepeatedHashes(sorted: hashes)
    hashes = []
    guard !repeated.isEmpty else { return nil }
    // The rows whose hash repeats, found in parallel chunks and kept in row order; only they are compared.
    let sharing = context.mapChunks(
      count: arena.count, chunkCount: ExecutionContext.chunkCount(for: arena.count, grain: checkInterval)
    ) { [repeated] _, rows -> [Int]? in
      if context.cancellation.isCancelled { return nil }
      return rows.filter { repeated.contains(UInt32(truncatingIfNeeded: arena.hashValue(at: $0))) }
    }
    var firstRow: [String: Int] = [:]
    for chunk in sharing {
      guard let chunk else { throw .interrupted }
      for r in chunk {
        guard let value = arena[r] else { continue }
        if let first = firstRow[value] { return (r, first) }
        firstRow[value] = r
      }
    }
    return nil
  }
}

/// The hashes that occur more than once among sorted hashes, asked for once per row: a bitmap of their low 16
/// bits (8 KiB) answers almost every row, the sorted list the rest.
private struct RepeatedHashes: Sendable {
  private var values = ContiguousArray<UInt32>()
  private var filter = ContiguousArray<UInt64>(repeating: 0, count: 1 << 10)

  init(sorted hashes: ContiguousArray<UInt32>) {
    for i in hashes.indices.dropFirst() where hashes[i] == hashes[i - 1] && values.last != hashes[i] {
      values.append(hashes[i])
      filter[Int(hashes[i] & 0xFFFF) >> 6] |= 1 << (hashes[i] & 63)
    }
  }

  var isEmpty: Bool { values.isEmpty }

  func contains(_ hash: UInt32) -> Bool {
    guard filter[Int(hash & 0xFFFF) >> 6] & (1 << (hash & 63)) != 0 else { return false }
    var low = 0
    var high = values.count
    while low < high {
      let middle = (low + high) / 2
      if values[middle] < hash { low = middle + 1 } else { high = middle }
    }
    return low < values.count && values[low] == hash
  }
}
