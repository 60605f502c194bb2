/// The fields of one CSV column in one block of records, as ``ColumnInference`` sees them: parsed straight from
/// the block's bytes, so numeric columns never allocate a string per cell.
struct CSVColumnCells: ColumnCells {
  let bytes: UnsafeBufferPointer<UInt8>
  let records: CSVRecords
  /// 1 when the block's first record is the header, else 0.
  let headerRecords: Int
  let decimalComma: Bool
  let decoding: FieldDecoding
  /// The 0-based field position.
  let column: Int
  /// Shares the strings of repeated values.
  let interner = TextInterner()

  var rowCount: Int { records.recordCount - headerRecords }

  /// The field index of the block's data row `row`.
  @inline(__always) func field(_ row: Int) -> Int { records.index(row + headerRecords, column) }

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

  func text(_ row: Int) -> String? {
    guard !isMissing(row) else { return nil }
    let f = field(row)
    let flags: UInt8 = (records.quoted[f] ? 1 : 0) | (records.isEscaped(f) ? 2 : 0)
    if let kept = interner.text(bytes, records.range(f), flags: flags) { return kept }
    let text = decoding.text(f)
    interner.remember(text)
    return text
  }
}
