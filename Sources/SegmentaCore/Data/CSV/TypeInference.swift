/// Types the columns of a CSV file with the shared rules of ``ColumnInference`` and reports their problems as
/// CSV errors at the file's line and field.
struct TypeInference {
  let bytes: UnsafeBufferPointer<UInt8>
  let records: CSVRecords
  let decimalComma: Bool
  let decoding: FieldDecoding
  let path: String
  let context: ExecutionContext

  /// The typed column for field position `c`.
  ///
  /// - Throws: ``SegmentaError/csv(path:line:column:problem:hint:)`` for a non-finite number in a numeric
  ///   column, a value that is not a date in a column given as dates, or a missing or repeated value in a column
  ///   given as the identifier; ``SegmentaError/interrupted``.
  /// - Complexity: O(rows × field length).
  func column(_ c: Int, name: String, role: ColumnInference.Role) throws(SegmentaError) -> Column {
    let cells = CSVColumnCells(
      bytes: bytes, records: records, decimalComma: decimalComma, decoding: decoding, column: c)
    do throws(ColumnInference.Problem) {
      return try ColumnInference.column(cells, name: name, role: role, context: context)
    } catch {
      throw self.error(error, cells: cells, name: name, role: role)
    }
  }

  private func error(
    _ problem: ColumnInference.Problem, cells: CSVColumnCells, name: String, role: ColumnInference.Role
  )
    -> SegmentaError
  {
    let c = cells.column
    let line = { (row: Int) in records.line(of: row + 1, column: c, in: bytes) }
    switch problem {
    case .interrupted:
      return .interrupted
    case .nonFinite(let row):
      return .csv(
        path: path, line: line(row), column: c + 1,
        problem: "'\(decoding.text(cells.field(row)))' in numeric column '\(name)' is not a finite number",
        hint: "leave the field empty (or write NA) for a missing value, or correct the number")
    case .notADate(let row):
      return .csv(
        path: path, line: line(row), column: c + 1,
        problem:
          "'\(decoding.text(cells.field(row)))' in date column '\(name)' is not a date written \(role.expectedDateFormat)",
        hint: "correct the value, leave it empty for a missing date, or give the column's format=")
    case .missingIdentifier(let row):
      return .csv(
        path: path, line: line(row), column: c + 1, problem: "identifier column '\(name)' has a missing value",
        hint: "fill in the identifier, or choose another identifier column")
    case .repeatedIdentifier(let row, let firstRow):
      let value = decoding.text(cells.field(row))
      return .csv(
        path: path, line: line(row), column: c + 1,
        problem: "identifier '\(value)' in column '\(name)' repeats (first on line \(line(firstRow)))",
        hint: "remove the duplicate row, or choose another identifier column")
    }
  }
}
