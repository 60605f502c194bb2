import SegmentaCore

/// Reads a query result (or a table) from a PostgreSQL server through libpq, in a read-only session.
///
/// The connection string is a `postgresql://user@host:port/database?sslmode=…` URI or libpq's `key=value`
/// settings (`host=db port=5432 dbname=erp user=app`). It must not carry a password: libpq takes it from `PGPASSWORD` or `~/.pgpass`, so it never appears in a transcript, a journal or
/// the shell history. Aggregation belongs in the query (`GROUP BY customer_id`): only the result travels, so a
/// 100-million-row order table never leaves the database.
public enum PostgresSource {
  /// Runs `query` on the server `uri` names and types the result.
  ///
  /// - Parameters:
  ///   - uri: A `postgresql://` or `postgres://` connection URI, or `key=value` settings, without a password.
  ///   - query: A statement, or a table read in the order of its primary key.
  ///   - name: The table's name in the workspace.
  ///   - idColumn: The identifier column; detected when `nil`.
  ///   - dates: Columns that must hold dates.
  ///   - context: Ctrl-C cancels the statement on the server (checked between rows as they arrive).
  /// - Throws: ``SegmentaError/database(source:problem:position:hint:)`` for a malformed string or one with a
  ///   password, a failed connection (libpq's message and what to check), a failed statement (the server's
  ///   message, with the character it points at), a statement without rows, or a result that cannot become a
  ///   table; ``SegmentaError/interrupted``.
  public static func load(
    uri: String, query: SourceQuery, name: String, idColumn: String? = nil, dates: DateColumns = DateColumns(),
    context: ExecutionContext
  ) throws(SegmentaError) -> SourceLoad {
    let source = "postgres:" + Credentials.redacted(uri)
    try PostgresConnectionString.check(uri, source: source)
    let connection: PostgresConnection
    do {
      connection = try PostgresConnection(
        connectionString: uri, defaults: [("connect_timeout", "10"), ("application_name", "segmenta")],
        overrides: [("client_encoding", "UTF8")])
    } catch {
      throw PostgresConnectionString.connectionError(error, source: source)
    }
    let session = Session(connection: connection, source: source, query: query, context: context)
    // Read-only, whatever the query says; ISO dates whatever the server's DateStyle.
    _ = try session.run(
      "SELECT set_config('default_transaction_read_only', 'on', false), set_config('DateStyle', 'ISO', false)")
    var orderWarning: String?
    var statement = query.statement()
    if case .table(let table) = query {
      guard SourceQuery.isTableName(table) else {
        throw .database(
          source: source, problem: "'\(table)' is not a table name", position: nil,
          hint: "write it as in SQL: orders, sales.orders or \"Order Lines\"")
      }
      let key = try primaryKey(of: table, session: session)
      if key.isEmpty {
        orderWarning =
          "table \(table) has no primary key, so the server may return its rows in another order next time; "
          + "use query=\"SELECT * FROM \(table) ORDER BY …\" for a stable fingerprint"
      }
      statement = query.statement(orderedBy: key)
    } else if !query.mentionsOrderBy {
      orderWarning = SourceWarnings.noOrderBy
    }
    var result: ResultSet?
    var readings: [PostgresValues.Reading] = []
    let returnsRows = try session.run(statement, userQuery: true) { rows in
      if result == nil {
        let columns = 0..<rows.columnCount
        result = ResultSet(columnNames: columns.map(rows.name))
        readings = columns.map { PostgresValues.reading(for: rows.typeOID($0)) }
      }
      append(rows, readings: readings, to: &result!)
    }
    guard returnsRows, let result = result.take() else {
      throw .database(
        source: source, problem: "the statement returns no rows", position: nil,
        hint: "load reads the result of a SELECT (or a table=NAME)")
    }
    let typed = try result.table(name: name, source: source, idColumn: idColumn, dates: dates, context: context)
    return SourceLoad(table: typed.table, fingerprint: typed.fingerprint, orderWarning: orderWarning)
  }

  /// The database a connection string names (`dbname=…`, or a URI's path), if it parses and names one.
  public static func databaseName(of connectionString: String) -> String? {
    (try? PostgresConnection.settings(of: connectionString))?.first { $0.key == "dbname" }?.value
  }

  /// The primary key's columns of `table`, quoted for SQL, in key order (none when it has no primary key).
  private static func primaryKey(of table: String, session: Session) throws(SegmentaError) -> [String] {
    let sql = """
      SELECT quote_ident(a.attname) FROM pg_index i
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = $1::regclass AND i.indisprimary
      ORDER BY array_position(i.indkey::int2[], a.attnum)
      """
    var key: [String] = []
    _ = try session.run(sql, parameters: [table]) { rows in
      for r in 0..<rows.rowCount { key.append(rows.value(r, 0)) }
    }
    return key
  }

  /// Appends the rows of `rows` (one, or none after the last) to `result`.
  private static func append(_ rows: PostgresResult, readings: [PostgresValues.Reading], to result: inout ResultSet) {
    for r in 0..<rows.rowCount {
      for c in readings.indices {
        if rows.isNull(r, c) {
          result.appendNull()
        } else {
          PostgresValues.append(rows.value(r, c), as: readings[c], to: &result)
        }
      }
    }
  }

  /// A connection with what its errors need to name.
  private struct Session {
    let connection: PostgresConnection
    let source: String
    let query: SourceQuery
    let context: ExecutionContext

    /// Runs `sql`, handing its results to `results` as they arrive (see
    /// ``PostgresConnection/query(_:parameters:cancellation:results:)``); `false` when it returns no rows.
    /// Errors point into the statement only when it is the user's own.
    func run(
      _ sql: String, parameters: [String] = [], userQuery: Bool = false,
      results: (PostgresResult) -> Void = { _ in }
    ) throws(SegmentaError) -> Bool {
      do {
        return try connection.query(
          sql, parameters: parameters, cancellation: context.cancellation, results: results)
      } catch {
        throw statementError(error, source: source, userQuery: userQuery, query: query)
      }
    }
  }

  /// The server's message with the position it points at (for the user's own statement only) and a hint.
  private static func statementError(
    _ failure: PostgresFailure, source: String, userQuery: Bool, query: SourceQuery
  ) -> SegmentaError {
    guard case .failed(let message, let sqlState, let position, let serverHint) = failure else { return .interrupted }
    let hint: String
    switch sqlState {
    case "42P01":
      hint =
        if case .table = query { "check the table's name (and schema); \\dt in psql lists the tables" } else {
          "check the table names in the query; \\dt in psql lists the tables"
        }
    case "42703": hint = serverHint ?? "check the column names; \\d TABLE in psql shows a table's columns"
    case "25006": hint = "load only reads; write a SELECT"
    case "42501": hint = "the database user lacks the privilege; ask for SELECT on the table"
    case "57014": hint = "the server cancelled the statement (statement_timeout?); aggregate more, or filter"
    default: hint = serverHint ?? "check the SQL"
    }
    return .database(source: source, problem: message, position: userQuery ? position : nil, hint: hint)
  }
}
