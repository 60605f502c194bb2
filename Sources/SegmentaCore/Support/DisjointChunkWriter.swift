/// A mutable buffer that the bodies of ``ExecutionContext/mapChunks(count:chunkCount:_:)`` may write
/// concurrently, each chunk only at indices that belong to it (its row range, or `range × stride`).
///
/// Per-row state that an algorithm keeps across iterations (labels, distance bounds) is updated in place this way
/// instead of being copied out of every chunk and joined again. The buffer must outlive the `mapChunks` call:
/// create it inside `withUnsafeMutableBufferPointer`.
struct DisjointChunkWriter<Element>: @unchecked Sendable {
  let base: UnsafeMutableBufferPointer<Element>

  init(_ base: UnsafeMutableBufferPointer<Element>) { self.base = base }

  @inline(__always)
  subscript(index: Int) -> Element {
    get { base[index] }
    nonmutating set { base[index] = newValue }
  }
}

/// Runs `body` with writers over three arrays (labels and two kinds of bounds, say), valid for its duration.
func withDisjointChunkWriters<A, B, C, R>(
  _ a: inout ContiguousArray<A>, _ b: inout ContiguousArray<B>, _ c: inout ContiguousArray<C>,
  _ body: (DisjointChunkWriter<A>, DisjointChunkWriter<B>, DisjointChunkWriter<C>) -> R
) -> R {
  a.withUnsafeMutableBufferPointer { pa in
    b.withUnsafeMutableBufferPointer { pb in
      c.withUnsafeMutableBufferPointer { pc in
        body(DisjointChunkWriter(pa), DisjointChunkWriter(pb), DisjointChunkWriter(pc))
      }
    }
  }
}
