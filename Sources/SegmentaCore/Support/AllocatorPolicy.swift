import CKernels

/// How the process's C allocator hands memory back, set once at start-up by the executables.
///
/// glibc starts with a 128 KiB mmap threshold that it *raises* to the size of every mapped block the program frees
/// (up to 32 MiB), and the trim threshold with it. Loading a table frees a few such blocks early (the 1 MiB head of a
/// CSV file, the growing field offsets of the sample), so from then on every block, field list and typed part of
/// the load comes from the heap, and what is freed there is kept: ~8 MB more peak RSS on a 1M-row file (measured
/// with `MALLOC_MMAP_THRESHOLD_` and in `segmenta run`, docs/performance.md run 14). A fixed threshold turns the
/// raising off: blocks of 4 MiB and more (columns, distance and label arrays) are mapped and returned when freed,
/// smaller ones reuse the heap, which is trimmed at glibc's default 128 KiB.
public enum AllocatorPolicy {
  /// The size from which allocations are mapped on their own.
  public static let mappedBlockSize = 4 << 20

  /// Fixes the mmap threshold at ``mappedBlockSize``; returns false (and changes nothing) where the C library is not
  /// glibc.
  @discardableResult
  public static func apply() -> Bool {
    segmenta_fix_mmap_threshold(mappedBlockSize)
  }
}
