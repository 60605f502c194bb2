/// The cells of one column as the type rules of ``ColumnInference`` see them, whatever they came from: CSV fields
/// (``CSVColumnCells``) or database values (``ResultColumn``). Rows are 0-based data rows.
protocol ColumnCells {
  /// Number of rows.
  var rowCount: Int { get }
  /// Whether the cell holds no value.
  func isMissing(_ row: Int) -> Bool
  /// The cell as a number: `.notANumber` for missing cells, texts that are not numbers and codes with a leading
  /// zero (`04078`); `.nonFinite` for infinities and NaN.
  func number(_ row: Int) -> NumberParsing.Outcome
  /// Days since 1970-01-01 when the cell is a date written in `format` (ISO or German when `nil`), else `nil`.
  func date(_ row: Int, format: DateFormat?) -> Int?
  /// The cell as text, `nil` when missing.
  func text(_ row: Int) -> String?
  /// Appends the cell's text (`nil` when missing) to `encoder`; cells that can tell equal texts apart without
  /// building them hand out the codes themselves.
  mutating func appendCode(_ row: Int, to encoder: inout CategoryEncoder)
}

extension ColumnCells {
  /// Appends ``text(_:)``.
  mutating func appendCode(_ row: Int, to encoder: inout CategoryEncoder) { encoder.append(text(row)) }
}
