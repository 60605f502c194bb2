/// Sorting large arrays in steps that notice Ctrl-C, on the context's threads.
///
/// Runs of ``runLength`` elements are sorted in parallel, then merged pairwise, round by round (stable merges of
/// neighbouring runs); the cancellation flag is checked before every run and every ``runLength`` merged
/// elements, so a stop is noticed within milliseconds even for tens of millions of elements. The result is the
/// sorted array, the same for every thread count.
enum InterruptibleSort {
  /// Elements per initially sorted run, and merged between two checks of the cancellation flag.
  static let runLength = 1 << 16

  /// Sorts `values` in ascending order.
  ///
  /// - Throws: ``SegmentaError/interrupted`` when cancelled (`values` is then left in some order).
  /// - Complexity: O(n log n) time, O(n) extra memory.
  static func sort<T: Comparable & Sendable>(_ values: inout ContiguousArray<T>, context: ExecutionContext)
    throws(SegmentaError)
  {
    try context.checkCancellation()
    let n = values.count
    guard n > 1 else { return }
    var scratch = values
    let finished = values.withUnsafeMutableBufferPointer { values in
      scratch.withUnsafeMutableBufferPointer { scratch in
        sort(DisjointChunkWriter(values), scratch: DisjointChunkWriter(scratch), count: n, context: context)
      }
    }
    guard finished else { throw .interrupted }
  }

  /// Sorts `values.base[0..<count]` using `scratch` (as long); `false` when cancelled.
  private static func sort<T: Comparable & Sendable>(
    _ values: DisjointChunkWriter<T>, scratch: DisjointChunkWriter<T>, count n: Int, context: ExecutionContext
  ) -> Bool {
    let cancellation = context.cancellation
    let runs = (n + runLength - 1) / runLength
    let sortedRuns = context.mapChunks(count: runs, chunkCount: runs) { _, range in
      for r in range {
        if cancellation.isCancelled { return false }
        var run = UnsafeMutableBufferPointer(rebasing: values.base[r * runLength..<min(n, (r + 1) * runLength)])
        run.sort()
      }
      return true
    }
    guard sortedRuns.allSatisfy({ $0 }) else { return false }
    var (source, target) = (values, scratch)
    var width = runLength
    while width < n {
      let pairs = (n + 2 * width - 1) / (2 * width)
      let merged = context.mapChunks(count: pairs, chunkCount: pairs) { [source, target, width] _, range in
        range.allSatisfy { p in
          let low = p * 2 * width
          return merge(
            source, into: target, low, min(n, low + width), min(n, low + 2 * width), cancellation: cancellation)
        }
      }
      guard merged.allSatisfy({ $0 }) else { return false }
      swap(&source, &target)
      width *= 2
    }
    if source.base.baseAddress != values.base.baseAddress {
      _ = values.base.update(fromContentsOf: source.base)
    }
    return true
  }

  /// Merges the sorted ranges `low..<mid` and `mid..<high` of `source` into the same range of `target`, taking
  /// from the left run first among equal elements; `false` when cancelled.
  private static func merge<T: Comparable>(
    _ source: DisjointChunkWriter<T>, into target: DisjointChunkWriter<T>, _ low: Int, _ mid: Int, _ high: Int,
    cancellation: CancellationFlag
  ) -> Bool {
    var (i, j) = (low, mid)
    for k in low..<high {
      if (k - low) % runLength == 0 && cancellation.isCancelled { return false }
      if j >= high || (i < mid && !(source[j] < source[i])) {
        target[k] = source[i]
        i += 1
      } else {
        target[k] = source[j]
        j += 1
      }
    }
    return true
  }
}
