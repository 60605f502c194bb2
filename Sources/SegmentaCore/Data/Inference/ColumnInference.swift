/// Decides a column's kind from all of its values and builds the typed ``Column``: one set of rules for CSV files
/// and database results.
///
/// Rules, tried in order on the non-missing values:
/// 1. *numeric* when every value is a number (``ColumnCells/number(_:)``); a non-finite value (`inf`, `NaN`,
///    `1e309`) in such a column is a problem, not a silent infinity or missing value. A value with a leading zero
///    (`04078`) marks a code such as a postcode, never a quantity: the column is not numeric;
/// 2. *date* when every value is an ISO or German date;
/// 3. *identifier* when the column may become the identifier, its name looks like one
///    (``IdentifierNames``), and its values are all present and unique. Numeric columns qualify only with
///    integer values (`10023`), and keep their text (`00123` stays `00123`);
/// 4. *categorical* otherwise.
/// An all-missing column is numeric. A column given as dates (``Role/date(_:)``) must hold dates (in the given
/// format) or nothing; a column given as the identifier must hold present, unique values.
enum ColumnInference {
  /// What a column may, must or must not become.
  enum Role: Equatable {
    case mayBeIdentifier, identifier, notIdentifier
    /// A date column whose values are written in the format (ISO or German when `nil`).
    case date(DateFormat?)

    /// How messages name the date format a ``date(_:)`` column expects.
    var expectedDateFormat: String {
      if case .date(let format?) = self { format.rawValue } else { "YYYY-MM-DD or DD.MM.YYYY" }
    }
  }

  /// Why a column cannot be built; rows are 0-based data rows, which the caller turns into its own positions.
  enum Problem: Error, Equatable {
    case interrupted
    /// A non-finite value in a numeric column.
    case nonFinite(row: Int)
    /// A value that is not a date in a column given as dates.
    case notADate(row: Int)
    /// A missing value in the column given as the identifier.
    case missingIdentifier(row: Int)
    /// A repeated value in the column given as the identifier, with the row it first appeared in.
    case repeatedIdentifier(row: Int, firstRow: Int)
  }

  /// The typed column for `cells`.
  ///
  /// - Parameter context: checked for cancellation every 65,536 rows.
  /// - Throws: a ``Problem``.
  /// - Complexity: O(rows × value length), plus O(r log r) for an identifier-like numeric column.
  static func column<Cells: ColumnCells>(
    _ cells: Cells, name: String, role: Role, context: ExecutionContext
  ) throws(Problem) -> Column {
    let pass = Pass(cells: cells, context: context)
    switch role {
    case .date(let format):
      return Column(name: name, kind: .date, numbers: try pass.dates(format: format, required: true) ?? [])
    case .identifier:
      return Column(name: name, kind: .identifier, strings: try pass.identifierTexts())
    case .mayBeIdentifier, .notIdentifier:
      break
    }
    let idLike = role == .mayBeIdentifier && IdentifierNames.looksLikeIdentifier(name)
    if let numbers = try pass.numbers() {
      if idLike && numbers.allSatisfy({ $0 == $0.rounded() }) && allDistinct(numbers) {
        return Column(name: name, kind: .identifier, strings: try pass.texts())
      }
      return Column(name: name, numbers: numbers)
    }
    if let days = try pass.dates(format: nil, required: false) {
      return Column(name: name, kind: .date, numbers: days)
    }
    let strings = try pass.texts()
    if idLike && !strings.contains(nil) && Set(strings).count == strings.count {
      return Column(name: name, kind: .identifier, strings: strings)
    }
    return Column(name: name, strings: strings)
  }

  private static func allDistinct(_ numbers: ContiguousArray<Double>) -> Bool {
    guard !numbers.contains(where: \.isNaN) else { return false }
    let sorted = numbers.sorted()
    return zip(sorted, sorted.dropFirst()).allSatisfy { $0 < $1 }
  }

  /// One pass over the cells per candidate kind.
  private struct Pass<Cells: ColumnCells> {
    let cells: Cells
    let context: ExecutionContext

    private func checkCancellation(_ row: Int) throws(Problem) {
      if row & 0xFFFF == 0, context.cancellation.isCancelled { throw .interrupted }
    }

    /// The numbers (NaN = missing), or `nil` when some value is not a number.
    func numbers() throws(Problem) -> ContiguousArray<Double>? {
      var out = ContiguousArray<Double>()
      out.reserveCapacity(cells.rowCount)
      var firstNonFinite: Int?
      for r in 0..<cells.rowCount {
        try checkCancellation(r)
        switch cells.number(r) {
        case .number(let value):
          out.append(value)
        case .nonFinite:
          if firstNonFinite == nil { firstNonFinite = r }
          out.append(.nan)
        case .notANumber:
          guard cells.isMissing(r) else { return nil }
          out.append(.nan)
        }
      }
      if let r = firstNonFinite { throw .nonFinite(row: r) }
      return out
    }

    /// The dates as days since 1970 (NaN = missing); when some value is not a date, `nil`, or a problem when
    /// dates are `required`.
    func dates(format: DateFormat?, required: Bool) throws(Problem) -> ContiguousArray<Double>? {
      var out = ContiguousArray<Double>()
      out.reserveCapacity(cells.rowCount)
      for r in 0..<cells.rowCount {
        try checkCancellation(r)
        if let days = cells.date(r, format: format) {
          out.append(Double(days))
        } else if cells.isMissing(r) {
          out.append(.nan)
        } else if required {
          throw .notADate(row: r)
        } else {
          return nil
        }
      }
      return out
    }

    /// The texts (`nil` = missing).
    func texts() throws(Problem) -> [String?] {
      var out: [String?] = []
      out.reserveCapacity(cells.rowCount)
      for r in 0..<cells.rowCount {
        try checkCancellation(r)
        out.append(cells.text(r))
      }
      return out
    }

    /// The texts of a column given as the identifier, which must all be present and unique.
    func identifierTexts() throws(Problem) -> [String?] {
      let strings = try texts()
      var firstRow: [String: Int] = [:]
      for (r, value) in strings.enumerated() {
        guard let value else { throw .missingIdentifier(row: r) }
        if let first = firstRow[value] { throw .repeatedIdentifier(row: r, firstRow: first) }
        firstRow[value] = r
      }
      return strings
    }
  }
}
