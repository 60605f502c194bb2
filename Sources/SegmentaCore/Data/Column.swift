/// One column of a ``Table``, stored columnar so a million rows cost one contiguous buffer, not a million objects.
///
/// Numeric and date columns keep their values in ``numbers`` (NaN marks a missing value; dates are days since
/// 1970-01-01). Categorical columns are dictionary-encoded: one ``codes`` entry per row (``missingCode`` marks a
/// missing value) indexing ``levels``, the distinct values in order of first appearance. Identifier columns,
/// whose values are unique, keep their texts in one ``TextArena`` (UTF-8 bytes and an offset per row).
/// ``string(at:)`` reads a row of either.
public struct Column: Sendable, Equatable {
  /// What a column holds, as inferred on load (or derived later).
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    case numeric, categorical, identifier = "id", date
  }

  /// The code of a missing value in ``codes``.
  public static let missingCode = UInt32.max

  /// The column's name as written in the header.
  public let name: String
  /// The inferred kind.
  public let kind: Kind
  /// Values of numeric and date columns; NaN = missing. Empty for the other kinds.
  public let numbers: ContiguousArray<Double>
  /// Per row of a categorical column, the index of its value in ``levels`` (``missingCode`` = missing). Empty for
  /// the other kinds.
  public let codes: ContiguousArray<UInt32>
  /// The distinct values of a categorical column in order of first appearance (row order), each used by some
  /// row; this canonical order makes equal columns store equal codes. Empty for the other kinds.
  public let levels: [String]
  /// Values of an identifier column; `nil` = missing. Empty for the other kinds.
  public let identifiers: TextArena

  /// A numeric (or date) column.
  public init(name: String, kind: Kind = .numeric, numbers: ContiguousArray<Double>) {
    precondition(kind == .numeric || kind == .date, "numbers need a numeric or date kind")
    self.init(name: name, kind: kind, numbers: numbers, codes: [], levels: [], identifiers: TextArena())
  }

  /// A categorical (or identifier) column from one value per row (`nil` = missing); categorical values are
  /// encoded into ``codes`` and ``levels``.
  public init(name: String, kind: Kind = .categorical, strings: [String?]) {
    precondition(kind == .categorical || kind == .identifier, "strings need a categorical or id kind")
    if kind == .identifier {
      self.init(name: name, identifiers: TextArena(strings))
    } else {
      var encoder = CategoryEncoder()
      encoder.append(contentsOf: strings)
      self = encoder.column(name: name)
    }
  }

  /// A categorical column from codes into `levels` (``missingCode`` = missing), in any level order: the levels
  /// are renumbered in order of first appearance and unused ones dropped.
  ///
  /// - Complexity: O(rows + levels).
  public init(name: String, codes: ContiguousArray<UInt32>, levels: [String]) {
    var renumbered = [UInt32](repeating: Self.missingCode, count: levels.count)
    var order: [String] = []
    for code in codes where code != Self.missingCode && renumbered[Int(code)] == Self.missingCode {
      renumbered[Int(code)] = UInt32(order.count)
      order.append(levels[Int(code)])
    }
    let canonical = order.count == levels.count && renumbered.enumerated().allSatisfy { UInt32($0) == $1 }
    self.init(
      name: name, kind: .categorical, numbers: [],
      codes: canonical ? codes : ContiguousArray(codes.lazy.map { $0 == Self.missingCode ? $0 : renumbered[Int($0)] }),
      levels: canonical ? levels : order, identifiers: TextArena())
  }

  /// An identifier column holding `identifiers`.
  public init(name: String, identifiers: TextArena) {
    self.init(name: name, kind: .identifier, numbers: [], codes: [], levels: [], identifiers: identifiers)
  }

  private init(
    name: String, kind: Kind, numbers: ContiguousArray<Double>, codes: ContiguousArray<UInt32>, levels: [String],
    identifiers: TextArena
  ) {
    self.name = name
    self.kind = kind
    self.numbers = numbers
    self.codes = codes
    self.levels = levels
    self.identifiers = identifiers
  }

  /// Number of rows.
  public var count: Int {
    switch kind {
    case .numeric, .date: numbers.count
    case .categorical: codes.count
    case .identifier: identifiers.count
    }
  }

  /// Whether the values live in ``numbers``.
  public var isNumeric: Bool { kind == .numeric || kind == .date }

  /// The value of row `row` of a categorical or identifier column, `nil` when missing.
  public func string(at row: Int) -> String? {
    if kind == .identifier { return identifiers[row] }
    let code = codes[row]
    return code == Self.missingCode ? nil : levels[Int(code)]
  }

  /// Every value of a categorical or identifier column (`nil` = missing), empty for the other kinds.
  ///
  /// - Complexity: O(rows); builds an array, so per-row work reads ``string(at:)`` or ``codes`` instead.
  public var strings: [String?] {
    switch kind {
    case .numeric, .date: []
    case .categorical: codes.map { $0 == Self.missingCode ? nil : levels[Int($0)] }
    case .identifier: Array(identifiers)
    }
  }

  /// Number of missing values.
  public var missingCount: Int {
    switch kind {
    case .numeric, .date: numbers.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
    case .categorical: codes.reduce(0) { $0 + ($1 == Self.missingCode ? 1 : 0) }
    case .identifier: identifiers.missingCount
    }
  }

  /// Columns are equal when name, kind and values are; a missing number (NaN) equals a missing number, so a
  /// table with gaps equals itself. Categorical levels are in canonical order, so equal values mean equal codes.
  public static func == (a: Column, b: Column) -> Bool {
    a.name == b.name && a.kind == b.kind && a.codes == b.codes && a.levels == b.levels
      && a.identifiers == b.identifiers && a.numbers.count == b.numbers.count
      && zip(a.numbers, b.numbers).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
  }

  /// The same column under another name.
  public func renamed(_ newName: String) -> Column {
    Column(
      name: newName, kind: kind, numbers: numbers, codes: codes, levels: levels, identifiers: identifiers)
  }

  /// The rows `rows` (in that order; `nil` = a missing value) of this column.
  ///
  /// - Complexity: O(rows.count + levels) (+ their bytes for an identifier column).
  public func selecting(_ rows: some Collection<Int?>) -> Column {
    switch kind {
    case .numeric, .date:
      return Column(name: name, kind: kind, numbers: ContiguousArray(rows.map { $0.map { numbers[$0] } ?? .nan }))
    case .categorical:
      return Column(
        name: name, codes: ContiguousArray(rows.map { $0.map { codes[$0] } ?? Self.missingCode }), levels: levels)
    case .identifier:
      return Column(name: name, identifiers: identifiers.selecting(rows))
    }
  }

  /// The value of row `row` as display text (`""` when missing). Numbers use Swift's shortest round-trip form.
  public func text(at row: Int) -> String {
    if isNumeric {
      let v = numbers[row]
      if v.isNaN { return "" }
      if kind == .date { return CivilDate(daysSinceEpoch: Int(v)).iso }
      return v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }
    return string(at: row) ?? ""
  }
}
