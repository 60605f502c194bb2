/// Sorting 32-bit keys (the hashes of an identifier check) by radix, in place: the keys are first distributed by
/// their top 8 bits within the array itself (American flag sort: a count, then cycles of swaps), then each of the
/// 256 buckets is sorted by its low 24 bits with three least-significant-digit counting passes through a scratch
/// array of the largest bucket's size, sixteen groups of buckets on all threads. O(n) time like a plain LSD radix
/// sort (six sweeps over the keys instead of the ~20 merge rounds of a comparison sort on a million keys; a 1M-row
/// load took ~5 % less time), but without its scratch array of n keys, which at the end of a load, when every
/// column is built, set the peak memory (4 MB of the hashes' 8 MB at a million rows). The cancellation flag is
/// checked every ``InterruptibleSort/runLength`` keys. The result is the sorted array (a radix sort of plain
/// integers has no ties to break, so it is the same for every thread count).
enum RadixSort {
  /// Bits of the in-place distribution (256 buckets) and of each pass within a bucket (three passes of 8 bits).
  static let digitBits: UInt32 = 8
  /// Groups of buckets sorted in parallel (a fixed number, so the work does not depend on the thread count).
  static let bucketGroups = 16

  /// Sorts `values` in ascending order.
  ///
  /// - Throws: ``SegmentaError/interrupted`` when cancelled (`values` is then left in some order).
  /// - Complexity: O(n) time, O(n / 256) extra memory for evenly spread keys (O(n) at worst).
  static func sort(_ values: inout ContiguousArray<UInt32>, context: ExecutionContext) throws(SegmentaError) {
    try context.checkCancellation()
    guard values.count > 1 else { return }
    let finished = values.withUnsafeMutableBufferPointer { keys in
      guard let buckets = distribute(keys, cancellation: context.cancellation) else { return false }
      // The buckets are disjoint, so fixed groups of them are sorted on all threads, each with its own scratch.
      let shared = DisjointChunkWriter(keys)
      return !context.mapChunks(count: buckets.count, chunkCount: bucketGroups) { _, group in
        let largest = buckets[group].map(\.count).max() ?? 0
        var scratch = ContiguousArray<UInt32>(repeating: 0, count: largest)
        return scratch.withUnsafeMutableBufferPointer { scratch in
          for bucket in buckets[group] where bucket.count > 1 {
            if context.cancellation.isCancelled { return false }
            let part = UnsafeMutableBufferPointer(rebasing: shared.base[bucket])
            let spare = UnsafeMutableBufferPointer(rebasing: scratch[0..<bucket.count])
            pass(UnsafeBufferPointer(part), into: spare, shift: 0)
            pass(UnsafeBufferPointer(spare), into: part, shift: digitBits)
            pass(UnsafeBufferPointer(part), into: spare, shift: 2 * digitBits)
            _ = part.update(fromContentsOf: spare)
          }
          return true
        }
      }.contains(false)
    }
    guard finished else { throw .interrupted }
  }

  /// Moves every key into the bucket of its top 8 bits, in place; returns the buckets' ranges in order, or `nil`
  /// when cancelled.
  private static func distribute(
    _ keys: UnsafeMutableBufferPointer<UInt32>, cancellation: CancellationFlag
  ) -> [Range<Int>]? {
    let shift = 32 - digitBits
    let checkMask = InterruptibleSort.runLength - 1
    var counts = [Int](repeating: 0, count: 1 << Int(digitBits))
    for (i, key) in keys.enumerated() {
      if i & checkMask == 0 && cancellation.isCancelled { return nil }
      counts[Int(key >> shift)] += 1
    }
    var buckets: [Range<Int>] = []
    buckets.reserveCapacity(counts.count)
    var start = 0
    for count in counts {
      buckets.append(start..<start + count)
      start += count
    }
    var next = buckets.map(\.lowerBound)
    var moved = 0
    for digit in buckets.indices {
      while next[digit] < buckets[digit].upperBound {
        moved += 1
        if moved & checkMask == 0 && cancellation.isCancelled { return nil }
        let key = keys[next[digit]]
        let home = Int(key >> shift)
        if home == digit {
          next[digit] += 1
        } else {
          // The key goes to the next free place of its bucket; the key found there is placed next.
          keys[next[digit]] = keys[next[home]]
          keys[next[home]] = key
          next[home] += 1
        }
      }
    }
    return buckets
  }

  /// One stable counting pass on the 8-bit digit at `shift`: `source` scattered into `target`.
  private static func pass(
    _ source: UnsafeBufferPointer<UInt32>, into target: UnsafeMutableBufferPointer<UInt32>, shift: UInt32
  ) {
    let mask = UInt32(1) << digitBits - 1
    var starts = ContiguousArray<Int>(repeating: 0, count: 1 << Int(digitBits))
    for key in source { starts[Int(key >> shift & mask)] += 1 }
    var total = 0
    for digit in starts.indices {
      let count = starts[digit]
      starts[digit] = total
      total += count
    }
    for key in source {
      let digit = Int(key >> shift & mask)
      target[starts[digit]] = key
      starts[digit] += 1
    }
  }
}
