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
  /// Writes `bytes` to `path` atomically: into a temporary file in the same folder, forced to disk, then renamed
  /// over `path`, so readers never see a half-written file. A failed write removes the temporary file and leaves
  /// an existing file at `path` as it was.
  ///
  /// - Throws: ``SegmentaError/fileUnwritable(path:reason:)`` when the folder is missing or not writable, or the
  ///   disk is full.
  static func writeAtomically(_ bytes: [UInt8], to path: String) throws(SegmentaError) {
    let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
    var template = Array((folder + ".segmenta-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
    guard fd >= 0 else { throw .fileUnwritable(path: path, reason: lastErrorText()) }
    let tempPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var failure: String?
    if case .failed(let reason, _) = writeAll(bytes, to: fd) {
      failure = reason
    } else if fchmod(fd, 0o644) != 0 || fsync(fd) != 0 {
      failure = lastErrorText()
    }
    if close(fd) != 0, failure == nil { failure = lastErrorText() }
    if failure == nil, rename(tempPath, path) != 0 { failure = lastErrorText() }
    if let failure {
      unlink(tempPath)
      throw .fileUnwritable(path: path, reason: failure)
    }
  }

  /// How a ``writeAll(_:to:)`` ended.
  enum WriteOutcome {
    /// Every byte was written.
    case complete
    /// Writing stopped with the system's `reason` after `written` bytes.
    case failed(reason: String, written: Int)
  }

  /// Writes all of `bytes` to `fd`, retrying short writes and interruptions; does not close `fd`.
  static func writeAll(_ bytes: [UInt8], to fd: Int32) -> WriteOutcome {
    bytes.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return .complete }
      var offset = 0
      while offset < raw.count {
        let wrote = write(fd, base + offset, raw.count - offset)
        if wrote < 0 {
          if errno == EINTR { continue }
          return .failed(reason: lastErrorText(), written: offset)
        }
        offset += wrote
      }
      return .complete
    }
  }

  /// The text of the current `errno` (`No space left on device`, …).
  static func lastErrorText() -> String {
    String(cString: strerror(errno))
  }
}
