/// One column of a ``Table``, stored columnar so a million rows cost one contiguous buffer, not a million objects.
///
/// Numeric and date columns keep their values in ``numbers`` (NaN marks a missing value; dates are days since
/// 1970-01-01). Categorical and identifier columns keep their values in ``strings`` (`nil` marks a missing value).
public struct Column: Sendable, Equatable {
  /// What a column holds, as inferred on load (or derived later).
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    case numeric, categorical, identifier = "id", date
  }

  /// The column's name as written in the header.
  public let name: String
  /// The inferred kind.
  public let kind: Kind
  /// Values of numeric and date columns; NaN = missing. Empty for categorical and identifier columns.
  public let numbers: ContiguousArray<Double>
  /// Values of categorical and identifier columns; `nil` = missing. Empty for numeric and date columns.
  public let strings: [String?]

  /// A numeric (or date) column.
  public init(name: String, kind: Kind = .numeric, numbers: ContiguousArray<Double>) {
    precondition(kind == .numeric || kind == .date, "numbers need a numeric or date kind")
    self.name = name
    self.kind = kind
    self.numbers = numbers
    self.strings = []
  }

  /// A categorical (or identifier) column.
  public init(name: String, kind: Kind = .categorical, strings: [String?]) {
    precondition(kind == .categorical || kind == .identifier, "strings need a categorical or id kind")
    self.name = name
    self.kind = kind
    self.numbers = []
    self.strings = strings
  }

  /// Number of rows.
  public var count: Int { kind == .numeric || kind == .date ? numbers.count : strings.count }

  /// Whether the values live in ``numbers``.
  public var isNumeric: Bool { kind == .numeric || kind == .date }

  /// Number of missing values.
  public var missingCount: Int {
    isNumeric ? numbers.reduce(0) { $0 + ($1.isNaN ? 1 : 0) } : strings.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
  }

  /// Columns are equal when name, kind and values are; a missing number (NaN) equals a missing number, so a
  /// table with gaps equals itself.
  public static func == (a: Column, b: Column) -> Bool {
    a.name == b.name && a.kind == b.kind && a.strings == b.strings && a.numbers.count == b.numbers.count
      && zip(a.numbers, b.numbers).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
  }

  /// The same column under another name.
  public func renamed(_ newName: String) -> Column {
    isNumeric
      ? Column(name: newName, kind: kind, numbers: numbers) : Column(name: newName, kind: kind, strings: strings)
  }

  /// The value of row `row` as display text (`""` when missing). Numbers use Swift's shortest round-trip form.
  public func text(at row: Int) -> String {
    if isNumeric {
      let v = numbers[row]
      if v.isNaN { return "" }
      if kind == .date { return CivilDate(daysSinceEpoch: Int(v)).iso }
      return v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }
    return strings[row] ?? ""
  }
}
