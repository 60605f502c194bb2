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
/// The file is streamed in blocks (``CSVBlockReader``), never held in memory as a whole, so its size is not
/// limited: another thread computes the fingerprint and finds NUL bytes and the encoding (``FileScanJob``) while
/// the records are read, so a NUL byte or a byte that is not UTF-8 stops the reading (and a Windows-1252 file is
/// read again in its encoding); the separator and the decimal mark are detected from the first 4 MiB unless given
/// (``DialectDetection``); each block is cut into fields without decoding (``CSVTokenizer``) and
/// types its rows in parallel parts that are appended, in file order, straight into the columns
/// (``CSVColumnsBuilder``), each column's kind decided from all of its values. Numbers are parsed from the bytes,
/// so numeric columns never allocate a string per cell. Errors name the file, the 1-based physical line and the
/// 1-based field number (the spreadsheet column, not a character offset), and say what to do; they are the same
/// whatever the block size and the number of threads.
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
  /// Bytes read at a time: two tokenizer pieces (256 KiB each) per thread, at least 512 KiB. Enough for the
  /// parallel tokenizing and typing of a block to keep every thread busy, and no more: the two blocks in flight,
  /// their fields and their typed parts are the load's memory beyond the columns, and the allocator keeps what
  /// they used (on 1M rows with 2 threads the peak RSS was 142 MB with 2 MiB blocks, 136 MB with 1 MiB and 135 MB
  /// with 512 KiB, means of 8 alternating runs, at the same speed; 4 MiB peaked ~15 MB above 2 MiB).
  static func blockSize(threads: Int) -> Int {
    max(512 << 10, 2 * max(1, threads) * CSVTokenizer.bytesPerPiece)
  }
  /// Bytes at the start of the file from which the separator and the decimal mark are detected.
  static let dialectSampleSize = 4 << 20

  /// Reads `path` into a table called `name`.
  ///
  /// - Parameters:
  ///   - path: The file to read, as the user wrote it (errors repeat it verbatim).
  ///   - name: The table's name in the workspace.
  ///   - options: Separator, decimal mark, encoding and identifier column; `nil` fields are detected.
  ///   - context: Checked for cancellation every block and every 65,536 rows; told the progress.
  /// - Returns: The table and what was detected on the way, with a fingerprint of the file's bytes.
  /// - Throws: ``SegmentaError/fileUnreadable(path:reason:)`` when the file is missing, a directory or
  ///   unreadable; ``SegmentaError/csv(path:line:column:problem:hint:)`` for an empty file, a header
  ///   without data rows, a binary or UTF-16 file, invalid UTF-8 when UTF-8 is forced, malformed quoting, ragged
  ///   rows, a record longer than 2 GiB, empty or repeated column names, non-finite numbers in numeric columns,
  ///   a column given as dates with a value that is no date (in the given format), or an identifier column with
  ///   missing or repeated values; ``SegmentaError/unknownColumn(_:suggestion:)`` when `options.idColumn` or a
  ///   date column names no column; ``SegmentaError/invalidParameter(name:value:expected:)`` when the identifier
  ///   is also given as a date column; ``SegmentaError/interrupted`` when cancelled.
  /// - Complexity: O(n) in the file size, plus O(r log r) for each identifier-like numeric column of r rows;
  ///   memory O(block size) besides the columns.
  public static func load(path: String, name: String, options: CSVOptions = CSVOptions(), context: ExecutionContext)
    throws(SegmentaError) -> CSVLoad
  {
    try load(
      path: path, name: name, options: options, context: context, blockSize: blockSize(threads: context.threads))
  }

  /// ``load(path:name:options:context:)`` reading `blockSize` bytes at a time (tests use tiny blocks to cut
  /// records, quoted fields and characters at every possible place).
  static func load(
    path: String, name: String, options: CSVOptions, context: ExecutionContext, blockSize: Int
  ) throws(SegmentaError) -> CSVLoad {
    try context.checkCancellation()
    let file = try InputFile(path: path)
    let scan = FileScanJob(
      file: file, checksUTF8: options.encoding == nil || options.encoding == .utf8, context: context)
    defer { scan.stop() }
    var head = ContiguousArray<UInt8>()
    _ = try file.read(dialectSampleSize, at: 0, appendingTo: &head)
    let (separator, hadBOM) = try head.withUnsafeBufferPointer { (bytes) throws(SegmentaError) in
      try dialect(bytes, path: path, options: options)
    }
    let start = hadBOM ? ByteDecoding.byteOrderMark.count : 0
    let tokenizer = CSVTokenizer(path: path, separator: separator, context: context)
    let decimalComma =
      options.decimalComma
      ?? head.withUnsafeBufferPointer { bytes in
        sampleDecimalComma(bytes, from: start, tokenizer: tokenizer, isWholeFile: file.size <= bytes.count)
      }
    head = []
    // With more than one thread the records are read while the survey runs, in the encoding it will most likely
    // confirm; a NUL byte or a byte that is not UTF-8 stops the reading, and the survey's verdict comes before
    // anything the records say. With one thread the survey is already done.
    var checkedEncoding =
      context.threads > 1
      ? nil : try encoding(try scan.survey(), file: file, from: start, separator: separator, forced: options.encoding)
    while true {
      let source = CSVSource(
        file: file, tokenizer: tokenizer, start: start, blockSize: blockSize, decimalComma: decimalComma,
        encoding: checkedEncoding ?? options.encoding ?? .utf8)
      let read = Result { () throws(SegmentaError) in
        try records(source, options: options, context: context, stopOnFinding: checkedEncoding == nil ? scan : nil)
      }
      if case .failure(.interrupted) = read { throw .interrupted }
      if checkedEncoding == nil {
        checkedEncoding = try encoding(
          try scan.survey(), file: file, from: start, separator: separator, forced: options.encoding)
        if checkedEncoding != source.encoding { continue }
      }
      guard let (columns, idColumn) = try read.get() else { continue }
      return CSVLoad(
        table: Table(name: name, columns: columns, idColumn: idColumn), separator: separator,
        decimalComma: decimalComma, encoding: source.encoding, hadByteOrderMark: hadBOM,
        fingerprint: try scan.fingerprint())
    }
  }

  /// The typed columns of the records of `source`, and the identifier column's name; `nil` when `stopOnFinding`
  /// is given and its survey found a NUL byte or a byte that is not UTF-8 before the end (the reading stops then,
  /// since the survey decides the outcome).
  private static func records(
    _ source: CSVSource, options: CSVOptions, context: ExecutionContext, stopOnFinding scan: FileScanJob?
  ) throws(SegmentaError) -> (columns: [Column], idColumn: String?)? {
    guard let read = try blocks(source, options: options, context: context, stopOnFinding: scan) else { return nil }
    guard read.recordCount > 0 else {
      throw .csv(
        path: source.file.path, line: 1, column: 1, problem: "the file is empty",
        hint: "export the table with a header row and at least one data row")
    }
    guard read.recordCount > 1 else {
      throw .csv(
        path: source.file.path, line: read.endLine, column: 1, problem: "the file has a header but no data rows",
        hint: "check that this is the export you meant; the data rows are missing")
    }
    // A file with records has a header block, so `builder` is set.
    return try read.builder.unsafelyUnwrapped.get().columns(context: context)
  }

  /// Every block of `source` appended to a builder for the columns its header names (or the header's error), the
  /// records read (the header included) and the line after the last one; `nil` as for
  /// ``records(_:options:context:stopOnFinding:)``. The block reader and its buffers are gone once it returns,
  /// before the columns are settled (the load's peak).
  private static func blocks(
    _ source: CSVSource, options: CSVOptions, context: ExecutionContext, stopOnFinding scan: FileScanJob?
  ) throws(SegmentaError) -> (builder: Result<CSVColumnsBuilder, SegmentaError>?, recordCount: Int, endLine: Int)? {
    let size = source.file.size
    var reader = source.blocks()
    var builder: Result<CSVColumnsBuilder, SegmentaError>?
    while let block = try reader.next() {
      try context.checkCancellation()
      if scan?.hasFinding == true { return nil }
      if block.headerRecords == 1 {
        do throws(SegmentaError) {
          var columns = try header(block, source: source, options: options)
          columns.reserve(rows: estimatedRows(block, fileSize: size))
          builder = .success(columns)
        } catch {
          builder = .failure(error)
        }
      }
      if case .success(var columns) = builder {
        builder = nil
        try columns.append(block, context: context)
        builder = .success(columns)
      }
      context.reportProgress("load", 0.95 * Double(reader.bytesRead) / Double(max(1, size)))
    }
    return (builder, reader.recordCount, reader.endLine)
  }

  /// The separator (given or detected from the first bytes) and whether the file starts with a byte order mark.
  private static func dialect(
    _ head: UnsafeBufferPointer<UInt8>, path: String, options: CSVOptions
  ) throws(SegmentaError) -> (separator: UInt8, hadBOM: Bool) {
    if ByteDecoding.hasUTF16ByteOrderMark(head) {
      throw .csv(
        path: path, line: 1, column: 1, problem: "the file is UTF-16 encoded",
        hint: "save it as \"CSV UTF-8\" (or Windows-1252) instead")
    }
    let hadBOM = head.starts(with: ByteDecoding.byteOrderMark)
    if let given = options.separator, given >= 0x80 || [ASCII.quote, ASCII.cr, ASCII.lf, 0].contains(given) {
      throw .invalidParameter(
        name: "separator", value: "byte \(given)", expected: "an ASCII character other than a quote or line break")
    }
    let start = hadBOM ? ByteDecoding.byteOrderMark.count : 0
    return (options.separator ?? DialectDetection.separator(head, from: start), hadBOM)
  }

  /// Whether the first 1,000 data rows of the sample vote for a decimal comma; a sample the tokenizer rejects
  /// votes for a point (reading the file reports its error).
  private static func sampleDecimalComma(
    _ head: UnsafeBufferPointer<UInt8>, from start: Int, tokenizer: CSVTokenizer, isWholeFile: Bool
  ) -> Bool {
    do throws(SegmentaError) {
      let records = try tokenizer.tokenize(head, from: start, isFinal: isWholeFile)
      return DialectDetection.decimalComma(head, records: records, separator: tokenizer.separator)
    } catch {
      return false
    }
  }

  /// The names from the header block, checked, and a builder for the columns they name.
  private static func header(
    _ block: CSVBlock, source: CSVSource, options: CSVOptions
  ) throws(SegmentaError) -> CSVColumnsBuilder {
    let names = try block.bytes.withUnsafeBufferPointer { (bytes) throws(SegmentaError) in
      try HeaderNames.read(
        FieldDecoding(bytes: bytes, records: block.records, encoding: source.encoding), path: source.file.path)
    }
    var forcedId: Int?
    if let idName = options.idColumn {
      guard let c = names.firstIndex(of: idName) else {
        throw .unknownColumn(idName, suggestion: closestMatch(to: idName, among: names))
      }
      forcedId = c
    }
    try options.dates.requireKnown(in: names, identifier: options.idColumn)
    return CSVColumnsBuilder(source: source, names: names, forcedIdentifier: forcedId, dates: options.dates)
  }

  /// About how many data rows the file holds, from the first block's bytes per record (with a margin): room
  /// reserved but not touched costs no memory.
  private static func estimatedRows(_ block: CSVBlock, fileSize: Int) -> Int {
    let records = max(1, block.records.recordCount)
    let bytesPerRecord = max(1, block.records.consumed / records)
    return min(Int(Int32.max), fileSize / bytesPerRecord + fileSize / bytesPerRecord / 8 + 1024)
  }

  /// The encoding the survey of the whole file allows: an error for a NUL byte; the given encoding, checked when
  /// it is UTF-8, or the detected one: UTF-8 when the bytes are valid UTF-8, Windows-1252 otherwise (Latin-1 is
  /// only used when asked for; it differs from Windows-1252 only in 0x80–0x9F).
  private static func encoding(
    _ survey: FileSurvey, file: InputFile, from start: Int, separator: UInt8, forced: TextEncoding?
  ) throws(SegmentaError) -> TextEncoding {
    if let nul = survey.firstNul {
      let at = try locate(nul, in: file, from: start, separator: separator)
      throw .csv(
        path: file.path, line: at.line, column: at.column, problem: "the file contains a NUL byte; it looks binary",
        hint: "check that this is the CSV export (not an Excel .xlsx or a UTF-16 file); save it as CSV")
    }
    let invalid = forced == nil || forced == .utf8 ? survey.firstInvalidUTF8 : nil
    if let forced {
      if let invalid {
        let at = try locate(invalid, in: file, from: start, separator: separator)
        let byte = String(at.byte, radix: 16, uppercase: true)
        throw .csv(
          path: file.path, line: at.line, column: at.column, problem: "byte 0x\(byte) is not valid UTF-8",
          hint: "try encoding=windows-1252 (or latin-1); the file is probably not UTF-8")
      }
      return forced
    }
    return invalid == nil ? .utf8 : .windows1252
  }

  /// The line and field of byte `offset`, and the byte, reading the file up to it (only for messages).
  private static func locate(
    _ offset: Int, in file: InputFile, from start: Int, separator: UInt8
  ) throws(SegmentaError) -> (line: Int, column: Int, byte: UInt8) {
    var prefix = ContiguousArray<UInt8>()
    _ = try file.read(offset + 1, at: 0, appendingTo: &prefix)
    return prefix.withUnsafeBufferPointer { bytes in
      let at = PositionLocator.locate(offset, in: bytes, from: start, separator: separator)
      return (at.line, at.column, bytes[offset])
    }
  }
}
