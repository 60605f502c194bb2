/// Categorical columns as integer codes: `rows × columns` codes, row-major, `-1` marking a missing value.
///
/// Codes number each column's levels in sorted order (by Unicode code point, as NumPy's `np.unique` orders
/// strings), so code order is what Python's kmodes uses (`kmodes.util.encode_features`) and "the smallest level"
/// breaks ties the same way there and here.
public struct CategoricalMatrix: Sendable, Equatable {
  /// Number of observations.
  public let rows: Int
  /// Number of categorical variables.
  public let columns: Int
  /// Variable names, one per column.
  public let names: [String]
  /// The levels of each column, in code order.
  public let levels: [[String]]
  /// Row-major codes: element (i, j) is at `i * columns + j`; `-1` = missing.
  public let codes: ContiguousArray<Int32>

  /// A matrix from codes and their levels.
  public init(rows: Int, names: [String], levels: [[String]], codes: ContiguousArray<Int32>) {
    precondition(levels.count == names.count, "one level list per column")
    precondition(codes.count == rows * names.count, "code count does not match rows × columns")
    precondition(
      codes.enumerated().allSatisfy { $0.element >= -1 && Int($0.element) < levels[$0.offset % names.count].count },
      "codes must be -1 or index a level")
    self.rows = rows
    self.columns = names.count
    self.names = names
    self.levels = levels
    self.codes = codes
  }

  /// Encodes categorical table columns for the given table rows (a missing value becomes `-1`).
  ///
  /// - Parameters:
  ///   - columns: categorical columns of one table.
  ///   - rows: the table rows to keep, in order (e.g. ``PreparedFeatures/rowIndices``).
  /// - Throws: ``SegmentaError/wrongColumnKind(column:actual:expected:)`` for a column that is not categorical.
  /// - Complexity: O(rows × columns + L log L) for L distinct levels.
  public init(encoding columns: [Column], rows: [Int]) throws(SegmentaError) {
    for column in columns where column.kind != .categorical {
      throw .wrongColumnKind(
        column: column.name, actual: column.kind,
        expected: column.kind == .identifier
          ? "categorical (an id has a level per row, which groups nothing)"
          : "categorical (numeric columns belong in `features`)")
    }
    let q = columns.count
    var levels: [[String]] = []
    var codes = ContiguousArray<Int32>(repeating: -1, count: rows.count * q)
    for (j, column) in columns.enumerated() {
      let present = Set(rows.compactMap { column.string(at: $0) })
      let sorted = present.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
      let index = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, Int32($0)) })
      for (i, row) in rows.enumerated() {
        if let value = column.string(at: row), let code = index[value] { codes[i * q + j] = code }
      }
      levels.append(sorted)
    }
    self.init(rows: rows.count, names: columns.map(\.name), levels: levels, codes: codes)
  }

  /// Number of missing values per column.
  public var missingCounts: [Int] {
    var counts = [Int](repeating: 0, count: columns)
    for (index, code) in codes.enumerated() where code < 0 { counts[index % columns] += 1 }
    return counts
  }
}
