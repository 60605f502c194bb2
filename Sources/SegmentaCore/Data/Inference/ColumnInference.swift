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
///
/// The rules can be applied to a column that arrives in pieces (a CSV file read block by block): each run of
/// consecutive rows is typed as narrowly as its own values allow (``part(_:rows:role:textOnly:context:)``) and a
/// ``ColumnAccumulator`` combines the parts in row order into the same column the whole would give.
enum ColumnInference {
  /// What a column may, must or must not become.
  enum Role: Equatable, Sendable {
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

  /// The values of consecutive rows of one column, typed as narrowly as those rows allow. Rows in it are
  /// relative to the part's first row.
  enum Part: Sendable {
    /// Every value is missing: the part fits any kind.
    case missing(count: Int)
    /// Every value is a number (NaN = missing), with the first non-finite one.
    case numbers(ContiguousArray<Double>, firstNonFinite: Int?)
    /// Every value is a date, as days since 1970 (NaN = missing); in a column given as dates, the first value
    /// that is not one (stored as missing).
    case dates(ContiguousArray<Double>, firstNonDate: Int?)
    /// Texts (`nil` = missing).
    case texts([String?])
    /// Texts as the codes of a part-local encoder, for a column that does not keep a text per row.
    case categories(CategoryEncoder)

    /// Number of rows.
    var count: Int {
      switch self {
      case .missing(let count): count
      case .numbers(let values, _), .dates(let values, _): values.count
      case .texts(let texts): texts.count
      case .categories(let encoder): encoder.codes.count
      }
    }
  }

  /// Rows per part when ``column(_:name:role:context:)`` types a whole column, so a categorical column's texts
  /// exist only a part at a time before they are encoded.
  static let rowsPerPart = 65_536

  /// The typed column for `cells`.
  ///
  /// - Parameter context: checked for cancellation every 65,536 rows.
  /// - Throws: a ``Problem``.
  /// - Complexity: O(rows × value length), plus O(r log r) for an identifier-like numeric column.
  static func column<Cells: ColumnCells>(
    _ cells: Cells, name: String, role: Role, context: ExecutionContext
  ) throws(Problem) -> Column {
    var accumulator = ColumnAccumulator(name: name, role: role)
    accumulator.reserve(rows: cells.rowCount)
    for start in stride(from: 0, to: cells.rowCount, by: rowsPerPart) {
      let rows = start..<min(start + rowsPerPart, cells.rowCount)
      accumulator.append(
        try part(
          cells, rows: rows, role: role, textOnly: accumulator.isText, keepsTexts: accumulator.keepsTexts,
          context: context))
    }
    for rows in try accumulator.settle(context: context) {
      accumulator.fill(try texts(cells, rows: rows, context: context), at: rows)
    }
    return try accumulator.column(context: context)
  }

  /// Types rows `rows` of `cells` as narrowly as their values allow: numbers, else dates, else texts (only dates
  /// for a column given as dates, only texts for the identifier).
  ///
  /// - Parameters:
  ///   - textOnly: go straight to texts, because earlier rows already made the column text.
  ///   - keepsTexts: whether texts are kept per row (``Part/texts(_:)``, for a column that may become the
  ///     identifier; ``ColumnAccumulator/keepsTexts``) or encoded (``Part/categories(_:)``).
  /// - Throws: ``Problem/interrupted`` only; other problems are reported in the part.
  static func part<Cells: ColumnCells>(
    _ cells: Cells, rows: Range<Int>, role: Role, textOnly: Bool, keepsTexts: Bool, context: ExecutionContext
  ) throws(Problem) -> Part {
    let pass = Pass(cells: cells, rows: rows, context: context)
    switch role {
    case .date(let format):
      return try pass.requiredDates(format: format)
    case .identifier:
      return .texts(try pass.texts())
    case .mayBeIdentifier, .notIdentifier:
      break
    }
    if !textOnly {
      if let numbers = try pass.numbers() { return numbers }
      if let days = try pass.detectedDates() { return .dates(days, firstNonDate: nil) }
    }
    return keepsTexts ? .texts(try pass.texts()) : .categories(try pass.categories())
  }

  /// The texts of rows `rows` (`nil` = missing).
  static func texts<Cells: ColumnCells>(
    _ cells: Cells, rows: Range<Int>, context: ExecutionContext
  ) throws(Problem) -> [String?] {
    try Pass(cells: cells, rows: rows, context: context).texts()
  }

  /// One pass over some rows of the cells per candidate kind.
  private struct Pass<Cells: ColumnCells> {
    let cells: Cells
    let rows: Range<Int>
    let context: ExecutionContext

    private func checkCancellation(_ row: Int) throws(Problem) {
      if row & 0xFFFF == 0, context.cancellation.isCancelled { throw .interrupted }
    }

    /// The numbers (NaN = missing), ``Part/missing(count:)`` when nothing is present, or `nil` when some value is
    /// not a number.
    func numbers() throws(Problem) -> Part? {
      var out = ContiguousArray<Double>()
      out.reserveCapacity(rows.count)
      var firstNonFinite: Int?
      var present = false
      for r in rows {
        try checkCancellation(r)
        switch cells.number(r) {
        case .number(let value):
          present = true
          out.append(value)
        case .nonFinite:
          present = true
          if firstNonFinite == nil { firstNonFinite = r - rows.lowerBound }
          out.append(.nan)
        case .notANumber:
          guard cells.isMissing(r) else { return nil }
          out.append(.nan)
        }
      }
      return present ? .numbers(out, firstNonFinite: firstNonFinite) : .missing(count: rows.count)
    }

    /// The ISO or German dates as days since 1970 (NaN = missing), or `nil` when some value is not a date.
    func detectedDates() throws(Problem) -> ContiguousArray<Double>? {
      var out = ContiguousArray<Double>()
      out.reserveCapacity(rows.count)
      for r in rows {
        try checkCancellation(r)
        if let days = cells.date(r, format: nil) {
          out.append(Double(days))
        } else if cells.isMissing(r) {
          out.append(.nan)
        } else {
          return nil
        }
      }
      return out
    }

    /// The dates written in `format` (ISO or German when `nil`), with the first value that is not one.
    func requiredDates(format: DateFormat?) throws(Problem) -> Part {
      var out = ContiguousArray<Double>()
      out.reserveCapacity(rows.count)
      var firstNonDate: Int?
      for r in rows {
        try checkCancellation(r)
        if let days = cells.date(r, format: format) {
          out.append(Double(days))
        } else {
          if firstNonDate == nil && !cells.isMissing(r) { firstNonDate = r - rows.lowerBound }
          out.append(.nan)
        }
      }
      return .dates(out, firstNonDate: firstNonDate)
    }

    /// The texts, encoded in their order of first appearance.
    func categories() throws(Problem) -> CategoryEncoder {
      var encoder = CategoryEncoder()
      encoder.reserve(rows: rows.count)
      var cells = self.cells
      for r in rows {
        try checkCancellation(r)
        cells.appendCode(r, to: &encoder)
      }
      return encoder
    }

    /// The texts (`nil` = missing).
    func texts() throws(Problem) -> [String?] {
      var out: [String?] = []
      out.reserveCapacity(rows.count)
      for r in rows {
        try checkCancellation(r)
        out.append(cells.text(r))
      }
      return out
    }
  }
}
