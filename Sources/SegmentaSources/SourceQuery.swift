import SegmentaCore

/// What to read from a database: a query (`query="SELECT …"`) or a whole table (`table=NAME`).
public enum SourceQuery: Sendable, Equatable {
  /// One SQL statement returning rows; heavy work (joins, GROUP BY) stays in the database.
  case sql(String)
  /// A table or view, named as in SQL: `orders`, `sales.orders`, `"Order Lines"`.
  case table(String)

  /// Whether `name` is a table name as SQL writes one: dot-separated parts, each a plain identifier (letters,
  /// digits, `_`, `$`, not starting with a digit) or a double-quoted one without `"` inside. Nothing else is
  /// ever put into a statement, so a name cannot smuggle in SQL.
  public static func isTableName(_ name: String) -> Bool {
    let parts = name.split(separator: ".", omittingEmptySubsequences: false)
    return (1...3).contains(parts.count)
      && parts.allSatisfy { part in
        if part.count >= 3, part.first == "\"", part.last == "\"" {
          return !part.dropFirst().dropLast().contains("\"")
        }
        guard let first = part.first, first.isLetter || first == "_" else { return false }
        return part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
      }
  }

  /// The statement to run: the query as given, or `SELECT * FROM name [ORDER BY columns]`.
  func statement(orderedBy columns: [String] = []) -> String {
    switch self {
    case .sql(let sql): sql
    case .table(let name):
      "SELECT * FROM \(name)" + (columns.isEmpty ? "" : " ORDER BY " + columns.joined(separator: ", "))
    }
  }

  /// Whether the query says `ORDER BY` (outside of quotes and comments this is a heuristic: a query with an
  /// ORDER BY only in a subquery passes too).
  var mentionsOrderBy: Bool {
    guard case .sql(let sql) = self else { return false }
    let words = sql.uppercased().split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ")" })
    return zip(words, words.dropFirst()).contains { $0 == "ORDER" && $1 == "BY" }
  }
}
