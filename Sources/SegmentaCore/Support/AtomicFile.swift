import Foundation

/// Writes exports so that a crash never leaves a half-written file: a temporary file in the same folder, then an
/// atomic rename over the destination (``FileAccess/writeAtomically(_:to:)``). Missing folders are created.
public enum AtomicFile {
  /// Writes `text` as UTF-8 to `path` atomically.
  /// - Throws: ``SegmentaError/fileUnwritable(path:reason:)`` with the system's reason.
  public static func write(_ text: String, to path: String) throws(SegmentaError) {
    try write(bytes: Array(text.utf8), to: path)
  }

  /// Writes `bytes` to `path` atomically.
  /// - Throws: ``SegmentaError/fileUnwritable(path:reason:)`` with the system's reason.
  public static func write(bytes: [UInt8], to path: String) throws(SegmentaError) {
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw .fileUnwritable(path: path, reason: "cannot create the folder '\(folder)'")
      }
    }
    try FileAccess.writeAtomically(bytes, to: path)
  }
}
