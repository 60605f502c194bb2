import Foundation
import SegmentaCore
import Testing

@testable import SegmentaSources

/// Loads from a real PostgreSQL server with a customers and an orders table; aggregation runs on the server.
@Suite(.enabled(if: TestPostgres.enabled, TestPostgres.skipReason))
struct PostgresSourceTests {
  static func load(
    _ query: (String) -> SourceQuery, url: String? = nil, dates: DateColumns = DateColumns(),
    context: ExecutionContext = ExecutionContext()
  ) throws -> SourceLoad {
    let server = try TestPostgres.requireURL()
    let schema = try #require(TestPostgres.schema)
    return try PostgresSource.load(
      uri: url ?? server, query: query(schema), name: "t", dates: dates, context: context)
  }

  static func failure(_ query: (String) -> SourceQuery, url: String? = nil) throws -> String {
    do {
      _ = try load(query, url: url)
      return "loaded"
    } catch let error as SegmentaError {
      return error.description
    }
  }

  /// Orders of customer K0001: o with 1 + o % 60 == 1.
  static let firstCustomersOrders = (1...5000).filter { $0 % 60 == 0 }

  @Test func aggregationRunsOnTheServerAndOnlyTheResultTravels() throws {
    let load = try Self.load { s in
      .sql(
        """
        SELECT c.customer_id, c.region, c.plz, count(*) AS orders, sum(o.amount) AS revenue,
               avg(o.discount) AS avg_discount, max(o.ordered_at)::date AS last_order, c.active
        FROM \(s).customers c JOIN \(s).orders o USING (customer_id)
        GROUP BY c.customer_id ORDER BY c.customer_id
        """)
    }
    let table = load.table
    #expect(table.rowCount == 60)
    #expect(
      table.kinds == [.identifier, .categorical, .categorical, .numeric, .numeric, .numeric, .date, .categorical])
    let revenue = Self.firstCustomersOrders.map { Double(50 + $0 * 7919 % 1000) + 0.25 }.reduce(0, +)
    #expect(table.column(named: "revenue")?.numbers.first == revenue)
    #expect(table.column(named: "orders")?.numbers.first == Double(Self.firstCustomersOrders.count))
    let lastDay = Self.firstCustomersOrders.map { $0 * 37 % 365 }.max() ?? 0
    #expect(table.texts("last_order").first == CivilDate(daysSinceEpoch: 19_723 + lastDay).iso)
    #expect(table.texts("plz").first == "07919")
    #expect(Set(table.texts("active")) == ["true", "false"])
    #expect(load.orderWarning == nil)
  }

  @Test func tablesComeInPrimaryKeyOrderWithTypes() throws {
    let first = try Self.load { .table("\($0).orders") }
    #expect(first.table.rowCount == 5000)
    #expect(first.table.kinds == [.identifier, .categorical, .date, .numeric, .numeric])
    #expect(first.table.texts("order_id").prefix(3) == ["1", "2", "3"])
    #expect(first.table.column(named: "discount")?.missingCount == 500)
    #expect(first.orderWarning == nil)
    #expect(try Self.load { .table("\($0).orders") }.fingerprint == first.fingerprint)
    let customers = try Self.load { .table("\($0).customers") }.table
    #expect(customers.kinds == [.identifier, .categorical, .categorical, .categorical, .date, .categorical])
  }

  @Test func tableWithoutPrimaryKeyAndQueryWithoutOrderByWarn() throws {
    #expect(try Self.load { .table("\($0).events") }.orderWarning?.contains("has no primary key") == true)
    #expect(try Self.load { .sql("SELECT * FROM \($0).events") }.orderWarning?.contains("no ORDER BY") == true)
  }

  @Test func forcedDatesOnText() throws {
    let load = try Self.load(
      { .sql("SELECT to_char(since, 'DD.MM.YYYY') AS since FROM \($0).customers ORDER BY customer_id") },
      dates: DateColumns(names: ["since"], format: .german))
    #expect(load.table.texts("since").first == "2020-01-02")
  }

  @Test func statementErrorsCarryTheServersMessageAndPosition() throws {
    let incomplete = { (schema: String) in "SELECT customer_id FROM \(schema).customers WHERE" }
    let syntax = try Self.failure { .sql(incomplete($0)) }
    let end = incomplete(TestPostgres.schema ?? "").count + 1
    #expect(
      syntax.hasSuffix("syntax error at end of input, at character \(end) of the query (check the SQL)"), "\(syntax)")
    let missing = try Self.failure { .sql("SELECT * FROM \($0).custmers") }
    #expect(
      missing.contains("relation \"\(TestPostgres.schema!).custmers\" does not exist, at character 15"), "\(missing)")
    #expect(try Self.failure { .table("\($0).custmers") }.contains("check the table's name (and schema)"))
    #expect(try Self.failure { .table("x; DROP TABLE \($0).orders") }.contains("is not a table name"))
    #expect(
      try Self.failure { .sql("DELETE FROM \($0).orders") }.contains(
        "cannot execute DELETE in a read-only transaction (load only reads; write a SELECT)"))
    #expect(try Self.failure { _ in .sql("SET work_mem = '8MB'") }.contains("the statement returns no rows"))
    #expect(try Self.failure { _ in .sql("SELECT 1; SELECT 2") }.contains("cannot insert multiple commands"))
    #expect(
      try Self.failure { .sql("COPY \($0).customers TO STDOUT") }.hasSuffix(
        "COPY cannot be loaded: its rows do not come as a query result (give the SELECT inside it as query=)"))
    #expect(try Self.failure { _ in .sql("SELECT 'Infinity'::float8 AS x") }.contains("row 1, column 'x': 'inf'"))
  }

  @Test func connectionProblemsSayWhatToCheck() throws {
    let server = try TestPostgres.requireURL()
    let refused = try Self.failure({ _ in .sql("SELECT 1") }, url: "postgresql://segmenta@127.0.0.1:1/segmenta_test")
    #expect(refused.contains("cannot connect:") && refused.contains("Connection refused"), "\(refused)")
    #expect(refused.contains("pg_isready"))
    let database = try Self.failure(
      { _ in .sql("SELECT 1") }, url: server.replacingOccurrences(of: "segmenta_test", with: "nodb"))
    #expect(database.contains("database \"nodb\" does not exist (check the user and database names"), "\(database)")
    #expect(try Self.failure({ _ in .sql("SELECT 1") }, url: "mysql://x@y/z").contains("expected a connection URI"))
    let malformed = try Self.failure({ _ in .sql("SELECT 1") }, url: "postgresql://x@y/z?colour=blue")
    #expect(
      malformed.contains("the connection URI is malformed: invalid URI query parameter: \"colour\""), "\(malformed)")
    let port = try Self.failure({ _ in .sql("SELECT 1") }, url: "postgresql://x@y:port/z")
    #expect(port.contains("cannot connect: invalid integer value \"port\""), "\(port)")
  }

  @Test func passwordsInTheURIAreRefusedAndNeverRepeated() throws {
    let server = try TestPostgres.requireURL()
    let secret = "s3cr3t-Passw0rd"
    for url in [
      server.replacingOccurrences(of: "segmenta@", with: "segmenta:\(secret)@"),
      server + "?password=\(secret)",
    ] {
      let said = try Self.failure({ _ in .sql("SELECT 1") }, url: url)
      #expect(said.contains("contains a password"), "\(said)")
      #expect(said.contains("PGPASSWORD") && said.contains("~/.pgpass"))
      #expect(!said.contains(secret))
    }
  }

  @Test func ctrlCCancelsTheStatementOnTheServer() throws {
    let flag = CancellationFlag()
    Thread {
      Thread.sleep(forTimeInterval: 0.5)
      flag.cancel()
    }.start()
    let started = Date()
    #expect(throws: SegmentaError.interrupted) {
      try Self.load({ _ in .sql("SELECT pg_sleep(30) AS x") }, context: ExecutionContext(cancellation: flag))
    }
    #expect(Date().timeIntervalSince(started) < 5)
  }

  /// Rows arrive one at a time (single-row mode), yet the table and its fingerprint are those of the same cells
  /// appended to a result by hand: every row, in order, NULLs and long texts included.
  @Test func streamedRowsGiveTheSameTableAndFingerprintAsTheirCells() throws {
    let rows = 20_000
    let load = try Self.load { _ in
      .sql(
        """
        SELECT g AS customer_id, 'DE-4711-' || lpad(g::text, 6, '0') || '-Ä' AS erp_id, g * 0.25 AS amount,
               CASE WHEN g % 7 = 0 THEN NULL ELSE 'r' || (g % 3) END AS region
        FROM generate_series(1, \(rows)) g ORDER BY g
        """)
    }
    var expected = ResultSet(columnNames: ["customer_id", "erp_id", "amount", "region"])
    for g in 1...rows {
      expected.append(Double(g))
      expected.append("DE-4711-" + String(repeating: "0", count: 6 - String(g).count) + String(g) + "-Ä")
      expected.append(Double(g) * 0.25)
      if g % 7 == 0 { expected.appendNull() } else { expected.append("r\(g % 3)") }
    }
    let typed = try expected.table(name: "t", source: "s", context: ExecutionContext())
    #expect(load.table.columns == typed.table.columns)
    #expect(load.table.idColumn == "customer_id")
    #expect(load.fingerprint == typed.fingerprint)
  }

  /// A Ctrl-C while rows are arriving stops handing them on at once and ends with ``PostgresFailure/interrupted``.
  @Test func ctrlCWhileRowsArriveStopsTheStream() throws {
    let connection = try PostgresConnection(
      connectionString: try TestPostgres.requireURL(), defaults: [], overrides: [])
    let flag = CancellationFlag()
    var handed = 0
    #expect(throws: PostgresFailure.interrupted) {
      _ = try connection.query("SELECT g FROM generate_series(1, 200000) g", cancellation: flag) { result in
        handed += result.rowCount
        if handed == 1000 { flag.cancel() }
      }
    }
    #expect(handed == 1000)
  }
}
