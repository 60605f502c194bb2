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
  /// Remembers the codes of repeated values.
  var interner = TextInterner()

  var rowCount: Int { records.recordCount - headerRecords }

  /// The field index of the block's data row `row`.
  @inline(__always) func field(_ row: Int) -> Int { records.index(row + headerRecords, column) }

  @inline(__always) func isMissing(_ row: Int) -> Bool { FieldText.isMissing(bytes, records.range(field(row))) }

  /// Quoted fields with doubled quotes are never numbers. Plain decimals take the short path.
  @inline(__always) func number(_ row: Int) -> NumberParsing.Outcome {
    let f = field(row)
    let range = records.range(f)
    if let value = NumberParsing.plainDecimal(bytes, range, decimalComma: decimalComma) { return .number(value) }
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
    return decoding.text(field(row))
  }

  mutating func appendCode(_ row: Int, to encoder: inout CategoryEncoder) {
    guard !isMissing(row) else { return encoder.append(code: Column.missingCode) }
    let f = field(row)
    let flags: UInt8 = (records.quoted[f] ? 1 : 0) | (records.isEscaped(f) ? 2 : 0)
    if let kept = interner.code(bytes, records.range(f), flags: flags) { return encoder.append(code: kept) }
    interner.remember(encoder.append(decoding.text(f)))
  }
}
