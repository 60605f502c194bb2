/// Fields of a block of CSV records as byte ranges, cut per RFC 4180 with the common real-world extensions.
///
/// Accepted: quoted fields with embedded separators, doubled quotes and CR/LF newlines; CRLF, LF and lone-CR
/// line endings; a missing final newline; blank lines (skipped when the header has more than one column, kept as
/// empty fields otherwise, always dropped at the end of the file); spaces between a closing quote and the next
/// separator. A quote inside an unquoted field is kept as a literal character, as Excel does.
///
/// Every record must have as many fields as the header; the first one that does not is reported with its line.
/// Offsets are relative to the block, which is at most ``maximumSize`` bytes long.
struct CSVRecords {
  /// Bit set in ``ends`` for quoted fields that contain doubled quotes to be undoubled.
  static let escapedFlag: UInt32 = 1 << 31
  /// Largest block the 31-bit offsets can address: a single record may not be longer.
  static let maximumSize = Int(Int32.max)

  /// Start offset of each field's content (after an opening quote), row-major: field `c` of record `r` is at
  /// index `r * width + c`.
  var starts: ContiguousArray<UInt32> = []
  /// End offset of each field's content (before a closing quote), with ``escapedFlag`` set when needed.
  var ends: ContiguousArray<UInt32> = []
  /// Whether each field was quoted, by the same index.
  var quoted: ContiguousArray<Bool> = []
  /// The physical (1-based) line on which each record starts.
  var lines: ContiguousArray<Int> = []
  /// Fields per record (the header's field count).
  var width = 0
  /// The physical line after the last non-blank record: where a missing data row would have started.
  var endLine = 1
  /// Where the first record that is not part of this block starts (the block's length when it ends the file).
  var consumed = 0
  /// The physical line at ``consumed``.
  var nextLine = 1

  /// Records in the block.
  var recordCount: Int { lines.count }

  /// Index of field `column` in record `record`.
  @inline(__always) func index(_ record: Int, _ column: Int) -> Int { record * width + column }

  /// The content range of a field, without the escape flag.
  @inline(__always) func range(_ field: Int) -> Range<Int> {
    Int(starts[field])..<Int(ends[field] & ~Self.escapedFlag)
  }

  /// Whether a field needs its doubled quotes undoubled.
  @inline(__always) func isEscaped(_ field: Int) -> Bool { ends[field] & Self.escapedFlag != 0 }

  /// The physical line on which field `column` of `record` starts (later than the record's line only after an
  /// embedded newline).
  func line(of record: Int, column: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let first = Int(starts[index(record, 0)])
    let target = Int(starts[index(record, column)])
    return lines[record] + LineCounting.lineBreaks(in: bytes, from: first, to: target)
  }
}

/// Counting physical lines the way the tokenizer does: CRLF, LF and a lone CR each end one line.
enum LineCounting {
  /// Line breaks in `bytes[from..<to]`.
  static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
    var count = 0
    var i = from
    while i < to {
      if bytes[i] == ASCII.lf || (bytes[i] == ASCII.cr && (i + 1 >= bytes.count || bytes[i + 1] != ASCII.lf)) {
        count += 1
      }
      i += 1
    }
    return count
  }
}

/// The ASCII bytes the CSV code looks at.
enum ASCII {
  static let lf: UInt8 = 0x0A
  static let cr: UInt8 = 0x0D
  static let tab: UInt8 = 0x09
  static let space: UInt8 = 0x20
  static let quote: UInt8 = 0x22
  static let comma: UInt8 = 0x2C
  static let semicolon: UInt8 = 0x3B
  static let pipe: UInt8 = 0x7C
  static let period: UInt8 = 0x2E
}

/// Cuts bytes into ``CSVRecords``, a whole file or one block of it at a time.
struct CSVTokenizer {
  let path: String
  let separator: UInt8
  let context: ExecutionContext

  /// Tokenizes the complete records of `bytes[start...]`.
  ///
  /// A block that does not end the file (`isFinal` false) stops before its last, possibly incomplete record,
  /// and, in a single-column file, before trailing blank lines (which are dropped at the end of the file but
  /// kept before more data); ``CSVRecords/consumed`` and ``CSVRecords/nextLine`` say where the next block
  /// starts. Every decision looks only at the record and the byte after it, so cutting a file into blocks
  /// anywhere gives the records of the whole file.
  ///
  /// - Parameters:
  ///   - line: The physical line at `start`.
  ///   - width: The header's field count, or 0 when the header is still to come.
  ///   - isFinal: Whether the bytes end the file.
  /// - Throws: ``SegmentaError/csv(path:line:column:problem:hint:)`` for an unterminated quote (at the line and
  ///   column where it opened), text after a closing quote, or a record whose field count differs from the
  ///   header's; ``SegmentaError/interrupted`` when cancelled.
  /// - Complexity: O(n) in the number of bytes.
  func tokenize(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, line startLine: Int = 1, width: Int = 0,
    isFinal: Bool = true
  ) throws(SegmentaError) -> CSVRecords {
    let fieldEnd = FieldEndScan(separator: separator)
    var out = CSVRecords()
    out.width = width
    out.endLine = startLine
    let n = bytes.count
    var i = start
    var line = startLine
    while i < n {
      let recordStart = i
      let recordLine = line
      let firstField = out.starts.count
      var fields = 0
      var complete = true
      while true {
        fields += 1
        if i < n && bytes[i] == ASCII.quote {
          guard let next = try quotedField(bytes, at: i, line: &line, column: fields, isFinal: isFinal, into: &out)
          else {
            complete = false
            break
          }
          i = next
        } else {
          let s = i
          i = fieldEnd.end(in: bytes, from: i)
          append(s, i, escaped: false, quoted: false, into: &out)
        }
        if i < n && bytes[i] == separator {
          i += 1
          continue
        }
        if i < n && (isFinal || bytes[i] == ASCII.lf || i + 1 < n) {
          i += bytes[i] == ASCII.cr && i + 1 < n && bytes[i + 1] == ASCII.lf ? 2 : 1
        } else if !isFinal {
          complete = false
        }
        line += 1
        break
      }
      guard complete else {
        dropFields(from: firstField, in: &out)
        i = recordStart
        line = recordLine
        break
      }
      let blank = fields == 1 && !out.quoted[firstField] && out.range(firstField).isEmpty
      if out.width == 0 {
        if blank {
          dropFields(from: firstField, in: &out)
          continue
        }
        out.width = fields
      } else if blank && out.width > 1 {
        dropFields(from: firstField, in: &out)
        continue
      } else if fields != out.width {
        throw raggedError(bytes, out: out, firstField: firstField, fields: fields, line: recordLine)
      }
      out.lines.append(recordLine)
      out.endLine = line
      if out.lines.count & 0xFFFF == 0 { try context.checkCancellation() }
    }
    out.consumed = i
    out.nextLine = line
    holdBackTrailingBlankRecords(&out, isFinal: isFinal)
    return out
  }

