/// A table as SQL statements that recreate it in a database, so an exported criteria view can run on exactly the
/// rows `assign` reads (in-session `verify`, and the consumer tests in SQLite and PostgreSQL).
public enum TableSQL {
  /// `CREATE TABLE name (…)` and one `INSERT` with every row: numbers in round-trip form (so a double-precision
  /// column holds exactly the value the tool computes with), text and dates (ISO `YYYY-MM-DD`) as string literals,
  /// `NULL` for every gap.
  ///
  /// - Parameters:
  ///   - table: the rows to load.
  ///   - name: the table's name in the database (the name the criteria view reads).
  ///   - doubleType: the numeric columns' type: `REAL` in SQLite, `DOUBLE PRECISION` in PostgreSQL.
  /// - Returns: the two statements; the `INSERT` is left out for a table without rows.
  /// - Complexity: O(rows × columns) text.
  public static func statements(_ table: Table, name: String, doubleType: String) -> [String] {
    let columns = table.columns
    let definitions = columns.map {
      "\(CriteriaSQL.identifier($0.name)) \($0.kind == .numeric ? doubleType : "TEXT")"
    }
    let create = "CREATE TABLE \(CriteriaSQL.identifier(name)) (" + definitions.joined(separator: ", ") + ")"
    guard table.rowCount > 0 else { return [create] }
    let rows = (0..<table.rowCount).map { i in
      "(" + columns.map { value($0, row: i) }.joined(separator: ", ") + ")"
    }
    return [create, "INSERT INTO \(CriteriaSQL.identifier(name)) VALUES " + rows.joined(separator: ",\n")]
  }

  /// One cell as an SQL literal.
  private static func value(_ column: Column, row: Int) -> String {
    switch column.kind {
    case .numeric: column.numbers[row].isNaN ? "NULL" : String(column.numbers[row])
    case .date: column.numbers[row].isNaN ? "NULL" : CriteriaSQL.string(column.text(at: row))
    case .categorical, .identifier: column.string(at: row).map { CriteriaSQL.string($0) } ?? "NULL"
    }
  }
}
