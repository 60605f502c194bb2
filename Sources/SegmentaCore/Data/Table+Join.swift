/// Joining the columns of another table by a key column (`join NAME on COL`).
extension Table {
  /// A left join and what it matched.
  public struct JoinResult: Sendable, Equatable {
    /// This table's rows in their order, with the other table's columns appended.
    public let table: Table
    /// Rows of this table that found a partner.
    public let matched: Int
    /// Rows of the other table that no row of this table matched.
    public let unusedRight: Int
    /// The other table's columns whose names were taken, renamed `NAME_suffix`: (old, new) names.
    public let renamed: [Renaming]
  }

  /// A column added under another name because its own was taken.
  public struct Renaming: Sendable, Equatable {
    public let from: String
    public let to: String
  }

  /// Adds the columns of `right` (except its key) to this table, matching rows whose `key` values have the same
  /// text (`Column.text(at:)`, so numeric 7 matches text "7"). Keeps this table's rows and their order; rows
  /// without a partner (or with a missing key) get missing values. A column name already in this table gets the
  /// suffix `_suffix`.
  /// - Throws: ``SegmentaError/unknownColumn(_:suggestion:)`` when either table lacks `key`;
  ///   ``SegmentaError/duplicateKey(column:key:rows:)`` when a key appears twice in `right` (1-based data rows);
  ///   ``SegmentaError/duplicateColumn(_:hint:)`` when every column of `right` is here already (joined twice) or
  ///   even the suffixed name is taken.
  /// - Complexity: O(rows of both tables); identifier keys are compared as bytes, without a `String` per row.
  public func leftJoin(_ right: Table, on key: String, suffix: String) throws(SegmentaError) -> JoinResult {
    let leftKey = try requireColumn(key)
    let rightKey = try right.requireColumn(key)
    // An identifier key is looked up in its own bytes; other keys are written as text once.
    let rightTexts =
      rightKey.kind == .identifier
      ? rightKey.identifiers : TextArena((0..<right.rowCount).map { rightKey.text(at: $0) })
    let (index, repeated) = TextIndex.build(rightTexts)
    if let repeated {
      let k = rightKey.text(at: repeated.row)
      let rows = (0..<right.rowCount).filter { rightKey.text(at: $0) == k }.map { $0 + 1 }
      throw .duplicateKey(column: key, key: k, rows: rows)
    }
    let partner = (0..<rowCount).map { row -> Int? in
      if leftKey.kind == .identifier { return leftKey.identifiers.withUTF8(at: row) { index.row(of: $0) } }
      var k = leftKey.text(at: row)
      return k.withUTF8 { index.row(of: $0) }
    }
    let incoming = right.columns.map(\.name).filter { $0 != key }
    if let first = incoming.first, incoming.allSatisfy({ column(named: $0) != nil }) {
      throw .duplicateColumn(
        first, hint: "every column of '\(right.name)' is here already; was it joined already?")
    }
    var result = self
    var renamed: [Renaming] = []
    for column in right.columns where column.name != key {
      var name = column.name
      if result.column(named: name) != nil {
        name = "\(column.name)_\(suffix)"
        guard result.column(named: name) == nil else {
          throw .duplicateColumn(name, hint: "was '\(right.name)' joined already? load the data again to start over")
        }
        renamed.append(Renaming(from: column.name, to: name))
      }
      result.setColumn(Self.pick(column, partner).renamed(name))
    }
    let used = Set(partner.compactMap { $0 })
    return JoinResult(
      table: result, matched: partner.filter { $0 != nil }.count, unusedRight: index.count - used.count,
      renamed: renamed)
  }

  /// The values of `column` at `rows` (missing where `nil`).
  private static func pick(_ column: Column, _ rows: [Int?]) -> Column {
    column.selecting(rows)
  }
}
