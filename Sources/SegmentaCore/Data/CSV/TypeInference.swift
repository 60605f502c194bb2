/// Decides each column's kind from all of its values and builds the typed ``Column``.
///
/// Rules, tried in order on the non-missing values (see ``FieldText/isMissing(_:_:)`` for what is missing):
/// 1. *numeric* when every value is a number (``NumberParsing``); a non-finite value (`inf`, `NaN`, `1e309`)
///    in such a column is an error, not a silent infinity or missing value. A value with a leading zero
///    (`04078`) marks a code such as a postcode, never a quantity: the column is not numeric;
/// 2. *date* when every value is an ISO or German date;
/// 3. *identifier* when the column may become the identifier, its name looks like one
///    (``IdentifierNames``), and its values are all present and unique. Numeric columns qualify only with
///    integer values (`10023`), and keep their text (`00123` stays `00123`);
/// 4. *categorical* otherwise.
/// An all-missing column is numeric.
struct TypeInference {
  let bytes: UnsafeBufferPointer<UInt8>
  let records: CSVRecords
  let decimalComma: Bool
  let decoding: FieldDecoding
  let path: String
  let context: ExecutionContext

  /// Whether a column may, must or must not be the table's identifier.
  enum Role { case mayBeIdentifier, identifier, notIdentifier }

  private var rows: Range<Int> { 1..<records.recordCount }

  /// The typed column for field position `c`.
  ///
  /// - Throws: ``SegmentaError/csv(path:line:column:problem:hint:)`` for a non-finite number in a numeric
  ///   column, or a missing or repeated value in a column given as the identifier; ``SegmentaError/interrupted``.
  /// - Complexity: O(rows × field length).
  func column(_ c: Int, name: String, role: Role) throws(SegmentaError) -> Column {
    if role == .identifier {
      return Column(name: name, kind: .identifier, strings: try identifierTexts(c, name: name))
    }
    let idLike = role == .mayBeIdentifier && IdentifierNames.looksLikeIdentifier(name)
    if let numbers = try numbers(c, name: name) {
      if idLike && numbers.allSatisfy({ $0 == $0.rounded() }) && Self.allDistinct(numbers) {
        return Column(name: name, kind: .identifier, strings: try texts(c))
      }
      return Column(name: name, numbers: numbers)
    }
    if let days = try dates(c) {
      return Column(name: name, kind: .date, numbers: days)
    }
    let strings = try texts(c)
    if idLike && !strings.contains(nil) && Set(strings).count == strings.count {
      return Column(name: name, kind: .identifier, strings: strings)
    }
    return Column(name: name, strings: strings)
  }

  /// The column's numbers (NaN = missing), or `nil` when some value is not a number.
  private func numbers(_ c: Int, name: String) throws(SegmentaError) -> ContiguousArray<Double>? {
    var out = ContiguousArray<Double>()
    out.reserveCapacity(rows.count)
    var firstNonFinite: Int?
    for r in rows {
      if r & 0xFFFF == 0 { try context.checkCancellation() }
      let f = records.index(r, c)
      let range = records.range(f)
      if Self.hasLeadingZero(bytes, range) { return nil }
      switch records.isEscaped(f) ? .notANumber : NumberParsing.parse(bytes, range, decimalComma: decimalComma) {
      case .number(let value):
        out.append(value)
      case .nonFinite:
        if firstNonFinite == nil { firstNonFinite = r }
        out.append(.nan)
      case .notANumber:
        guard FieldText.isMissing(bytes, range) else { return nil }
        out.append(.nan)
      }
    }
    if let r = firstNonFinite {
      throw .csv(
        path: path, line: records.line(of: r, column: c, in: bytes), column: c + 1,
        problem: "'\(decoding.text(records.index(r, c)))' in numeric column '\(name)' is not a finite number",
        hint: "leave the field empty (or write NA) for a missing value, or correct the number")
    }
    return out
  }

  /// The column's dates as days since 1970 (NaN = missing), or `nil` when some value is not a date.
  private func dates(_ c: Int) throws(SegmentaError) -> ContiguousArray<Double>? {
    var out = ContiguousArray<Double>()
    out.reserveCapacity(rows.count)
    for r in rows {
      if r & 0xFFFF == 0 { try context.checkCancellation() }
      let f = records.index(r, c)
      let range = records.range(f)
      if !records.isEscaped(f), let days = FieldText.date(bytes, range) {
        out.append(Double(days))
      } else if FieldText.isMissing(bytes, range) {
        out.append(.nan)
      } else {
        return nil
      }
    }
    return out
  }

  /// The column's texts (`nil` = missing).
  private func texts(_ c: Int) throws(SegmentaError) -> [String?] {
    var out: [String?] = []
    out.reserveCapacity(rows.count)
    for r in rows {
      if r & 0xFFFF == 0 { try context.checkCancellation() }
      let f = records.index(r, c)
      out.append(FieldText.isMissing(bytes, records.range(f)) ? nil : decoding.text(f))
    }
    return out
  }

  /// The texts of a column given as the identifier, which must all be present and unique.
  private func identifierTexts(_ c: Int, name: String) throws(SegmentaError) -> [String?] {
    let strings = try texts(c)
    var firstRow: [String: Int] = [:]
    for (k, value) in strings.enumerated() {
      let r = k + 1
      let line = { records.line(of: r, column: c, in: bytes) }
      guard let value else {
        throw .csv(
          path: path, line: line(), column: c + 1, problem: "identifier column '\(name)' has a missing value",
          hint: "fill in the identifier, or choose another identifier column")
      }
      if let first = firstRow[value] {
        let firstLine = records.line(of: first, column: c, in: bytes)
        throw .csv(
          path: path, line: line(), column: c + 1,
          problem: "identifier '\(value)' in column '\(name)' repeats (first on line \(firstLine))",
          hint: "remove the duplicate row, or choose another identifier column")
      }
      firstRow[value] = r
    }
    return strings
  }

  /// Whether the field starts (after blanks and a sign) with `0` followed by a digit, as codes like `04078` do.
  private static func hasLeadingZero(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var i = range.lowerBound
    while i < range.upperBound, bytes[i] == UInt8(ascii: " ") { i += 1 }
    if i < range.upperBound, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
    return i + 1 < range.upperBound && bytes[i] == UInt8(ascii: "0")
      && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i + 1])
  }

  private static func allDistinct(_ numbers: ContiguousArray<Double>) -> Bool {
    guard !numbers.contains(where: \.isNaN) else { return false }
    let sorted = numbers.sorted()
    return zip(sorted, sorted.dropFirst()).allSatisfy { $0 < $1 }
  }
}
