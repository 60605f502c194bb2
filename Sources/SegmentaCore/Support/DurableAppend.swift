#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Appends to a file all or nothing and forces the bytes to disk before returning: what the session journal
/// needs so that a full disk or a read-only folder never leaves half a command in the file.
public enum DurableAppend {
  /// Why an ``append(_:to:)`` failed and how much of it stayed in the file.
  public struct Failure: Error {
    /// The operating system's reason (`No space left on device`, `Read-only file system`, …).
    public let reason: String
    /// How many leading bytes stayed in the file: 0, unless cutting the file back after a partial write failed
    /// too; the caller then writes only the rest next time, so nothing is written twice.
    public let bytesKept: Int
  }

  /// Appends `bytes` to `path` (created with mode 0644 when missing) and forces them to disk. When writing or
  /// forcing fails part-way, the file is cut back to its previous length.
  /// - Throws: ``Failure`` with the system's reason.
  public static func append(_ bytes: [UInt8], to path: String) throws(Failure) {
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw Failure(reason: FileAccess.lastErrorText(), bytesKept: 0) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw Failure(reason: FileAccess.lastErrorText(), bytesKept: 0) }
    let written: Int
    let reason: String
    switch FileAccess.writeAll(bytes, to: fd) {
    case .complete:
      guard fsync(fd) != 0 else { return }
      (written, reason) = (bytes.count, FileAccess.lastErrorText())
    case .failed(let why, let count):
      (written, reason) = (count, why)
    }
    let cutBack = written == 0 || ftruncate(fd, info.st_size) == 0
    throw Failure(reason: reason, bytesKept: cutBack ? 0 : written)
  }
}
