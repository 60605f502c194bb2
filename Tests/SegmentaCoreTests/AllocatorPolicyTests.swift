import Testing

@testable import SegmentaCore

#if canImport(Glibc)
  import Glibc

  /// What can be checked inside a test process whose heap other tests have already shaped: glibc accepts the
  /// fixed threshold, and a block under it comes from the heap (with glibc's default 128 KiB threshold, which a
  /// freshly started process has, it would be mapped). That the trim threshold stays low holds only in a fresh
  /// heap; docs/performance.md run 14 measures its effect on the product.
  @Suite struct AllocatorPolicyTests {
    /// Whether glibc serves `pointer` from its own mapping: bit 1 (IS_MMAPPED) of the chunk's size word, the
    /// machine word just before the pointer (glibc's chunk layout, unchanged since glibc 2.0).
    private func isMapped(_ pointer: UnsafeMutableRawPointer) -> Bool {
      (pointer - MemoryLayout<Int>.size).load(as: Int.self) & 2 != 0
    }

    @Test func glibcAcceptsTheFixedThreshold() {
      #expect(AllocatorPolicy.apply())
    }

    @Test func blocksUnderTheThresholdComeFromTheHeap() throws {
      #expect(AllocatorPolicy.apply())
      let block = try #require(malloc(AllocatorPolicy.mappedBlockSize / 2))
      defer { free(block) }
      #expect(!isMapped(block))
    }
  }
#endif
