/// Whole records of a CSV file, from one block read.
struct CSVBlock {
  /// The bytes read; the records end at ``CSVRecords/consumed``, the rest is read again with the next block.
  let bytes: ContiguousArray<UInt8>
  /// The block's records, with offsets into ``bytes``.
  let records: CSVRecords
  /// The 0-based data row of the block's first data record.
  let firstRow: Int
  /// 1 when the block's first record is the header, else 0.
  let headerRecords: Int

  /// Data records in the block.
  var rowCount: Int { records.recordCount - headerRecords }
}

/// Reads a CSV file block by block, handing out whole records: an incomplete last record (a quoted field with a
/// newline, a CRLF, a multi-byte character cut by the block's end) is carried over to the next block, so the
/// records are those of the whole file for every block size. Offsets and counts are `Int`, so files larger than
/// 2 GiB are read; only a single record must stay below ``CSVRecords/maximumSize``.
struct CSVBlockReader {
  let file: InputFile
  let tokenizer: CSVTokenizer
  /// Bytes read at a time.
  let blockSize: Int
  /// Bytes read but not yet handed out (an incomplete record).
  private var pending = ContiguousArray<UInt8>()
  /// The bytes of the block handed out last: once its reader has let it go, its buffer holds the next block, so
  /// reading a file allocates (and the kernel zero-fills) two block buffers in all rather than one per block.
  private var handedOut = ContiguousArray<UInt8>()
  /// Where the next read starts in the file.
  private var readOffset: Int
  private var line = 1
  private var width = 0
  private var atEnd = false
  /// Records handed out so far, including the header.
  private(set) var recordCount = 0
  /// The physical line after the last record handed out: where a missing data row would have started.
  private(set) var endLine = 1
  /// How far the reading got, in bytes from the start of the file.
  var bytesRead: Int { readOffset }

  /// A reader starting at byte `start` (after a byte order mark).
  init(file: InputFile, tokenizer: CSVTokenizer, start: Int, blockSize: Int) {
    self.file = file
    self.tokenizer = tokenizer
    self.blockSize = max(1, blockSize)
    self.readOffset = start
  }

  /// The next block with at least one record, or `nil` at the end of the file.
  ///
  /// - Throws: the tokenizer's errors, ``SegmentaError/fileUnreadable(path:reason:)`` when reading fails,
  ///   ``SegmentaError/csv(path:line:column:problem:hint:)`` for a record longer than 2 GiB.
  mutating func next() throws(SegmentaError) -> CSVBlock? {
    while !(atEnd && pending.isEmpty) {
      if !atEnd {
        let got = try file.read(blockSize, at: readOffset, appendingTo: &pending)
        readOffset += got
        atEnd = got < blockSize
      }
      guard pending.count <= CSVRecords.maximumSize else {
        throw .csv(
          path: file.path, line: line, column: 1, problem: "a record (or an unclosed quote) is longer than 2 GiB",
          hint: "check the quoting from this line on: a quote that is never closed swallows the rest of the file")
      }
      let (line, width, atEnd) = (self.line, self.width, self.atEnd)
      let records = try pending.withUnsafeBufferPointer { (bytes) throws(SegmentaError) in
        try tokenizer.tokenizeBlock(bytes, line: line, width: width, isFinal: atEnd)
      }
      var rest = handedOut
      handedOut = []
      // Keeps the buffer when the last block was let go, else starts a new one.
      rest.removeAll(keepingCapacity: true)
      rest.reserveCapacity(pending.count - records.consumed + (atEnd ? 0 : blockSize))
      rest.append(contentsOf: pending[records.consumed...])
      let bytes = pending
      pending = rest
      handedOut = bytes
      self.line = records.nextLine
      self.width = records.width
      guard records.recordCount > 0 else { continue }
      let headerRecords = recordCount == 0 ? 1 : 0
      let firstRow = max(0, recordCount - 1)
      recordCount += records.recordCount
      endLine = records.endLine
      return CSVBlock(bytes: bytes, records: records, firstRow: firstRow, headerRecords: headerRecords)
    }
    return nil
  }
}
