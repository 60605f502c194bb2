/// The pieces the three tree builders share: unsorted merges, distances, and a first-minimum search split into
/// chunks whose result does not depend on the chunking.
extension Hierarchical {
  /// A merge as a builder records it: two clusters named by a member row (the slot the cluster lives in), and the
  /// height. ``numbered(_:rows:)`` turns these into SciPy's numbering.
  struct RawMerge {
    let a: Int
    let b: Int
    let height: Double
  }

  /// A candidate of a nearest-neighbour search: its value and its position in the scan.
  struct Candidate: Sendable {
    var value: Double
    var index: Int

    /// No candidate yet.
    static let none = Candidate(value: .infinity, index: -1)
  }

  /// Chunks for a scan over `count` candidates costing about `cost` each; depends on the problem size only.
  static func chunkCount(candidates count: Int, cost: Int) -> Int {
    ExecutionContext.chunkCount(for: count * max(cost, 1), grain: 16_384)
  }

  /// Chunk minima combined in chunk order, keeping the first strict minimum: the same candidate a single scan in
  /// index order finds (lowest index among equal values), whatever the number of chunks.
  static func firstMinimum(_ parts: [Candidate]) -> Candidate {
    var best = Candidate.none
    for part in parts where part.value < best.value { best = part }
    return best
  }

  /// Σⱼ (x[a, j] − x[b, j])², summed in column order.
  @inline(__always)
  static func squaredDistance(_ x: UnsafeBufferPointer<Double>, _ a: Int, _ b: Int, columns d: Int) -> Double {
    var sum = 0.0
    for j in 0..<d {
      let delta = x[a * d + j] - x[b * d + j]
      sum += delta * delta
    }
    return sum
  }
}

/// A buffer handed to the chunks of ``ExecutionContext/mapChunks(count:chunkCount:_:)``: every chunk may read all
/// of it, but writes only to indices of its own range, so there are no races. The owner keeps the memory alive
/// for the duration of the call.
struct ChunkShared<Element>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Element>
}
