#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Atomic writes: with ``InputFile``, the only place the CSV code calls the C library for files, so errors carry
/// the operating system's reason (`No such file or directory`, `Is a directory`, …).
enum FileAccess {
  /// Writes `bytes` to `path` atomically: into a temporary file in the same folder, then renamed over `path`,
  /// so readers never see a half-written file and a failed write leaves the old file in place.
  ///
  /// - Throws: ``SegmentaError/fileUnwritable(path:reason:)`` when the folder is missing or not writable, or the
  ///   disk is full.
  static func writeAtomically(_ bytes: [UInt8], to path: String) throws(SegmentaError) {
    let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
    var template = Array((folder + ".segmenta-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
    guard fd >= 0 else { throw .fileUnwritable(path: path, reason: lastErrorText()) }
    let tempPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    do throws(SegmentaError) {
      try writeAll(bytes, to: fd, path: path)
      fchmod(fd, 0o644)
      guard close(fd) == 0 else { throw .fileUnwritable(path: path, reason: lastErrorText()) }
      guard rename(tempPath, path) == 0 else { throw .fileUnwritable(path: path, reason: lastErrorText()) }
    } catch {
      unlink(tempPath)
      throw error
    }
  }

  private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(SegmentaError) {
    let failure: String? = bytes.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return nil }
      var offset = 0
      while offset < raw.count {
        let wrote = write(fd, base + offset, raw.count - offset)
        if wrote < 0 {
          if errno == EINTR { continue }
          return lastErrorText()
        }
        offset += wrote
      }
      return nil
    }
    if let failure {
      close(fd)
      throw .fileUnwritable(path: path, reason: failure)
    }
  }

  /// The C library's text for the current `errno`.
  static func lastErrorText() -> String {
    String(cString: strerror(errno))
  }
}
