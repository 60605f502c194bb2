/// One column of a query result as it arrived, before its kind is inferred: per row a NULL, a number (what the
/// database typed as integer, floating point or decimal) or a text. Numbers are kept in one contiguous buffer once
/// the column has one, texts in a ``TextArena`` (their UTF-8 bytes, not a `String` per row) once it has one, so
/// a column of texts holds no number per row and a column of numbers no text.
struct ResultColumn: ColumnCells {
  /// What a cell holds.
  enum Cell: UInt8 { case null, number, text }

  let name: String
  private(set) var cells = ContiguousArray<Cell>()
  /// The value of each number cell (0 for the others); empty until the first number arrives.
  private(set) var numbers = ContiguousArray<Double>()
  /// The value of each text cell (missing for the others); empty until the first text arrives.
  private(set) var texts = TextArena()

  init(name: String) { self.name = name }

  var rowCount: Int { cells.count }

  mutating func appendNull() {
    cells.append(.null)
    if !numbers.isEmpty { numbers.append(0) }
    if !texts.isEmpty { texts.appendMissing(count: 1) }
  }

  mutating func append(_ number: Double) {
    if numbers.isEmpty { numbers.append(contentsOf: repeatElement(0, count: cells.count)) }
    cells.append(.number)
    numbers.append(number)
    if !texts.isEmpty { texts.appendMissing(count: 1) }
  }

  mutating func append(_ text: String) {
    if texts.isEmpty { texts.appendMissing(count: cells.count) }
    cells.append(.text)
    if !numbers.isEmpty { numbers.append(0) }
    texts.append(text)
  }

  /// Only NULL is missing: an empty text or `NA` from a database is a value someone stored.
  func isMissing(_ row: Int) -> Bool { cells[row] == .null }

  /// Number cells as they are; texts by the CSV grammar with a decimal point (so `'12.5'` stored as text is a
  /// number, `'04078'` is a code).
  func number(_ row: Int) -> NumberParsing.Outcome {
    switch cells[row] {
    case .null: return .notANumber
    case .number: return numbers[row].isFinite ? .number(numbers[row]) : .nonFinite
    case .text:
      return texts.withUTF8(at: row) { bytes in
        FieldText.hasLeadingZero(bytes, 0..<bytes.count)
          ? .notANumber : NumberParsing.parse(bytes, 0..<bytes.count, decimalComma: false)
      }
    }
  }

  /// Texts in the format; a number cell only as its digits (`20241231` with ``DateFormat/compact``).
  func date(_ row: Int, format: DateFormat?) -> Int? {
    guard var text = text(row) else { return nil }
    return text.withUTF8 { bytes in
      format.map { $0.days(bytes, 0..<bytes.count) } ?? DateFormat.detectedDays(bytes, 0..<bytes.count)
    }
  }

  /// Numbers in their shortest form (`10023`, `0.25`).
  func text(_ row: Int) -> String? {
    switch cells[row] {
    case .null: nil
    case .number: Self.shortestText(numbers[row])
    case .text: texts[row]
    }
  }

  /// Whole numbers without a fraction (`10023`), others in Swift's shortest round-trip form.
  static func shortestText(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }
}
