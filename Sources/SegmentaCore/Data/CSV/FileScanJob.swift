import Dispatch
import Synchronization

/// One pass over a file's bytes, on another thread while its records are read: the ``Fingerprint`` and the
/// ``FileSurvey`` (NUL bytes, UTF-8), each chunk read once for both.
///
/// FNV-1a is one chain of a multiplication per byte (about 0.1 s per 80 MB) that cannot be split without changing
/// the hash recorded sessions store; on a core of its own it costs the load little, and the survey's checks ride
/// along on the bytes it reads anyway. With one thread (``ExecutionContext/threads``) the pass runs at once, in
/// the initializer. The pass covers the bytes up to the size the file had when opened, as every other read of it.
final class FileScanJob: Sendable {
  /// Bytes read and checked between two checks of the cancellation flag.
  static let chunkSize = 1 << 20

  private let file: InputFile
  private let context: ExecutionContext
  private let checksUTF8: Bool
  private let stopped = Atomic<Bool>(false)
  /// Set as soon as the survey finds a NUL byte or a byte that is not UTF-8, before the pass ends.
  private let found = Atomic<Bool>(false)
  private let finished = DispatchSemaphore(value: 0)
  private let outcome = Mutex<Result<(survey: FileSurvey, fingerprint: String), SegmentaError>?>(nil)

  /// Starts the pass over `file` (on another thread when `context` has more than one), checking UTF-8 when
  /// `checksUTF8`.
  init(file: InputFile, checksUTF8: Bool, context: ExecutionContext) {
    self.file = file
    self.context = context
    self.checksUTF8 = checksUTF8
    guard context.threads > 1 else {
      outcome.withLock { $0 = Result { () throws(SegmentaError) in try self.scan() } }
      finished.signal()
      return
    }
    DispatchQueue.global().async { [self] in
      let result = Result { () throws(SegmentaError) in try self.scan() }
      outcome.withLock { $0 = result }
      finished.signal()
    }
  }

  /// Asks a running pass to stop at its next chunk (the load failed or was cancelled).
  func stop() { stopped.store(true, ordering: .relaxed) }

  /// Whether the survey found a NUL byte or a byte that is not UTF-8 so far (it may still be running).
  var hasFinding: Bool { found.load(ordering: .relaxed) }

  /// The survey, waiting for the pass to end.
  ///
  /// - Throws: ``SegmentaError/fileUnreadable(path:reason:)`` when reading fails, ``SegmentaError/interrupted``
  ///   when cancelled (checked every ``chunkSize`` bytes).
  func survey() throws(SegmentaError) -> FileSurvey { try result().survey }

  /// The fingerprint as 16 hexadecimal digits, waiting for the pass to end.
  ///
  /// - Throws: as ``survey()``.
  func fingerprint() throws(SegmentaError) -> String { try result().fingerprint }

  private func result() throws(SegmentaError) -> (survey: FileSurvey, fingerprint: String) {
    finished.wait()
    finished.signal()
    return try outcome.withLock { $0 }.unsafelyUnwrapped.get()
  }

  private func scan() throws(SegmentaError) -> (survey: FileSurvey, fingerprint: String) {
    var fingerprint = Fingerprint()
    var survey = FileSurvey(checksUTF8: checksUTF8)
    var chunk = ContiguousArray<UInt8>()
    chunk.reserveCapacity(Self.chunkSize + 4)
    var offset = 0
    var atEnd = false
    while !atEnd {
      if stopped.load(ordering: .relaxed) { throw .interrupted }
      try context.checkCancellation()
      let carried = chunk.count
      let got = try file.read(Self.chunkSize, at: offset, appendingTo: &chunk)
      offset += got
      atEnd = got < Self.chunkSize
      let carry = chunk.withUnsafeBufferPointer { bytes in
        fingerprint.add(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[carried...])))
        return survey.add(bytes, carried: carried, atEnd: atEnd)
      }
      if survey.hasFinding { found.store(true, ordering: .relaxed) }
      chunk.removeSubrange(0..<chunk.count - carry)
    }
    return (survey, fingerprint.hex)
  }
}
