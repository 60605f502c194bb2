import Foundation
import SegmentaCore
import SegmentaSources

/// Where `load` reads a query result from: `sqlite:FILE` or `postgres:URL` (or `postgres:"host=… dbname=…"`).
enum DatabaseLocation: Equatable {
  case sqlite(path: String)
  case postgres(uri: String)

  /// The location `argument` names, or `nil` for a plain file.
  init?(_ argument: String) {
    if argument.hasPrefix("sqlite:") {
      self = .sqlite(path: String(argument.dropFirst("sqlite:".count)))
    } else if argument.hasPrefix("postgres:") {
      self = .postgres(uri: String(argument.dropFirst("postgres:".count)))
    } else {
      return nil
    }
  }
}

extension CommandSpec {
  /// `load sqlite:FILE|postgres:URL query="…"|table=NAME [as NAME] [id=COL] [dates=COL,… format=…]`: runs the
  /// query in the database and keeps the result as a dataset, typed like a CSV file.
  static func loadDatabase(_ location: DatabaseLocation, _ command: ParsedCommand, _ context: inout CommandContext)
    throws(SessionError)
  {
    for key in ["sep", "decimal", "encoding"] {
      if let option = command.value(key) {
        throw .usage("\(key)= is for CSV files; a database returns typed values", column: option.column)
      }
    }
    let query = try sourceQuery(command)
    let idColumn = command.value("id")?.value
    let dates = try dateColumns(command)
    let execution = context.execution
    let load: SourceLoad
    let origin: String
    let name: String
    switch location {
    case .sqlite(let path):
      guard !path.isEmpty else {
        throw .usage("sqlite: needs a file: load sqlite:shop.sqlite query=\"SELECT …\"", column: nil)
      }
      let resolved = context.resolve(path, prefix: "sqlite:")
      let shown = String(context.display("sqlite:" + path).dropFirst("sqlite:".count))
      name = command.alias ?? query.tableName ?? datasetName(for: path)
      origin = "SQLite \(shown)"
      load = try context.core { () throws(SegmentaError) in
        try SQLiteSource.load(
          path: resolved, displayPath: shown, query: query, name: name, idColumn: idColumn, dates: dates,
          context: execution)
      }
    case .postgres(let uri):
      name = command.alias ?? query.tableName ?? PostgresSource.databaseName(of: uri).map(datasetName) ?? "query"
      origin = "PostgreSQL \(Credentials.redacted(uri))"
      load = try context.core { () throws(SegmentaError) in
        try PostgresSource.load(
          uri: uri, query: query, name: name, idColumn: idColumn, dates: dates, context: execution)
      }
    }
    let what = if case .table(let table) = query { "table \(table)" } else { "query" }
    let dataset = Dataset(
      table: load.table, source: Credentials.redacted(command.arguments[0].text), fingerprint: load.fingerprint)
    store(dataset, in: &context) { context in
      context.print(
        describeTable(
          load.table, source: "source: \(origin), \(what) · fingerprint \(load.fingerprint)",
          width: context.settings.width))
    }
    if let warning = load.orderWarning { context.warn(warning) }
  }

  /// `query="…"` or `table=NAME`, exactly one.
  private static func sourceQuery(_ command: ParsedCommand) throws(SessionError) -> SourceQuery {
    switch (command.value("query"), command.value("table")) {
    case (let query?, nil):
      guard !query.value.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw .usage("query= is empty: write query=\"SELECT …\"", column: query.column)
      }
      return .sql(query.value)
    case (nil, let table?):
      guard SourceQuery.isTableName(table.value) else {
        throw .usage(
          "table=\(table.value) is not a table name: write it as in SQL (orders, sales.orders, \"Order Lines\") or "
            + "use query=\"SELECT …\"", column: table.column)
      }
      return .table(table.value)
    case (_?, let table?):
      throw .usage("give query= or table=, not both", column: table.column)
    case (nil, nil):
      throw .usage(
        "say what to read: query=\"SELECT …\" (aggregate there, end with ORDER BY) or table=NAME", column: nil)
    }
  }

}

extension SourceQuery {
  /// For `table=NAME`, the table's own name (the last part, unquoted) as a dataset name.
  fileprivate var tableName: String? {
    guard case .table(let name) = self, let last = name.split(separator: ".").last else { return nil }
    return CommandSpec.datasetName(for: last.replacingOccurrences(of: "\"", with: ""))
  }
}
