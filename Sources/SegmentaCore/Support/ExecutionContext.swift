import Dispatch
import Synchronization

/// How a computation may run: the number of threads and a way to notice the user's Ctrl-C.
///
/// Results never depend on `threads`: work is split into a fixed number of chunks (a function of the problem
/// size only) and partial results are combined in chunk order.
public struct ExecutionContext: Sendable {
  /// Worker threads to use (≥ 1).
  public var threads: Int
  /// Set from outside (a signal handler's poller) to ask long computations to stop.
  public let cancellation: CancellationFlag
  /// Where long computations report how far they are (a terminal progress bar); `nil` when nobody watches.
  public let progress: ProgressReporter?

  public init(threads: Int = 1, cancellation: CancellationFlag = CancellationFlag(), progress: ProgressReporter? = nil)
  {
    self.threads = max(1, threads)
    self.cancellation = cancellation
    self.progress = progress
  }

  /// Reports that `label` is `fraction` (0…1) done. Never affects results or transcripts.
  public func reportProgress(_ label: String, _ fraction: Double) {
    progress?.update(label, fraction: fraction)
  }

  /// Throws ``SegmentaError/interrupted`` when cancellation was requested.
  public func checkCancellation() throws(SegmentaError) {
    if cancellation.isCancelled { throw .interrupted }
  }

  /// Runs `body(chunk, range)` for `chunkCount` contiguous ranges covering `0..<count`, on up to `threads`
  /// threads, and returns the per-chunk results in chunk order (so reductions are thread-count independent).
  ///
  /// - Parameter chunkCount: number of chunks; pass a value that depends on `count` only (see ``chunkCount(for:grain:)``).
  public func mapChunks<T: Sendable>(
    count: Int, chunkCount: Int, _ body: @Sendable (_ chunk: Int, _ range: Range<Int>) -> T
  ) -> [T] {
    let chunks = max(1, min(chunkCount, max(count, 1)))
    let results = ResultSlots<T>(count: chunks)
    let range = { @Sendable (c: Int) -> Range<Int> in (count * c / chunks)..<(count * (c + 1) / chunks) }
    if threads == 1 || chunks == 1 {
      for c in 0..<chunks { results.store(body(c, range(c)), at: c) }
    } else {
      let next = Atomic<Int>(0)
      DispatchQueue.concurrentPerform(iterations: min(threads, chunks)) { _ in
        while true {
          let c = next.add(1, ordering: .relaxed).oldValue
          if c >= chunks { break }
          results.store(body(c, range(c)), at: c)
        }
      }
    }
    return results.values()
  }

  /// A chunk count depending only on the problem size: about one chunk per `grain` items, at most 256.
  public static func chunkCount(for count: Int, grain: Int = 4096) -> Int {
    max(1, min(256, (count + grain - 1) / grain))
  }
}

/// A thread-safe "please stop" flag shared between the terminal layer and computations.
public final class CancellationFlag: Sendable {
  private let flag = Atomic<Bool>(false)
  public init() {}
  /// Whether a stop was requested.
  public var isCancelled: Bool { flag.load(ordering: .relaxed) }
  /// Requests a stop.
  public func cancel() { flag.store(true, ordering: .relaxed) }
  /// Clears the request before the next command.
  public func reset() { flag.store(false, ordering: .relaxed) }
}

/// Write-once slots filled by concurrent chunks; each slot is written by exactly one chunk.
private final class ResultSlots<T>: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<T?>
  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }
  deinit {
    _ = slots.deinitialize()
    slots.deallocate()
  }
  func store(_ value: T, at index: Int) { slots[index] = value }
  func values() -> [T] { slots.map { $0! } }
}

/// Receives progress of long computations for display outside the transcript (e.g. a bar on standard error).
public final class ProgressReporter: Sendable {
  private let sink: @Sendable (String, Double) -> Void
  private let done: @Sendable () -> Void

  /// - Parameters:
  ///   - update: called with a label and a fraction 0…1; must be cheap (callers report often).
  ///   - finish: called when the command ends, to clear the display.
  public init(update: @escaping @Sendable (String, Double) -> Void, finish: @escaping @Sendable () -> Void) {
    self.sink = update
    self.done = finish
  }

  /// Reports progress.
  public func update(_ label: String, fraction: Double) { sink(label, min(max(fraction, 0), 1)) }
  /// Clears the display after a command.
  public func finish() { done() }
}
