/// A named, immutable, columnar data set: what `load` produces and what features are drawn from.
public struct Table: Sendable, Equatable {
  /// The dataset's name in the workspace.
  public var name: String
  /// Columns in file order; names are unique.
  public private(set) var columns: [Column]
  /// Name of the identifier column, if any.
  public var idColumn: String?

  /// Creates a table; every column must have the same number of rows and a unique name.
  public init(name: String, columns: [Column], idColumn: String? = nil) {
    precondition(Set(columns.map(\.count)).count <= 1, "columns differ in length")
    precondition(Set(columns.map(\.name)).count == columns.count, "duplicate column names")
    self.name = name
    self.columns = columns
    self.idColumn = idColumn
  }

  /// Number of rows.
  public var rowCount: Int { columns.first?.count ?? 0 }

  /// The column called `name`, or `nil`.
  public func column(named name: String) -> Column? { columns.first { $0.name == name } }

  /// The column called `name`, or an ``SegmentaError/unknownColumn(_:suggestion:)`` error with a suggestion.
  public func requireColumn(_ name: String) throws(SegmentaError) -> Column {
    try requireColumns([name])[0]
  }

  /// The columns called `names`, in order; every name that is no column is named in one error
  /// (``SegmentaError/unknownColumn(_:suggestion:)`` for one, ``SegmentaError/unknownColumns(_:suggestions:)``
  /// for several), each with a suggestion.
  public func requireColumns(_ names: [String]) throws(SegmentaError) -> [Column] {
    let found = names.map { column(named: $0) }
    let unknown = zip(names, found).filter { $0.1 == nil }.map(\.0)
    let suggestions = unknown.map { closestMatch(to: $0, among: columns.map(\.name)) }
    switch unknown.count {
    case 0: return found.compactMap { $0 }
    case 1: throw .unknownColumn(unknown[0], suggestion: suggestions[0])
    default: throw .unknownColumns(unknown, suggestions: suggestions)
    }
  }

  /// Adds a column, or replaces the one with the same name (keeping its position).
  public mutating func setColumn(_ column: Column) {
    precondition(columns.isEmpty || column.count == rowCount, "column length differs from the table's")
    if let i = columns.firstIndex(where: { $0.name == column.name }) {
      columns[i] = column
    } else {
      columns.append(column)
    }
  }

  /// A new table with only the rows in `rows` (in that order).
  public func selectingRows(_ rows: [Int]) -> Table {
    let cols = columns.map { $0.selecting(rows.lazy.map { Optional($0) }) }
    return Table(name: name, columns: cols, idColumn: idColumn)
  }
}
