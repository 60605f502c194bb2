/// What one pass over a file's bytes finds: the first NUL byte and the first byte that is not UTF-8 (the
/// fingerprint is ``FileScanJob``'s, in the same pass). Fed chunk by chunk, so the file's size does not matter.
struct FileSurvey {
  /// Whether UTF-8 is checked.
  let checksUTF8: Bool
  /// The file's size in bytes (the bytes surveyed so far).
  private(set) var size = 0
  /// The offset of the first NUL byte.
  private(set) var firstNul: Int?
  /// The offset of the first byte that is not part of well-formed UTF-8 (when checked).
  private(set) var firstInvalidUTF8: Int?

  init(checksUTF8: Bool) { self.checksUTF8 = checksUTF8 }

  /// Whether the survey found something that decides the load: a NUL byte or a byte that is not UTF-8.
  var hasFinding: Bool { firstNul != nil || firstInvalidUTF8 != nil }

  /// Surveys the new bytes `chunk[carried...]`, whose first `carried` bytes are the ones the last call asked to
  /// carry over (the start of a multi-byte character cut by the end of the last chunk); `atEnd` when the chunk
  /// ends the file. Returns how many bytes at the chunk's end to carry over to the next call.
  mutating func add(_ chunk: UnsafeBufferPointer<UInt8>, carried: Int, atEnd: Bool) -> Int {
    let start = size - carried
    if firstNul == nil, let nul = ByteDecoding.firstNul(chunk, from: carried) { firstNul = start + nul }
    size = start + chunk.count
    guard checksUTF8 && firstInvalidUTF8 == nil, let invalid = ByteDecoding.firstInvalidUTF8(chunk, from: 0) else {
      return 0
    }
    if !atEnd && invalid >= chunk.count - 3 { return chunk.count - invalid }
    firstInvalidUTF8 = start + invalid
    return 0
  }
}
