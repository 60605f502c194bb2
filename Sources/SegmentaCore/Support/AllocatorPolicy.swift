import CKernels

/// How the process's C allocator hands memory back, set once at start-up by the executables.
///
/// glibc starts with a 128 KiB mmap threshold that it *raises* to the size of every mapped block the program frees
/// (up to 32 MiB), and its trim threshold to twice that. Loading a table frees a few such blocks early (the 1 MiB
/// head of a CSV file, the growing field offsets of the sample, the header block's records), so the heap that
/// serves the rest of the load's blocks, field lists and typed parts keeps up to twice the largest of them of free
/// memory: ~8 MB more peak RSS on a 1M-row file (docs/performance.md run 14). Fixing the threshold turns the
/// raising off and leaves the trim threshold at 128 KiB. It is fixed at the largest value glibc would raise it to,
/// so which blocks are mapped on their own stays as in a long-running process: a lower value (4 MiB) saved ~2 MB
/// more on the load but made DBSCAN ~10 % slower (measured in run 14, when DBSCAN at a wide eps still allocated
/// gigabytes of cross-chunk edges; since run 16 it keeps far fewer, and 4 MiB was not measured again).
public enum AllocatorPolicy {
  /// The size from which allocations are mapped on their own: glibc's own upper limit for its dynamic threshold
  /// on 64-bit machines.
  public static let mappedBlockSize = 32 << 20

  /// Fixes the mmap threshold at ``mappedBlockSize``; returns false (and changes nothing) where the C library is not
  /// glibc.
  @discardableResult
  public static func apply() -> Bool {
    segmenta_fix_mmap_threshold(mappedBlockSize)
  }
}
