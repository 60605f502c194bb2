import Foundation
import SegmentaCore
import SegmentaSources

/// Appends every accepted command and its output to a session file as the user works, flushed to disk before
/// the next prompt, so a crash or a killed terminal loses nothing (SESSION-FORMAT.md, "Recording while you work").
public final class Journal {
  /// The session file being written.
  public let path: String
  private let handle: FileHandle

  /// Opens `path` for appending, creating it (and its folder) with a header when it does not exist yet.
  /// - Parameter header: lines written first into a new file (e.g. `version 1`, `set seed 42`).
  public init(path: String, header: [String]) throws(SegmentaError) {
    self.path = path
    let fm = FileManager.default
    let folder = (path as NSString).deletingLastPathComponent
    do {
      if !folder.isEmpty { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) }
      let isNew = !fm.fileExists(atPath: path)
      if isNew, !fm.createFile(atPath: path, contents: nil) {
        throw SegmentaError.fileUnwritable(path: path, reason: "cannot create the session file")
      }
      handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
      try handle.seekToEnd()
      if isNew { try write(header) }
    } catch let error as SegmentaError {
      throw error
    } catch {
      throw .fileUnwritable(path: path, reason: (error as NSError).localizedDescription)
    }
  }

  deinit { try? handle.close() }

  /// Records a command with its outcome: output as `#>`/`#!`/`#~` lines; a failed command as prose comments
  /// (`# cmd` + `# error: …`) so a replay does not stop on it; an interrupted one as `# interrupted: cmd`.
  /// Passwords never reach the file (``Credentials/redacted(_:)``).
  public func record(_ sourceLines: [String], _ outcome: CommandOutcome) throws(SegmentaError) {
    guard outcome.journaled else { return }
    var lines: [String]
    if outcome.interrupted {
      lines = ["# interrupted: " + sourceLines.joined(separator: " ")]
    } else if outcome.error != nil {
      lines = sourceLines.map { "# " + $0 } + outcome.lines.map { "# " + $0.text }
    } else {
      lines = (outcome.recordedText.map { [$0] } ?? sourceLines) + outcome.lines.map(SessionFile.transcriptLine)
    }
    do { try write(lines) } catch { throw .fileUnwritable(path: path, reason: (error as NSError).localizedDescription) }
  }

  /// Appends `lines`, with any password (in a connection URI someone typed) replaced by `***`.
  private func write(_ lines: [String]) throws {
    let text = lines.map(Credentials.redacted).joined(separator: "\n") + "\n"
    try handle.write(contentsOf: Data(text.utf8))
    try handle.synchronize()
  }
}
