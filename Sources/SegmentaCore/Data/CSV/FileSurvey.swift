/// What one pass over a file's bytes finds before its records are read: the first NUL byte and the first byte
/// that is not UTF-8 (the fingerprint is ``FileFingerprintJob``'s). Read block by block, so the file's size does
/// not matter.
struct FileSurvey {
  /// The file's size in bytes.
  var size = 0
  /// The offset of the first NUL byte.
  var firstNul: Int?
  /// The offset of the first byte that is not part of well-formed UTF-8 (when checked).
  var firstInvalidUTF8: Int?

  /// Surveys `file` reading `blockSize` bytes at a time; UTF-8 is checked when `checkUTF8`. A multi-byte
  /// character cut by a block's end is checked with the next block.
  ///
  /// - Throws: ``SegmentaError/fileUnreadable(path:reason:)``, ``SegmentaError/interrupted`` (checked every
  ///   block).
  /// - Complexity: O(n) in the file size, with O(`blockSize`) memory.
  static func scan(
    _ file: InputFile, blockSize: Int, checkUTF8: Bool, context: ExecutionContext,
    progress: (Double) -> Void
  ) throws(SegmentaError) -> FileSurvey {
    var survey = FileSurvey()
    var block = ContiguousArray<UInt8>()
    var blockOffset = 0
    var atEnd = false
    while !atEnd {
      try context.checkCancellation()
      let carried = block.count
      let got = try file.read(max(1, blockSize), at: survey.size, appendingTo: &block)
      atEnd = got < max(1, blockSize)
      block.withUnsafeBufferPointer { bytes in
        if survey.firstNul == nil, let nul = ByteDecoding.firstNul(bytes, from: carried) {
          survey.firstNul = survey.size + nul - carried
        }
      }
      survey.size += got
      var keep = block.count
      if checkUTF8 && survey.firstInvalidUTF8 == nil {
        let invalid = block.withUnsafeBufferPointer { ByteDecoding.firstInvalidUTF8($0, from: 0) }
        if let invalid, !atEnd && invalid >= block.count - 3 {
          keep = invalid
        } else if let invalid {
          survey.firstInvalidUTF8 = blockOffset + invalid
        }
      }
      block.removeSubrange(0..<keep)
      blockOffset += keep
      progress(Double(survey.size))
    }
    return survey
  }
}
