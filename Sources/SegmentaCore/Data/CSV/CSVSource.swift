/// Where a CSV file's records come from, and how to read them: the file, the tokenizer (separator), the offset
/// after a byte order mark, the block size, the decimal mark and the encoding. Can be read again from the start,
/// for the texts of a column that turned out to be text late, or for the position of a problem.
struct CSVSource {
  let file: InputFile
  let tokenizer: CSVTokenizer
  /// Where the records start (after a byte order mark).
  let start: Int
  let blockSize: Int
  let decimalComma: Bool
  let encoding: TextEncoding

  /// A reader from the first record on.
  func blocks() -> CSVBlockReader {
    CSVBlockReader(file: file, tokenizer: tokenizer, start: start, blockSize: blockSize)
  }

  /// Calls `body` with the cells of column `column` in `block`.
  func withCells<T>(
    _ block: CSVBlock, column: Int, _ body: (CSVColumnCells) throws(ColumnInference.Problem) -> T
  ) throws(ColumnInference.Problem) -> T {
    try block.bytes.withUnsafeBufferPointer { (bytes) throws(ColumnInference.Problem) in
      try body(cells(bytes, block, column: column))
    }
  }

  /// The cells of column `column` in `block`, whose bytes are `bytes`.
  func cells(_ bytes: UnsafeBufferPointer<UInt8>, _ block: CSVBlock, column: Int) -> CSVColumnCells {
    CSVColumnCells(
      bytes: bytes, records: block.records, headerRecords: block.headerRecords, decimalComma: decimalComma,
      decoding: FieldDecoding(bytes: bytes, records: block.records, encoding: encoding), column: column)
  }

  /// The physical line and the text of data row `row`'s field in column `column`, reading the file again up to
  /// it (only for messages).
  func field(row: Int, column: Int) throws(SegmentaError) -> (line: Int, text: String) {
    var reader = blocks()
    while let block = try reader.next() {
      guard row < block.firstRow + block.rowCount else { continue }
      let record = row - block.firstRow + block.headerRecords
      return block.bytes.withUnsafeBufferPointer { bytes in
        let decoding = FieldDecoding(bytes: bytes, records: block.records, encoding: encoding)
        return (
          block.records.line(of: record, column: column, in: bytes),
          decoding.text(block.records.index(record, column))
        )
      }
    }
    return (reader.endLine, "")
  }
}
