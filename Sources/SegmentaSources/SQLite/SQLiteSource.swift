import Foundation
import GRDB
import GRDBSQLite
import SegmentaCore

/// Reads a query result (or a table) from an SQLite database file through GRDB, read-only.
///
/// Values keep SQLite's storage classes: INTEGER and REAL are numbers, TEXT goes through the CSV rules (so
/// `'2024-12-31'` and `'31.12.2024'` are dates, `'04078'` is a code), NULL is missing and BLOBs are refused.
public enum SQLiteSource {
  /// Runs `query` against the database at `path` and types the result.
  ///
  /// - Parameters:
  ///   - path: The database file (absolute, or relative to the working directory).
  ///   - displayPath: How messages name the file (`../datasets/shop.sqlite`, as the user sees it).
  ///   - query: A statement, or a table read in its stored order (rowid, or the primary key of a `WITHOUT
  ///     ROWID` table).
  ///   - name: The table's name in the workspace.
  ///   - idColumn: The identifier column; detected when `nil`.
  ///   - dates: Columns that must hold dates.
  ///   - context: Ctrl-C interrupts the statement; rows are checked every 4,096.
  /// - Throws: ``SegmentaError/fileUnreadable(path:reason:)`` when the file is missing or a folder;
  ///   ``SegmentaError/database(source:problem:position:hint:)`` when it is no SQLite database, the statement
  ///   fails (SQLite's message, with the character it points at when SQLite says), it tries to write, or the
  ///   result cannot become a table (see ``ResultSet/table(name:source:idColumn:dates:context:)``);
  ///   ``SegmentaError/interrupted``.
  public static func load(
    path: String, displayPath: String, query: SourceQuery, name: String, idColumn: String? = nil,
    dates: DateColumns = DateColumns(), context: ExecutionContext
  ) throws(SegmentaError) -> SourceLoad {
    try requireFile(path, displayPath: displayPath)
    let source = "sqlite:" + displayPath
    var configuration = Configuration()
    configuration.readonly = true
    let result: ResultSet
    do {
      let database = try DatabaseQueue(path: path, configuration: configuration)
      let watcher = InterruptWatcher(flag: context.cancellation) { database.interrupt() }
      defer { watcher.stop() }
      result = try database.read { db in try read(query, db: db, source: source, context: context) }
    } catch let error as SegmentaError {
      throw error
    } catch let error as DatabaseError {
      throw Self.error(error, source: source, query: query, position: nil)
    } catch {
      throw .database(source: source, problem: "\(error)", position: nil, hint: "")
    }
    let typed = try result.table(name: name, source: source, idColumn: idColumn, dates: dates, context: context)
    let warning =
      if case .sql = query, !query.mentionsOrderBy { SourceWarnings.noOrderBy } else { String?.none }
    return SourceLoad(table: typed.table, fingerprint: typed.fingerprint, orderWarning: warning)
  }

  /// The tables and views of the database at `path`, sorted, written as `table=` takes them (a name that is no
  /// plain identifier in double quotes); empty when the file is missing or no SQLite database. For completion.
  public static func tableNames(path: String) -> [String] {
    var configuration = Configuration()
    configuration.readonly = true
    let sql =
      "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name"
    guard let database = try? DatabaseQueue(path: path, configuration: configuration),
      let names = try? database.read({ db in try String.fetchAll(db, sql: sql) })
    else { return [] }
    return names.map { name in
      SourceQuery.isTableName(name) && !name.contains(".") ? name : "\"" + name + "\""
    }.filter { SourceQuery.isTableName($0) }
  }

  /// The rows of `query`, as a ``ResultSet``.
  private static func read(_ query: SourceQuery, db: Database, source: String, context: ExecutionContext) throws
    -> ResultSet
  {
    let sql = query.statement()
    let statement: Statement
    do {
      statement = try db.makeStatement(sql: sql)
    } catch let error as DatabaseError {
      // SQLite points at the offending token (a byte offset) until the next call on this connection.
      let offset = Int(sqlite3_error_offset(db.sqliteConnection))
      let position = offset >= 0 ? String(decoding: sql.utf8.prefix(offset), as: UTF8.self).count + 1 : nil
      throw Self.error(error, source: source, query: query, position: position)
    }
    guard statement.isReadonly else {
      throw SegmentaError.database(
        source: source, problem: "the statement would change the database", position: nil,
        hint: "load only reads; write a SELECT")
    }
    guard statement.columnCount > 0 else {
      throw SegmentaError.database(
        source: source, problem: "the statement returns no rows", position: nil,
        hint: "load reads the result of a SELECT (or a table=NAME)")
    }
    var result = ResultSet(columnNames: statement.columnNames)
    let rows = try Row.fetchCursor(statement)
    var count = 0
    while let row = try rows.next() {
      count += 1
      if count & 0xFFF == 0 { try context.checkCancellation() }
      for index in 0..<row.count {
        let value: DatabaseValue = row[index]
        switch value.storage {
        case .null: result.appendNull()
        case .int64(let integer): result.append(integer: integer)
        case .double(let real): result.append(real)
        case .string(let text): result.append(text)
        case .blob:
          throw SegmentaError.database(
            source: source, problem: "column '\(statement.columnNames[index])' holds binary data (a BLOB)",
            position: nil, hint: "leave it out of the query, or convert it, e.g. hex(x)")
        }
      }
    }
    try context.checkCancellation()
    return result
  }

  private static func requireFile(_ path: String, displayPath: String) throws(SegmentaError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .fileUnreadable(path: displayPath, reason: "no such file; paths are relative to the session's folder")
    }
    if isDirectory.boolValue { throw .fileUnreadable(path: displayPath, reason: "it is a directory") }
  }

  /// SQLite's message with what to do about the common cases.
  private static func error(_ error: DatabaseError, source: String, query: SourceQuery, position: Int?)
    -> SegmentaError
  {
    if error.resultCode == .SQLITE_INTERRUPT { return .interrupted }
    let message = error.message ?? "SQLite error \(error.resultCode.rawValue)"
    let hint: String
    switch error.resultCode {
    case .SQLITE_NOTADB:
      hint = "this file is not an SQLite 3 database; a CSV file loads without sqlite:"
    case .SQLITE_READONLY:
      hint = "load only reads; write a SELECT"
    case .SQLITE_CANTOPEN, .SQLITE_PERM:
      hint = "check that the file exists and is readable"
    default:
      if message.hasPrefix("no such table"), case .table = query {
        hint = "check the table's name; `sqlite3 FILE .tables` lists them"
      } else if message.hasPrefix("no such table") || message.hasPrefix("no such column") {
        hint = "check the names in the query; `sqlite3 FILE .schema` shows the tables and columns"
      } else {
        hint = "check the SQL"
      }
    }
    return .database(source: source, problem: message, position: position, hint: hint)
  }
}
