import Dispatch
import Foundation
import Synchronization
import Testing

@testable import SegmentaCore

/// The identifier check at the end of a load (sorting the values or the hashes of an identifier-like column)
/// sorts like the standard library and stops on Ctrl-C, set before or while it runs.
@Suite struct IdentifierCheckCancellationTests {
  /// Sizes around the run length, so single runs, uneven last runs and several merge rounds are all sorted.
  static let sizes = [
    0, 1, 2, 1000, InterruptibleSort.runLength, InterruptibleSort.runLength + 1, 5 * InterruptibleSort.runLength + 77,
  ]

  @Test(arguments: [1, 2]) func sortsLikeTheStandardLibrary(threads: Int) throws {
    var random = SeededRandom(seed: 7)
    for size in Self.sizes {
      var integers = ContiguousArray((0..<size).map { _ in random.nextInt(below: max(1, size / 3)) })
      var numbers = ContiguousArray((0..<size).map { _ in random.nextDouble() - 0.5 })
      let expectedIntegers = integers.sorted()
      let expectedNumbers = numbers.sorted()
      try InterruptibleSort.sort(&integers, context: ExecutionContext(threads: threads))
      try InterruptibleSort.sort(&numbers, context: ExecutionContext(threads: threads))
      #expect(integers.elementsEqual(expectedIntegers), "\(size) integers")
      #expect(numbers.elementsEqual(expectedNumbers), "\(size) numbers")
    }
  }

  @Test(arguments: [1, 2]) func radixSortSortsLikeTheStandardLibrary(threads: Int) throws {
    var random = SeededRandom(seed: 5)
    for size in Self.sizes {
      // Full-range keys, and keys with many repeats and only low bits set, so every pass has work and ties.
      var wide = ContiguousArray((0..<size).map { _ in UInt32(truncatingIfNeeded: random.nextInt(below: Int.max)) })
      var narrow = ContiguousArray((0..<size).map { _ in UInt32(random.nextInt(below: max(1, size / 3))) })
      let expectedWide = wide.sorted()
      let expectedNarrow = narrow.sorted()
      try RadixSort.sort(&wide, context: ExecutionContext(threads: threads))
      try RadixSort.sort(&narrow, context: ExecutionContext(threads: threads))
      #expect(wide.elementsEqual(expectedWide), "\(size) wide keys")
      #expect(narrow.elementsEqual(expectedNarrow), "\(size) narrow keys")
    }
    var extremes: ContiguousArray<UInt32> = [.max, 0, 1 << 31, 1 << 22, 1 << 11, .max, 0]
    try RadixSort.sort(&extremes, context: ExecutionContext(threads: threads))
    #expect(extremes == [0, 0, 1 << 11, 1 << 22, 1 << 31, .max, .max])
  }

  @Test func radixSortStopsWhenCancelled() {
    let context = ExecutionContext(threads: 1)
    var values = ContiguousArray<UInt32>((0..<(3 * UInt32(InterruptibleSort.runLength))).reversed())
    context.cancellation.cancel()
    #expect(throws: SegmentaError.interrupted) { try RadixSort.sort(&values, context: context) }
  }

  @Test func distinctValuesAreFoundAndRepeatsToo() throws {
    let context = ExecutionContext(threads: 2)
    let count = 3 * InterruptibleSort.runLength
    let ids = ContiguousArray((0..<count).map { Double(($0 * 7919) % count) })
    #expect(try DistinctValues.allDistinct(ids, context: context))
    var repeated = ids
    repeated[count - 1] = ids[0]
    #expect(try !DistinctValues.allDistinct(repeated, context: context))
    let texts: [String?] = (0..<count).map { "K\($0)" }
    #expect(try DistinctValues.firstRepeat(TextArena(texts), context: context) == nil)
    let repeats = try DistinctValues.firstRepeat(TextArena(texts + ["K9", "K5", "K9"]), context: context)
    #expect(repeats?.row == count && repeats?.firstRow == 9)
  }

  @Test func cancellationBeforeTheCheckIsHonoured() {
    let rows = 2 * InterruptibleSort.runLength
    let context = ExecutionContext(threads: 2)
    var numeric = ColumnAccumulator(name: "customer_id", role: .mayBeIdentifier)
    numeric.append(.numbers(ContiguousArray((0..<rows).map(Double.init)), firstNonFinite: nil))
    var textual = ColumnAccumulator(name: "customer_id", role: .mayBeIdentifier)
    textual.append(.texts((0..<rows).map { "K\($0)" }))
    #expect(throws: Never.self) { _ = try textual.settle(context: context) }
    context.cancellation.cancel()
    #expect(throws: ColumnInference.Problem.interrupted) { _ = try numeric.settle(context: context) }
    #expect(throws: ColumnInference.Problem.interrupted) { _ = try textual.column(context: context) }
  }

  @Test func cancellationWhileSortingStopsItWithinASecond() {
    let context = ExecutionContext(threads: 2)
    var random = SeededRandom(seed: 11)
    var values = ContiguousArray((0..<(1 << 22)).map { _ in random.nextInt(below: Int.max) })
    let cancelledAt = Atomic<UInt64>(0)
    // A thread of its own (not the dispatch pool, which other tests may keep busy) sets the flag mid-sort.
    Thread.detachNewThread {
      Thread.sleep(forTimeInterval: 0.002)
      cancelledAt.store(DispatchTime.now().uptimeNanoseconds, ordering: .sequentiallyConsistent)
      context.cancellation.cancel()
    }
    #expect(throws: SegmentaError.interrupted) { try InterruptibleSort.sort(&values, context: context) }
    let stopped = DispatchTime.now().uptimeNanoseconds
    let seconds = Double(stopped - min(stopped, cancelledAt.load(ordering: .sequentiallyConsistent))) / 1e9
    #expect(seconds < 1, "stopped \(seconds) s after the flag was set")
  }
}
