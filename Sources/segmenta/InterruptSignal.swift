import CReadline
import Dispatch
import SegmentaCore
import Synchronization

/// The process's Ctrl-C (SIGINT) flag, set by a C signal handler that does nothing else.
///
/// readline's own signal handling is off (`rl_catch_signals = 0`): at the prompt a Ctrl-C makes
/// ``ReadlineLineReader/readLine(prompt:)`` return ``LineInput/interrupted``; while a command runs, long
/// computations notice it through a ``CancellationFlag`` fed by ``forward(to:)`` and stop cleanly.
enum InterruptSignal {
  /// Installs the SIGINT handler (`sigaction`, no `SA_RESTART`). Safe to call more than once.
  static func install() { seg_sigint_install() }

  /// Whether a Ctrl-C arrived since the last ``clear()`` (a new readline prompt also clears it).
  static var isPending: Bool { seg_sigint_pending() != 0 }

  /// Clears the pending flag.
  static func clear() { seg_sigint_clear() }

  /// Starts a watcher that calls `flag.cancel()` within about `interval` of each Ctrl-C.
  ///
  /// The watcher compares the handler's signal count with the last count it saw, so it never consumes the
  /// flag readline uses for the prompt. A Ctrl-C at the prompt cancels `flag` too: call `flag.reset()`
  /// before running each command. Installs the handler if needed.
  ///
  /// - Parameters:
  ///   - flag: the flag long computations poll (``ExecutionContext/cancellation``).
  ///   - interval: polling period; 50 ms by default.
  /// - Returns: the running timer; keep it, and `cancel()` it to stop watching.
  @discardableResult
  static func forward(
    to flag: CancellationFlag, every interval: DispatchTimeInterval = .milliseconds(50)
  ) -> DispatchSourceTimer {
    install()
    let queue = DispatchQueue(label: "segmenta.sigint-watcher")
    let timer = DispatchSource.makeTimerSource(queue: queue)
    let seen = SignalCount(seg_sigint_count())
    timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(10))
    timer.setEventHandler {
      let now = seg_sigint_count()
      if seen.update(to: now) { flag.cancel() }
    }
    timer.resume()
    return timer
  }
}

/// The last signal count a watcher saw.
private final class SignalCount: Sendable {
  private let value: Atomic<UInt>
  init(_ value: UInt) { self.value = Atomic(value) }
  /// Stores `now` and reports whether it differs from the previous value.
  func update(to now: UInt) -> Bool {
    value.exchange(now, ordering: .relaxed) != now
  }
}
