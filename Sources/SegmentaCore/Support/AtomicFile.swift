import Foundation

/// Writes files so that a crash never leaves a half-written export: a temporary file in the same folder, then
/// an atomic rename over the destination. Missing folders are created.
public enum AtomicFile {
  /// Writes `text` as UTF-8 to `path` atomically.
  /// - Throws: ``SegmentaError/fileUnwritable(path:reason:)`` with the system's reason.
  public static func write(_ text: String, to path: String) throws(SegmentaError) {
    try write(Data(text.utf8), to: path)
  }

  /// Writes `data` to `path` atomically.
  /// - Throws: ``SegmentaError/fileUnwritable(path:reason:)`` with the system's reason.
  public static func write(_ data: Data, to path: String) throws(SegmentaError) {
    do {
      let folder = (path as NSString).deletingLastPathComponent
      if !folder.isEmpty {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      }
      try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
      throw .fileUnwritable(path: path, reason: reason)
    }
  }
}
