#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file opened for reading in blocks at any offset (`pread`), so it can be read more than once and is never
/// held in memory as a whole. Closed when the last reference goes.
final class InputFile: @unchecked Sendable {
  /// The path as the user wrote it (errors repeat it verbatim).
  let path: String
  /// The size when the file was opened (it may still grow; reads go on to its end).
  let size: Int
  private let descriptor: Int32

  /// Opens `path`.
  ///
  /// - Throws: ``SegmentaError/fileUnreadable(path:reason:)`` when the file does not exist, is a directory or
  ///   cannot be opened.
  init(path: String) throws(SegmentaError) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw .fileUnreadable(path: path, reason: FileAccess.lastErrorText()) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let reason = FileAccess.lastErrorText()
      close(fd)
      throw .fileUnreadable(path: path, reason: reason)
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      close(fd)
      throw .fileUnreadable(path: path, reason: "it is a directory")
    }
    self.path = path
    self.size = Int(info.st_size)
    self.descriptor = fd
  }

  deinit { close(descriptor) }

  /// Appends up to `count` bytes read at `offset` to `bytes`, never past the size the file had when opened;
  /// returns how many were read (fewer than `count` only at the end).
  ///
  /// - Throws: ``SegmentaError/fileUnreadable(path:reason:)`` when reading fails.
  func read(_ count: Int, at offset: Int, appendingTo bytes: inout ContiguousArray<UInt8>) throws(SegmentaError)
    -> Int
  {
    let count = min(count, max(0, size - offset))
    let old = bytes.count
    bytes.append(contentsOf: repeatElement(0, count: count))
    var got = 0
    while got < count {
      let n = bytes.withUnsafeMutableBytes { raw in
        pread(descriptor, raw.baseAddress.unsafelyUnwrapped + old + got, count - got, off_t(offset + got))
      }
      if n < 0 {
        if errno == EINTR { continue }
        bytes.removeSubrange(old...)
        throw .fileUnreadable(path: path, reason: FileAccess.lastErrorText())
      }
      if n == 0 { break }
      got += n
    }
    bytes.removeSubrange((old + got)...)
    return got
  }
}
