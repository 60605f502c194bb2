import CLibPQ
import Foundation
import SegmentaCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What libpq reported.
enum PostgresFailure: Error, Equatable {
  /// The user's Ctrl-C cancelled the statement on the server.
  case interrupted
  /// A connection or statement failed: libpq's or the server's message on one line, and for a statement the
  /// SQLSTATE code, the 1-based character of the statement it points at and the server's hint, when given.
  case failed(message: String, sqlState: String?, position: Int?, hint: String?)

  static func failed(_ message: String) -> PostgresFailure {
    .failed(message: message, sqlState: nil, position: nil, hint: nil)
  }
}

/// A connection to a PostgreSQL server through libpq, PostgreSQL's own C client (which also reads
/// `PGPASSWORD`, `~/.pgpass`, `PGSSLMODE` and the other `PG…` variables). The only file that calls libpq.
final class PostgresConnection {
  private let connection: OpaquePointer

  /// The settings a connection string makes, in libpq's order, parsed by libpq itself (`PQconninfoParse`).
  ///
  /// - Throws: ``PostgresFailure/failed(message:sqlState:position:hint:)`` with libpq's message when the
  ///   string is malformed.
  static func settings(of connectionString: String) throws(PostgresFailure) -> [(key: String, value: String)] {
    try requireLibrary()
    var message: UnsafeMutablePointer<CChar>?
    guard let options = PQconninfoParse(connectionString, &message) else {
      defer { PQfreemem(message) }
      throw .failed(message.map { oneLine(String(cString: $0)) } ?? "cannot parse the connection string")
    }
    defer { PQconninfoFree(options) }
    var settings: [(key: String, value: String)] = []
    var i = 0
    while let keyword = options[i].keyword {
      if let value = options[i].val { settings.append((String(cString: keyword), String(cString: value))) }
      i += 1
    }
    return settings
  }

  /// Connects with `connectionString` (a `postgresql://` URI), after `defaults` (which the URI overrides) and
  /// before `overrides` (which override it).
  ///
  /// - Throws: ``PostgresFailure/failed(message:sqlState:position:hint:)`` with libpq's message.
  init(connectionString: String, defaults: [(String, String)], overrides: [(String, String)])
    throws(PostgresFailure)
  {
    try Self.requireLibrary()
    let settings = defaults + [("dbname", connectionString)] + overrides
    let keywords = CStrings(settings.map(\.0))
    let values = CStrings(settings.map(\.1))
    guard let connection = PQconnectdbParams(keywords.pointers, values.pointers, 1) else {
      throw .failed("libpq could not allocate a connection")
    }
    guard PQstatus(connection) == CONNECTION_OK else {
      let message = Self.oneLine(String(cString: PQerrorMessage(connection)))
      PQfinish(connection)
      throw .failed(message)
    }
    self.connection = connection
  }

  deinit { PQfinish(connection) }

  /// Why libpq cannot be used (the dynamic loader's message), or nil once it is open. libpq is opened on first use
  /// instead of being linked (see segmenta_libpq.h); every entry point checks this first.
  static var libraryProblem: String? { segmenta_libpq_load().map { String(cString: $0) } }

  private static func requireLibrary() throws(PostgresFailure) {
    if let problem = libraryProblem { throw .failed("cannot open PostgreSQL's client library: \(problem)") }
  }

