import Foundation
import SegmentaCore
import SegmentaSources

/// Appends every accepted command and its output to a session file as the user works, flushed to disk before
/// the next prompt, so a crash or a killed terminal loses nothing (SESSION-FORMAT.md, "Recording while you work").
///
/// A write that fails (disk full, read-only folder) loses nothing either: the file is cut back to its last
/// complete command, the unwritten commands wait in memory in order, and every later ``record(_:_:)`` or
/// ``flush()`` tries again, so once there is room the file catches up with each command exactly once.
public final class Journal {
  /// The session file being written.
  public let path: String
  /// Bytes recorded but not yet on disk, oldest first.
  private var pending: [UInt8] = []
  /// How many commands `pending` holds (the header of a new file is not one).
  public private(set) var waitingCommands = 0

  /// Prepares to append to `path`, creating it (and its folder) with `header` first when it does not exist
  /// yet. Nothing is written until ``flush()`` or ``record(_:_:)``.
  /// - Parameter header: lines written first into a new file (e.g. `version 1`, `set seed 42`).
  public init(path: String, header: [String]) {
    self.path = path
    if !FileManager.default.fileExists(atPath: path) { pending = Self.bytes(header) }
  }

  /// Records a command with its outcome: output as `#>`/`#!`/`#~` lines; a failed command as prose comments
  /// (`# cmd` + `# error: …`) so a replay does not stop on it; an interrupted one as `# interrupted: cmd`.
  /// Passwords never reach the file (``Credentials/redacted(_:)``).
  /// - Throws: ``JournalError`` when the file cannot be written; the command stays in memory for the next try.
  public func record(_ sourceLines: [String], _ outcome: CommandOutcome) throws(JournalError) {
    guard outcome.journaled else { return }
    var lines: [String]
    if outcome.interrupted {
      lines = ["# interrupted: " + sourceLines.joined(separator: " ")]
    } else if outcome.error != nil {
      lines = sourceLines.map { "# " + $0 } + outcome.lines.map { "# " + $0.text }
    } else {
      lines = (outcome.recordedText.map { [$0] } ?? sourceLines) + outcome.lines.map(SessionFile.transcriptLine)
    }
    pending += Self.bytes(lines)
    waitingCommands += 1
    try flush()
  }

  /// Writes everything still waiting in memory, in order, and forces it to disk.
  /// - Throws: ``JournalError`` with the system's reason; the file then ends at its last complete command.
  public func flush() throws(JournalError) {
    guard !pending.isEmpty else { return }
    let folder = (path as NSString).deletingLastPathComponent
    do {
      if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      }
    } catch {
      throw JournalError(path: path, reason: "cannot create the folder '\(folder)'", waitingCommands: waitingCommands)
    }
    do {
      try DurableAppend.append(pending, to: path)
    } catch {
      pending.removeFirst(error.bytesKept)
      throw JournalError(path: path, reason: error.reason, waitingCommands: waitingCommands)
    }
    pending = []
    waitingCommands = 0
  }

  /// `lines` as UTF-8, one per line, with any password (in a connection URI someone typed) replaced by `***`.
  private static func bytes(_ lines: [String]) -> [UInt8] {
    guard !lines.isEmpty else { return [] }
    return Array((lines.map(Credentials.redacted).joined(separator: "\n") + "\n").utf8)
  }
}

/// The journal could not be written; what is not on disk yet waits in memory (``Journal``).
public struct JournalError: Error, CustomStringConvertible {
  /// The session file.
  public let path: String
  /// The operating system's reason (`No space left on device`, `Read-only file system`, …).
  public let reason: String
  /// Completed commands held in memory until the file can be written.
  public let waitingCommands: Int

  /// One line saying what failed, that nothing is lost and what to do.
  public var description: String {
    let waiting =
      switch waitingCommands {
      case 0: "the journal starts"
      case 1: "1 command waits in memory and is written"
      default: "\(waitingCommands) commands wait in memory and are written"
      }
    return "journal: cannot write '\(path)': \(reason) — the workspace is intact; \(waiting) as soon as the file "
      + "can be written again: free space or make the folder writable, or `save FILE.seg` elsewhere"
  }
}
