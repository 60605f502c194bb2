/// Text encodings a CSV file can arrive in.
public enum TextEncoding: String, Sendable, CaseIterable {
  case utf8 = "utf-8"
  case windows1252 = "windows-1252"
  case latin1 = "latin-1"
}

/// Options for reading a CSV file; `nil` means "detect".
public struct CSVOptions: Sendable, Equatable {
  /// Field separator (`,` `;` `\t` `|`), detected when `nil`.
  public var separator: UInt8?
  /// Whether numbers use a decimal comma (`1.234,56`), detected when `nil`.
  public var decimalComma: Bool?
  /// The file's encoding, detected when `nil` (UTF-8 if valid, else Windows-1252).
  public var encoding: TextEncoding?
  /// The identifier column, detected when `nil` (a unique, non-numeric-measure column such as `customer_id`).
  public var idColumn: String?
  /// Columns that must be read as dates, and their format.
  public var dates: DateColumns

  public init(
    separator: UInt8? = nil, decimalComma: Bool? = nil, encoding: TextEncoding? = nil, idColumn: String? = nil,
    dates: DateColumns = DateColumns()
  ) {
    self.separator = separator
    self.decimalComma = decimalComma
    self.encoding = encoding
    self.idColumn = idColumn
    self.dates = dates
  }
}

/// What `load` read and what it decided on the way.
public struct CSVLoad: Sendable {
  public let table: Table
  public let separator: UInt8
  public let decimalComma: Bool
  public let encoding: TextEncoding
  public let hadByteOrderMark: Bool
  /// A short, stable hash of the file's bytes (16 hex digits), to notice a changed input on replay.
  public let fingerprint: String

  public init(
    table: Table, separator: UInt8, decimalComma: Bool, encoding: TextEncoding, hadByteOrderMark: Bool,
    fingerprint: String
  ) {
    self.table = table
    self.separator = separator
    self.decimalComma = decimalComma
    self.encoding = encoding
    self.hadByteOrderMark = hadByteOrderMark
    self.fingerprint = fingerprint
  }
}

/// Reads CSV files as Excel and ERP systems export them.
///
/// The whole file is read as bytes and cut into fields without decoding (``CSVTokenizer``); the separator and
/// the decimal mark are detected unless given (``DialectDetection``); each column's kind is inferred from all of
/// its values (``TypeInference``). Numbers are parsed from the bytes, so numeric columns never allocate a string
/// per cell. Errors name the file, the 1-based physical line and the 1-based field number (the spreadsheet
/// column, not a character offset), and say what to do.
///
/// Decisions worth knowing:
/// - Missing: an empty or blank field, `NA`, `N/A`, `n/a`, `#N/A`, `-`, `null`, `NULL`, quoted or not. `NaN`
///   is not a missing marker: in a numeric column it is an error, like `inf` and overflowing values (`1e309`).
/// - Thousands separators: only `d{1,3}(,ddd)+` with a decimal point and `d{1,3}(.ddd)+` with a decimal comma;
///   anything ambiguous leaves the column as text rather than misreading it (``NumberParsing``).
/// - Decimal comma: detected only for files not separated by commas, by unambiguous fields (``DialectDetection``).
/// - Identifier: the first column whose name looks like one (`customer_id`, `KundenNr`) and whose values are all
///   present and unique (integer values qualify and keep their text); or exactly `options.idColumn`.
/// - Text: unquoted fields are trimmed of surrounding spaces, quoted fields are kept verbatim.
/// - A header without data rows is an error, as is an empty file. Blank lines are skipped (kept as missing
///   values in single-column files, except at the end).
public enum CSVReader {
  /// Reads `path` into a table called `name`.
  ///
  /// - Parameters:
  ///   - path: The file to read, as the user wrote it (errors repeat it verbatim).
  ///   - name: The table's name in the workspace.
  ///   - options: Separator, decimal mark, encoding and identifier column; `nil` fields are detected.
  ///   - context: Checked for cancellation every 65,536 rows.
  /// - Returns: The table and what was detected on the way, with a fingerprint of the file's bytes.
  /// - Throws: ``SegmentaError/fileUnreadable(path:reason:)`` when the file is missing, a directory, unreadable
  ///   or larger than 2 GiB; ``SegmentaError/csv(path:line:column:problem:hint:)`` for an empty file, a header
  ///   without data rows, a binary or UTF-16 file, invalid UTF-8 when UTF-8 is forced, malformed quoting, ragged
  ///   rows, empty or repeated column names, non-finite numbers in numeric columns, a column given as dates with
  ///   a value that is no date (in the given format), or an identifier column with missing or repeated values;
  ///   ``SegmentaError/unknownColumn(_:suggestion:)`` when `options.idColumn` or a date column names no column;
  ///   ``SegmentaError/invalidParameter(name:value:expected:)`` when the identifier is also given as a date
  ///   column; ``SegmentaError/interrupted`` when cancelled.
  /// - Complexity: O(n) in the file size, plus O(r log r) for each identifier-like numeric column of r rows.
  public static func load(path: String, name: String, options: CSVOptions = CSVOptions(), context: ExecutionContext)
    throws(SegmentaError) -> CSVLoad
  {
    let bytes = try FileAccess.readAll(path)
    guard bytes.count <= CSVRecords.maximumSize else {
      throw .fileUnreadable(path: path, reason: "the file is larger than 2 GiB, which the CSV reader does not support")
    }
    return try bytes.withUnsafeBufferPointer { (buffer) throws(SegmentaError) -> CSVLoad in
      try load(buffer, path: path, name: name, options: options, context: context)
    }
  }

