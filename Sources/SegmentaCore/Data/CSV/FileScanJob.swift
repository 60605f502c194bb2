import Dispatch
import Synchronization

/// The ``Fingerprint`` of a file's bytes, computed on another thread while the file's records are read.
///
/// FNV-1a is one chain of a multiplication per byte (about 0.1 s per 80 MB) that cannot be split without changing
/// the hash recorded sessions store; on the core that the sequential record splitting leaves idle it costs the
/// load nothing. With one thread (``ExecutionContext/threads``) it is computed when ``value()`` asks for it. The
/// hash covers the bytes up to the size the file had when opened, as every other read of it.
final class FileFingerprintJob: Sendable {
  /// Bytes hashed between two checks of the cancellation flag.
  static let chunkSize = 1 << 20

  private let file: InputFile
  private let context: ExecutionContext
  private let stopped = Atomic<Bool>(false)
  private let finished = DispatchSemaphore(value: 0)
  private let outcome = Mutex<Result<String, SegmentaError>?>(nil)

  /// Starts hashing `file` (on another thread when `context` has more than one).
  init(file: InputFile, context: ExecutionContext) {
    self.file = file
    self.context = context
    guard context.threads > 1 else { return }
    DispatchQueue.global().async { [self] in
      let result = Result { () throws(SegmentaError) in try self.hash() }
      outcome.withLock { $0 = result }
      finished.signal()
    }
  }

  /// Asks a running job to stop at its next chunk (the load failed or was cancelled).
  func stop() { stopped.store(true, ordering: .relaxed) }

  /// The fingerprint as 16 hexadecimal digits, waiting for the job to finish.
  ///
  /// - Throws: ``SegmentaError/fileUnreadable(path:reason:)`` when reading fails, ``SegmentaError/interrupted``
  ///   when cancelled (checked every ``chunkSize`` bytes).
  func value() throws(SegmentaError) -> String {
    guard context.threads > 1 else { return try hash() }
    finished.wait()
    finished.signal()
    return try outcome.withLock { $0 }.unsafelyUnwrapped.get()
  }

  private func hash() throws(SegmentaError) -> String {
    var fingerprint = Fingerprint()
    var chunk = ContiguousArray<UInt8>()
    chunk.reserveCapacity(Self.chunkSize)
    var offset = 0
    while offset < file.size {
      if stopped.load(ordering: .relaxed) { throw .interrupted }
      try context.checkCancellation()
      chunk.removeAll(keepingCapacity: true)
      let got = try file.read(Self.chunkSize, at: offset, appendingTo: &chunk)
      guard got > 0 else { break }
      chunk.withUnsafeBytes { fingerprint.add($0) }
      offset += got
    }
    return fingerprint.hex
  }
}