  /// Runs one statement with `$1`… `parameters` (as text) in libpq's single-row mode and hands each result to
  /// `results` as it arrives: one per row, then an empty one (so a result without rows still shows its columns).
  /// A large result therefore never exists twice (libpq's copy and the caller's); only one row is held here.
  /// While the server works, `cancellation` is checked every 100 ms, and between rows; a Ctrl-C cancels the
  /// statement on the server, and no further rows are handed on.
  ///
  /// - Returns: `false` for a statement that returns no rows.
  /// - Throws: ``PostgresFailure/interrupted``, or ``PostgresFailure/failed(message:sqlState:position:hint:)``
  ///   with the server's message (rows handed on before a failure are the caller's to drop).
  func query(
    _ sql: String, parameters: [String] = [], cancellation: CancellationFlag,
    results: (PostgresResult) -> Void = { _ in }
  ) throws(PostgresFailure) -> Bool {
    let values = CStrings(parameters)
    guard
      PQsendQueryParams(connection, sql, Int32(parameters.count), nil, values.pointers, nil, nil, 0) == 1,
      PQsetSingleRowMode(connection) == 1
    else {
      throw .failed(Self.oneLine(String(cString: PQerrorMessage(connection))))
    }
    var returnsRows = false
    var failure: PostgresFailure?
    var cancelled = false
    while true {
      // Checked before every result (between rows) and every 100 ms while the server works.
      while true {
        if !cancelled, cancellation.isCancelled {
          cancelled = true
          cancel()
        }
        guard PQisBusy(connection) == 1 else { break }
        var descriptor = pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0)
        _ = poll(&descriptor, 1, 100)
        guard PQconsumeInput(connection) == 1 else {
          throw .failed(Self.oneLine(String(cString: PQerrorMessage(connection))))
        }
      }
      guard let result = PQgetResult(connection) else { break }
      defer { PQclear(result) }
      switch PQresultStatus(result) {
      case PGRES_SINGLE_TUPLE, PGRES_TUPLES_OK:
        returnsRows = true
        if failure == nil && !cancelled { results(PostgresResult(result: result)) }
      case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
        break
      case PGRES_COPY_OUT, PGRES_COPY_IN, PGRES_COPY_BOTH:
        // The connection now expects a copy protocol exchange; it is not reused, so just stop.
        throw .failed(
          message: "COPY cannot be loaded: its rows do not come as a query result", sqlState: nil, position: nil,
          hint: "give the SELECT inside it as query=")
      default:
        if failure == nil { failure = Self.failure(of: result) }
      }
    }
    if cancelled { throw .interrupted }
    if let failure { throw failure }
    return returnsRows
  }

  /// Asks the server to cancel the running statement (`PQcancel`); the statement then ends with an error.
  private func cancel() {
    guard let handle = PQgetCancel(connection) else { return }
    var buffer = [CChar](repeating: 0, count: 256)
    _ = PQcancel(handle, &buffer, Int32(buffer.count))
    PQfreeCancel(handle)
  }

  private static func failure(of result: OpaquePointer) -> PostgresFailure {
    func field(_ code: Character) -> String? {
      guard let ascii = code.asciiValue, let text = PQresultErrorField(result, Int32(ascii)) else { return nil }
      return String(cString: text)
    }
    let primary = field("M") ?? oneLine(String(cString: PQresultErrorMessage(result)))
    let message = field("D").map { "\(primary): \($0)" } ?? primary
    return .failed(
      message: oneLine(message), sqlState: field("C"), position: field("P").flatMap { Int($0) }, hint: field("H"))
  }

  /// `text` with its lines and tabs joined by single spaces (libpq ends messages with a newline and indents
  /// continuation lines).
  static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: { $0 == "\n" || $0 == "\t" }).map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }.joined(separator: " ")
  }
}

/// A view of one libpq result in text format (in single-row mode: one row, or none after the last), valid only
/// while the ``PostgresConnection/query(_:parameters:cancellation:results:)`` callback that receives it runs.
struct PostgresResult {
  fileprivate let result: OpaquePointer

  var rowCount: Int { Int(PQntuples(result)) }
  var columnCount: Int { Int(PQnfields(result)) }
  /// The name of column `column`.
  func name(_ column: Int) -> String { String(cString: PQfname(result, Int32(column))) }
  /// The type OID of column `column` (`pg_type.oid`).
  func typeOID(_ column: Int) -> UInt32 { UInt32(PQftype(result, Int32(column))) }
  func isNull(_ row: Int, _ column: Int) -> Bool { PQgetisnull(result, Int32(row), Int32(column)) == 1 }
  /// The value's text (UTF-8, as the connection's client encoding is set).
  func value(_ row: Int, _ column: Int) -> String { String(cString: PQgetvalue(result, Int32(row), Int32(column))) }
}

/// NUL-terminated copies of strings in a NULL-terminated array, as libpq's array parameters want them; freed
/// when released.
private final class CStrings {
  let pointers: [UnsafePointer<CChar>?]

  init(_ strings: [String]) {
    pointers = strings.map { UnsafePointer(strdup($0)) } + [nil]
  }

  deinit { pointers.forEach { free(UnsafeMutablePointer(mutating: $0)) } }
}
