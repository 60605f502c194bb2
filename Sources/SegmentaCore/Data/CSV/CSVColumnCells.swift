/// The fields of one CSV column as ``ColumnInference`` sees them: parsed straight from the file's bytes, so
/// numeric columns never allocate a string per cell.
struct CSVColumnCells: ColumnCells {
  let bytes: UnsafeBufferPointer<UInt8>
  let records: CSVRecords
  let decimalComma: Bool
  let decoding: FieldDecoding
  /// The 0-based field position.
  let column: Int

  var rowCount: Int { records.recordCount - 1 }

  /// The field index of data row `row` (record `row + 1`, after the header).
  @inline(__always) func field(_ row: Int) -> Int { records.index(row + 1, column) }

  func isMissing(_ row: Int) -> Bool { FieldText.isMissing(bytes, records.range(field(row))) }

  /// Quoted fields with doubled quotes are never numbers.
  func number(_ row: Int) -> NumberParsing.Outcome {
    let f = field(row)
    let range = records.range(f)
    if records.isEscaped(f) || FieldText.hasLeadingZero(bytes, range) { return .notANumber }
    return NumberParsing.parse(bytes, range, decimalComma: decimalComma)
  }

  func date(_ row: Int, format: DateFormat?) -> Int? {
    let f = field(row)
    guard !records.isEscaped(f) else { return nil }
    let range = records.range(f)
    return format.map { $0.days(bytes, range) } ?? DateFormat.detectedDays(bytes, range)
  }

  func text(_ row: Int) -> String? { isMissing(row) ? nil : decoding.text(field(row)) }
}
