/// The type of an expression's value.
public enum ExpressionType: String, Sendable, Equatable {
  /// Numbers (numeric columns, arithmetic).
  case number
  /// Calendar dates (date columns, `date("…")`); `date - date` is a number of days.
  case date
  /// true/false (comparisons, `and`/`or`/`not`); a derived boolean column stores 1/0.
  case boolean
  /// Text (categorical and id columns, `"…"` literals).
  case text
}

/// One value per row, as an expression computes it: numbers, dates (days since 1970-01-01) and booleans (1/0) in
/// ``numbers`` with NaN for missing, text in ``strings`` with `nil` for missing.
struct ExpressionVector {
  let type: ExpressionType
  var numbers: ContiguousArray<Double>
  var strings: [String?]

  init(_ type: ExpressionType, numbers: ContiguousArray<Double>) {
    precondition(type != .text, "text values live in strings")
    self.type = type
    self.numbers = numbers
    self.strings = []
  }

  init(text strings: [String?]) {
    self.type = .text
    self.numbers = []
    self.strings = strings
  }

  /// Whether row `i` is missing.
  func isMissing(_ i: Int) -> Bool { type == .text ? strings[i] == nil : numbers[i].isNaN }

  /// The value as a table column named `name` (booleans become numeric 1/0).
  func column(named name: String) -> Column {
    switch type {
    case .number, .boolean: Column(name: name, kind: .numeric, numbers: numbers)
    case .date: Column(name: name, kind: .date, numbers: numbers)
    case .text: Column(name: name, kind: .categorical, strings: strings)
    }
  }
}

/// Something an evaluation noticed without failing: rows where a function or operator is undefined became
/// missing values.
public struct ExpressionNote: Sendable, Equatable, CustomStringConvertible {
  /// The column of the operator or function in the line.
  public let column: Int
  /// How many rows (among those whose value matters) were affected.
  public let rows: Int
  /// What happened, e.g. `log is undefined for values ≤ 0`.
  public let problem: String

  public var description: String {
    "column \(column): \(problem) in \(rows) row\(rows == 1 ? "" : "s"); \(rows == 1 ? "it is" : "they are") missing"
  }
}

/// The result of evaluating an expression on a table.
public struct ExpressionResult: Sendable {
  /// The value's type.
  public let type: ExpressionType
  let vector: ExpressionVector
  /// Rows that became missing because an operation was undefined there (division by zero, log of 0, …).
  public let notes: [ExpressionNote]

  /// The value as a column called `name`: numbers and booleans (1/0) numeric, dates as dates, text categorical.
  public func column(named name: String) -> Column { vector.column(named: name) }
}