  /// Cuts the quoted field opening at `open`; returns where it ends, or `nil` when the block ends first and more
  /// bytes may follow.
  private func quotedField(
    _ bytes: UnsafeBufferPointer<UInt8>, at open: Int, line: inout Int, column: Int, isFinal: Bool,
    into out: inout CSVRecords
  ) throws(SegmentaError) -> Int? {
    let n = bytes.count
    let openLine = line
    var i = open + 1
    var escaped = false
    while true {
      guard i < n else {
        guard isFinal else { return nil }
        throw .csv(
          path: path, line: openLine, column: column, problem: "the quote opened here is never closed",
          hint: "close the quoted field with \" and write quotes inside it doubled (\"\")")
      }
      let b = bytes[i]
      if b == ASCII.quote {
        if i + 1 < n && bytes[i + 1] == ASCII.quote {
          escaped = true
          i += 2
          continue
        }
        break
      }
      if b == ASCII.lf || (b == ASCII.cr && (i + 1 >= n || bytes[i + 1] != ASCII.lf)) { line += 1 }
      i += 1
    }
    append(open + 1, i, escaped: escaped, quoted: true, into: &out)
    i += 1
    while i < n && (bytes[i] == ASCII.space || (bytes[i] == ASCII.tab && separator != ASCII.tab)) { i += 1 }
    if i >= n && !isFinal { return nil }
    if i < n && bytes[i] != separator && bytes[i] != ASCII.lf && bytes[i] != ASCII.cr {
      throw .csv(
        path: path, line: line, column: column, problem: "unexpected text after the closing quote of a field",
        hint: "write quotes inside a quoted field doubled (\"\"), or quote the whole field")
    }
    return i
  }

  @inline(__always) private func append(
    _ start: Int, _ end: Int, escaped: Bool, quoted: Bool, into out: inout CSVRecords
  ) {
    out.starts.append(UInt32(truncatingIfNeeded: start))
    out.ends.append(UInt32(truncatingIfNeeded: end) | (escaped ? CSVRecords.escapedFlag : 0))
    out.quoted.append(quoted)
  }

  private func dropFields(from first: Int, in out: inout CSVRecords) {
    out.starts.removeSubrange(first...)
    out.ends.removeSubrange(first...)
    out.quoted.removeSubrange(first...)
  }

  /// Removes the blank records at the end of a single-column block (the header is never blank): at the end of
  /// the file they are dropped, before more data the next block reads them again.
  private func holdBackTrailingBlankRecords(_ out: inout CSVRecords, isFinal: Bool) {
    guard out.width == 1 else { return }
    while let last = out.starts.indices.last, !out.quoted[last], out.range(last).isEmpty {
      out.endLine = out.lines.removeLast()
      if !isFinal {
        out.consumed = Int(out.starts[last])
        out.nextLine = out.endLine
      }
      dropFields(from: last, in: &out)
    }
  }

  private func raggedError(
    _ bytes: UnsafeBufferPointer<UInt8>, out: CSVRecords, firstField: Int, fields: Int, line: Int
  ) -> SegmentaError {
    let column = min(fields, out.width) + 1
    let problemLine: Int
    if fields > out.width {
      let extra = Int(out.starts[firstField + out.width])
      problemLine = line + LineCounting.lineBreaks(in: bytes, from: Int(out.starts[firstField]), to: extra)
    } else {
      let last = Int(out.starts[firstField + fields - 1])
      problemLine = line + LineCounting.lineBreaks(in: bytes, from: Int(out.starts[firstField]), to: last)
    }
    let name = SeparatorName.of(separator)
    return .csv(
      path: path, line: problemLine, column: column,
      problem: "this row has \(fields) field\(fields == 1 ? "" : "s"), the header has \(out.width)",
      hint: "the separator is \(name): quote fields that contain it, or give separator= explicitly")
  }
}

/// How separators are named in messages.
enum SeparatorName {
  static func of(_ separator: UInt8) -> String {
    switch separator {
    case ASCII.tab: "tab"
    case ASCII.comma: "',' (comma)"
    case ASCII.semicolon: "';' (semicolon)"
    case ASCII.pipe: "'|' (pipe)"
    default: "'\(Character(Unicode.Scalar(separator)))'"
    }
  }
}
