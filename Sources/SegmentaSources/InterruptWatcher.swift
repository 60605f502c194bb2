import Dispatch
import Foundation
import SegmentaCore
import Synchronization

/// Turns the user's Ctrl-C into a database interrupt while a statement runs, for libraries whose calls block
/// until the database answers: polls the cancellation flag every 50 ms and calls `interrupt` once. It runs on a
/// thread of its own, not on Dispatch's shared pool, so a busy pool (parallel kernels, parallel tests) cannot
/// delay the interrupt.
final class InterruptWatcher: Sendable {
  private let stopped = Atomic<Bool>(false)

  /// Starts watching `flag`.
  init(flag: CancellationFlag, interrupt: @escaping @Sendable () -> Void) {
    let thread = Thread { [self] in
      while !stopped.load(ordering: .acquiring) {
        if flag.isCancelled {
          interrupt()
          return
        }
        Thread.sleep(forTimeInterval: 0.05)
      }
    }
    thread.start()
  }

  /// Stops watching; call when the statement has finished.
  func stop() { stopped.store(true, ordering: .releasing) }
}
