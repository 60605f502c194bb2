import Foundation
import SegmentaCore
import Synchronization

/// A progress bar on standard error for long commands, drawn at most ten times a second and erased when the
/// command ends. Only used when standard error is a terminal: transcripts and pipes never see it.
enum TerminalProgress {
  /// A reporter drawing on standard error, or `nil` when standard error is not a terminal.
  static func reporter() -> ProgressReporter? {
    guard isatty(STDERR_FILENO) != 0 else { return nil }
    let state = Mutex<(lastDraw: UInt64, shown: Bool)>((0, false))
    return ProgressReporter(
      update: { label, fraction in
        let now = DispatchTime.now().uptimeNanoseconds
        let draw = state.withLock { s -> Bool in
          guard now - s.lastDraw > 100_000_000 else { return false }
          s = (now, true)
          return true
        }
        guard draw else { return }
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let text = "\r\u{1B}[2K\(label) \(bar) \(Int(fraction * 100))%  (Ctrl-C stops)"
        FileHandle.standardError.write(Data(text.utf8))
      },
      finish: {
        let shown = state.withLock { s -> Bool in
          defer { s = (0, false) }
          return s.shown
        }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
      })
  }
}
