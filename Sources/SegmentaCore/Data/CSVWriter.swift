/// Writes tables as plain CSV that ``CSVReader`` (and Excel, R, pandas) read back unchanged.
///
/// UTF-8 without byte order mark, `,` separator, LF line endings, RFC 4180 quoting only where needed (a field
/// containing `,` `"` CR or LF, or starting or ending with a space or tab). Numbers in Swift's shortest
/// round-trip form with integers written without `.0`, dates as ISO `YYYY-MM-DD`, missing values as empty
/// fields (see ``Column/text(at:)``).
///
/// Reading a written table gives the same table, except where the text itself decides: a categorical value that
/// is a missing marker (`NA`) reads back as missing, and a text column whose values all look like numbers or
/// dates reads back as numeric or date.
public enum CSVWriter {
  /// Writes `table` to `path`, atomically.
  ///
  /// - Parameters:
  ///   - table: The table; its columns become the header.
  ///   - path: The destination, replaced if it exists.
  /// - Throws: ``SegmentaError/fileUnwritable(path:reason:)`` when the folder is missing or not writable.
  /// - Complexity: O(rows × columns).
  public static func write(_ table: Table, to path: String) throws(SegmentaError) {
    var out: [UInt8] = []
    appendRecord(table.columns.map(\.name), to: &out)
    for row in 0..<table.rowCount {
      appendRecord(table.columns.map { $0.text(at: row) }, to: &out)
    }
    try AtomicFile.write(bytes: out, to: path)
  }

  /// Writes a header and rows of already formatted texts to `path`, atomically.
  ///
  /// - Parameters:
  ///   - header: The column names.
  ///   - rows: One array of field texts per row, each as long as `header`.
  ///   - path: The destination, replaced if it exists.
  /// - Throws: ``SegmentaError/fileUnwritable(path:reason:)`` when the folder is missing or not writable.
  public static func write(header: [String], rows: [[String]], to path: String) throws(SegmentaError) {
    var out: [UInt8] = []
    appendRecord(header, to: &out)
    for row in rows {
      precondition(row.count == header.count, "row has \(row.count) fields, header has \(header.count)")
      appendRecord(row, to: &out)
    }
    try AtomicFile.write(bytes: out, to: path)
  }

  private static func appendRecord(_ fields: [String], to out: inout [UInt8]) {
    for (k, field) in fields.enumerated() {
      if k > 0 { out.append(ASCII.comma) }
      appendField(field, to: &out)
    }
    out.append(ASCII.lf)
  }

  private static func appendField(_ field: String, to out: inout [UInt8]) {
    let utf8 = field.utf8
    let edges: Set<UInt8> = [ASCII.space, ASCII.tab]
    let needsQuotes =
      utf8.contains { $0 == ASCII.comma || $0 == ASCII.quote || $0 == ASCII.cr || $0 == ASCII.lf }
      || utf8.first.map(edges.contains) == true || utf8.last.map(edges.contains) == true
    guard needsQuotes else {
      out.append(contentsOf: utf8)
      return
    }
    out.append(ASCII.quote)
    for byte in utf8 {
      out.append(byte)
      if byte == ASCII.quote { out.append(ASCII.quote) }
    }
    out.append(ASCII.quote)
  }
}