  private static func load(
    _ bytes: UnsafeBufferPointer<UInt8>, path: String, name: String, options: CSVOptions, context: ExecutionContext
  ) throws(SegmentaError) -> CSVLoad {
    try context.checkCancellation()
    if ByteDecoding.hasUTF16ByteOrderMark(bytes) {
      throw .csv(
        path: path, line: 1, column: 1, problem: "the file is UTF-16 encoded",
        hint: "save it as \"CSV UTF-8\" (or Windows-1252) instead")
    }
    let hadBOM = bytes.starts(with: ByteDecoding.byteOrderMark)
    let start = hadBOM ? ByteDecoding.byteOrderMark.count : 0
    if let given = options.separator, given >= 0x80 || [ASCII.quote, ASCII.cr, ASCII.lf, 0].contains(given) {
      throw .invalidParameter(
        name: "separator", value: "byte \(given)", expected: "an ASCII character other than a quote or line break")
    }
    let separator = options.separator ?? DialectDetection.separator(bytes, from: start)
    if let nul = ByteDecoding.firstNul(bytes, from: start) {
      let at = PositionLocator.locate(nul, in: bytes, from: start, separator: separator)
      throw .csv(
        path: path, line: at.line, column: at.column, problem: "the file contains a NUL byte; it looks binary",
        hint: "check that this is the CSV export (not an Excel .xlsx or a UTF-16 file); save it as CSV")
    }
    try context.checkCancellation()
    let encoding = try encoding(bytes, from: start, path: path, separator: separator, forced: options.encoding)
    try context.checkCancellation()
    let records = try CSVTokenizer(path: path, separator: separator, context: context).tokenize(bytes, from: start)
    guard records.recordCount > 0 else {
      throw .csv(
        path: path, line: 1, column: 1, problem: "the file is empty",
        hint: "export the table with a header row and at least one data row")
    }
    guard records.recordCount > 1 else {
      throw .csv(
        path: path, line: records.endLine, column: 1, problem: "the file has a header but no data rows",
        hint: "check that this is the export you meant; the data rows are missing")
    }
    try context.checkCancellation()
    let decimalComma =
      options.decimalComma ?? DialectDetection.decimalComma(bytes, records: records, separator: separator)
    let decoding = FieldDecoding(bytes: bytes, records: records, encoding: encoding)
    let names = try HeaderNames.read(decoding, path: path)
    var forcedId: Int?
    if let idName = options.idColumn {
      guard let c = names.firstIndex(of: idName) else {
        throw .unknownColumn(idName, suggestion: closestMatch(to: idName, among: names))
      }
      forcedId = c
    }
    try options.dates.requireKnown(in: names, identifier: options.idColumn)
    let inference = TypeInference(
      bytes: bytes, records: records, decimalComma: decimalComma, decoding: decoding, path: path, context: context)
    var columns: [Column] = []
    var idColumn = options.idColumn
    for (c, columnName) in names.enumerated() {
      let role: ColumnInference.Role =
        options.dates.names.contains(columnName)
        ? .date(options.dates.format)
        : c == forcedId ? .identifier : (forcedId == nil && idColumn == nil ? .mayBeIdentifier : .notIdentifier)
      context.reportProgress("load", 0.6 + 0.4 * Double(c) / Double(max(1, names.count)))
      let column = try inference.column(c, name: columnName, role: role)
      if column.kind == .identifier { idColumn = columnName }
      columns.append(column)
    }
    return CSVLoad(
      table: Table(name: name, columns: columns, idColumn: idColumn), separator: separator,
      decimalComma: decimalComma, encoding: encoding, hadByteOrderMark: hadBOM,
      fingerprint: try Fingerprint.fnv1a64(bytes, context: context))
  }

  /// The given encoding, checked when it is UTF-8, or the detected one: UTF-8 when the bytes are valid UTF-8,
  /// Windows-1252 otherwise (Latin-1 is only used when asked for; it differs from Windows-1252 only in 0x80–0x9F).
  private static func encoding(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, path: String, separator: UInt8, forced: TextEncoding?
  ) throws(SegmentaError) -> TextEncoding {
    let invalid = forced == nil || forced == .utf8 ? ByteDecoding.firstInvalidUTF8(bytes, from: start) : nil
    if let forced {
      if let invalid {
        let at = PositionLocator.locate(invalid, in: bytes, from: start, separator: separator)
        let byte = String(bytes[invalid], radix: 16, uppercase: true)
        throw .csv(
          path: path, line: at.line, column: at.column, problem: "byte 0x\(byte) is not valid UTF-8",
          hint: "try encoding=windows-1252 (or latin-1); the file is probably not UTF-8")
      }
      return forced
    }
    return invalid == nil ? .utf8 : .windows1252
  }
}
