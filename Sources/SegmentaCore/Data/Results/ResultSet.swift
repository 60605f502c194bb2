/// A query result arriving row by row from a database, kept column by column until it becomes a ``Table`` with
/// the same type rules as a CSV file (``ColumnInference``): numbers, ISO or German dates in text, identifiers by
/// name and uniqueness, categories otherwise. Only NULL is missing.
///
/// Cells are appended in row order, left to right; a fingerprint of the result (names, then every cell's type
/// and value in that order) is computed on the way, so the same query on the same data gives the same
/// fingerprint only when the rows come back in the same order: an `ORDER BY` makes that so.
public struct ResultSet: Sendable {
  private var columns: [ResultColumn]
  private var next = 0
  private var fingerprint = Fingerprint()

  /// An empty result with the given column names.
  public init(columnNames: [String]) {
    precondition(!columnNames.isEmpty, "a result has at least one column")
    columns = columnNames.map(ResultColumn.init(name:))
    for name in columnNames {
      fingerprint.add(name)
      fingerprint.add(0)
    }
  }

  /// The column names in result order.
  public var columnNames: [String] { columns.map(\.name) }

  /// Number of complete rows.
  public var rowCount: Int { columns[columns.count - 1].rowCount }

  /// Appends NULL as the next cell.
  public mutating func appendNull() {
    fingerprint.add(ResultColumn.Cell.null.rawValue)
    columns[next].appendNull()
    advance()
  }

  /// Appends a number as the next cell.
  public mutating func append(_ number: Double) {
    fingerprint.add(ResultColumn.Cell.number.rawValue)
    withUnsafeBytes(of: number.bitPattern.littleEndian) { fingerprint.add($0) }
    columns[next].append(number)
    advance()
  }

  /// Appends an integer as the next cell: a number when a `Double` holds it exactly (|v| ≤ 2⁵³), else its
  /// digits as text, so 64-bit keys keep every digit when they become identifiers.
  public mutating func append(integer: Int64) {
    if integer.magnitude <= 1 << 53 { append(Double(integer)) } else { append(String(integer)) }
  }

  /// Appends a text as the next cell.
  public mutating func append(_ text: String) {
    fingerprint.add(ResultColumn.Cell.text.rawValue)
    fingerprint.add(text)
    fingerprint.add(0)
    columns[next].append(text)
    advance()
  }

  private mutating func advance() {
    next = next + 1 == columns.count ? 0 : next + 1
  }

  /// The result as a typed table. Takes the result over, releasing each column's cells once it is typed.
  ///
  /// - Parameters:
  ///   - name: The table's name in the workspace.
  ///   - source: How errors name the source (`sqlite:shop.db`), without credentials.
  ///   - idColumn: The identifier column; detected when `nil` (see ``ColumnInference``).
  ///   - dates: Columns that must hold dates (text in the format, or `20241231`-style numbers with
  ///     ``DateFormat/compact``).
  ///   - context: Checked for cancellation every 65,536 rows.
  /// - Returns: The table and the result's fingerprint (16 hexadecimal digits).
  /// - Throws: ``SegmentaError/database(source:problem:position:hint:)`` for an empty result, repeated column
  ///   names, a non-finite number in a numeric column, a value that is no date in a date column, or a missing or
  ///   repeated identifier; ``SegmentaError/unknownColumn(_:suggestion:)`` when `idColumn` or a date column names
  ///   no column; ``SegmentaError/interrupted``.
  /// - Complexity: O(cells × value length).
  public consuming func table(
    name: String, source: String, idColumn: String? = nil, dates: DateColumns = DateColumns(),
    context: ExecutionContext
  ) throws(SegmentaError) -> (table: Table, fingerprint: String) {
    precondition(next == 0, "the last row is incomplete")
    let names = columnNames
    if let repeated = names.enumerated().first(where: { names[..<$0.offset].contains($0.element) }) {
      throw .database(
        source: source, problem: "the result has two columns called '\(repeated.element)'", position: nil,
        hint: "give them distinct names in the query: SELECT a.x AS a_x, b.x AS b_x")
    }
    guard rowCount > 0 else {
      throw .database(
        source: source, problem: "the query returned no rows", position: nil,
        hint: "check its WHERE clause and the table's contents")
    }
    if let idColumn, !names.contains(idColumn) {
      throw .unknownColumn(idColumn, suggestion: closestMatch(to: idColumn, among: names))
    }
    try dates.requireKnown(in: names, identifier: idColumn)
    var typed: [Column] = []
    var identifier = idColumn
    for c in columns.indices {
      // Each column's cells are released once it is typed, so the cells and the typed table exist together one
      // column at a time (when the caller hands the result over, as its last use).
      let column = columns[c]
      columns[c] = ResultColumn(name: column.name)
      let role: ColumnInference.Role =
        dates.names.contains(column.name)
        ? .date(dates.format)
        : column.name == idColumn ? .identifier : (identifier == nil ? .mayBeIdentifier : .notIdentifier)
      do throws(ColumnInference.Problem) {
        let built = try ColumnInference.column(column, name: column.name, role: role, context: context)
        if built.kind == .identifier { identifier = column.name }
        typed.append(built)
      } catch {
        throw Self.error(error, column: column, role: role, source: source)
      }
    }
    return (Table(name: name, columns: typed, idColumn: identifier), fingerprint.hex)
  }

  private static func error(
    _ problem: ColumnInference.Problem, column: ResultColumn, role: ColumnInference.Role, source: String
  ) -> SegmentaError {
    let at = { (row: Int) in "row \(row + 1), column '\(column.name)': '\(column.text(row) ?? "NULL")'" }
    let fail = { (problem: String, hint: String) in
      SegmentaError.database(source: source, problem: problem, position: nil, hint: hint)
    }
    switch problem {
    case .interrupted:
      return .interrupted
    case .nonFinite(let row):
      return fail("\(at(row)) is not a finite number", "return NULL for a missing value, e.g. NULLIF(x, 'Infinity')")
    case .notADate(let row):
      return fail(
        "\(at(row)) is not a date written \(role.expectedDateFormat)",
        "correct the value, return NULL for a missing date, or give the column's format=")
    case .missingIdentifier(let row):
      return fail(
        "row \(row + 1): identifier column '\(column.name)' is NULL", "filter those rows or choose another id=")
    case .repeatedIdentifier(let row, let firstRow):
      return fail(
        "\(at(row)) repeats the identifier of row \(firstRow + 1)", "aggregate with GROUP BY or choose another id=")
    }
  }

}
