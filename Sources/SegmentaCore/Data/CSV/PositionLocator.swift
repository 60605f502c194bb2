/// Finds the 1-based physical line and field number of a byte offset, for errors found before tokenizing
/// (NUL bytes, invalid UTF-8).
enum PositionLocator {
  /// The line and field of `offset`, scanning from `start` with the tokenizer's quoting rules.
  ///
  /// - Complexity: O(offset); only used on the error path.
  static func locate(
    _ offset: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, separator: UInt8
  ) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    var inQuotes = false
    var atFieldStart = true
    var i = start
    while i < offset {
      let b = bytes[i]
      if inQuotes && b == ASCII.quote && i + 1 < bytes.count && bytes[i + 1] == ASCII.quote {
        i += 2
        continue
      } else if inQuotes {
        if b == ASCII.quote { inQuotes = false }
      } else if b == ASCII.quote && atFieldStart {
        inQuotes = true
      } else if b == separator {
        column += 1
        atFieldStart = true
        i += 1
        continue
      } else if b == ASCII.lf || b == ASCII.cr {
        column = 1
        atFieldStart = true
      }
      if b == ASCII.lf || (b == ASCII.cr && (i + 1 >= bytes.count || bytes[i + 1] != ASCII.lf)) { line += 1 }
      if !(b == ASCII.cr || b == ASCII.lf) || inQuotes { atFieldStart = false }
      i += 1
    }
    return (line, column)
  }
}
