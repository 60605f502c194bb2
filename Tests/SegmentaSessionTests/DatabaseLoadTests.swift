import Foundation
import GRDB
import Testing

@testable import SegmentaSession

/// `load sqlite:…` and `load postgres:…` at the prompt: output, journal, errors, and passwords that never reach
/// a transcript, journal or history.
@Suite struct DatabaseLoadTests {
  /// A folder with `shop.sqlite` (customers and orders) and `plain.csv`, written once.
  static let folder: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-db-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: url.appendingPathComponent("data"), withIntermediateDirectories: true)
      try "id,booked,amount\nA,20241231,1\nB,20240101,2\n".write(
        to: url.appendingPathComponent("plain.csv"), atomically: true, encoding: .utf8)
      let queue = try DatabaseQueue(path: url.appendingPathComponent("data/shop.sqlite").path)
      try queue.write { db in
        try db.execute(
          sql: """
            CREATE TABLE customers (customer_id TEXT PRIMARY KEY, region TEXT, since TEXT);
            CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id TEXT, ordered_on TEXT, amount REAL);
            """)
        for i in 1...12 {
          try db.execute(
            sql: "INSERT INTO customers VALUES (?, ?, ?)",
            arguments: ["K\(100 + i)", i % 2 == 0 ? "Nord" : "Süd", "\(i).03.2021"])
        }
        for o in 1...120 {
          try db.execute(
            sql: "INSERT INTO orders (customer_id, ordered_on, amount) VALUES (?, ?, ?)",
            arguments: [
              "K\(101 + o % 12)", String(format: "2024-%02d-%02d", 1 + o % 12, 1 + o % 28),
              Double(o * 37 % 400) + 0.5,
            ])
        }
      }
    } catch {
      Issue.record("cannot create the test files: \(error)")
    }
    return url
  }()

  static let aggregation =
    "load sqlite:data/shop.sqlite query=\"SELECT customer_id, count(*) AS orders, sum(amount) AS revenue "
    + "FROM orders GROUP BY customer_id ORDER BY customer_id\" as behaviour"

  static func text(_ outcome: CommandOutcome) -> String { outcome.lines.map(\.text).joined(separator: "\n") }

  @Test func sqliteAggregationPrintsLikeACSVLoad() throws {
    let interpreter = Interpreter(baseDirectory: Self.folder.path)
    let outcome = interpreter.execute(Self.aggregation)
    #expect(outcome.error == nil, "\(Self.text(outcome))")
    let lines = outcome.lines.map(\.text)
    #expect(lines.first == "behaviour: 12 rows × 3 columns (2 numeric, id: customer_id)")
    #expect(lines.dropFirst().first?.hasPrefix("source: SQLite data/shop.sqlite, query · fingerprint ") == true)
    #expect(lines.contains("  numeric     orders, revenue"))
    #expect(interpreter.workspace.datasets["behaviour"]?.table.rowCount == 12)
    for line in ["features orders revenue", "scale zscore", "run kmeans k=3 seed=1"] {
      #expect(interpreter.execute(line).error == nil, "\(line)")
    }
  }

  @Test func tableLoadsAreNamedAfterTheTableAndGermanDatesAreDates() throws {
    let interpreter = Interpreter(baseDirectory: Self.folder.path)
    let outcome = interpreter.execute("load sqlite:data/shop.sqlite table=customers dates=since format=DD.MM.YYYY")
    #expect(outcome.error == nil, "\(Self.text(outcome))")
    let table = try #require(interpreter.workspace.datasets["customers"]?.table)
    #expect(table.column(named: "since")?.kind == .date)
    #expect(table.column(named: "since")?.text(at: 0) == "2021-03-01")
    #expect(!outcome.lines.contains { if case .diagnostic = $0 { true } else { false } })
  }

  @Test func queriesWithoutOrderByWarn() {
    let outcome = Interpreter(baseDirectory: Self.folder.path).execute(
      "load sqlite:data/shop.sqlite query=\"SELECT * FROM orders\"")
    #expect(outcome.error == nil)
    #expect(outcome.lines.contains { $0.text.hasPrefix("warning: the query has no ORDER BY") })
  }

  @Test func csvDatesOption() throws {
    let interpreter = Interpreter(baseDirectory: Self.folder.path)
    #expect(interpreter.execute("load plain.csv dates=booked format=YYYYMMDD").error == nil)
    #expect(interpreter.workspace.datasets["plain"]?.table.column(named: "booked")?.text(at: 0) == "2024-12-31")
  }

  @Test func journalRecordsTheDatabasePathRelativeToTheSessionFile() throws {
    let sessions = Self.folder.appendingPathComponent("sessions")
    let interpreter = Interpreter(baseDirectory: Self.folder.path, displayDirectory: sessions.path)
    let outcome = interpreter.execute(Self.aggregation)
    #expect(outcome.recordedText?.hasPrefix("load sqlite:../data/shop.sqlite query=") == true)
    #expect(outcome.lines.map(\.text).dropFirst().first?.hasPrefix("source: SQLite ../data/shop.sqlite") == true)
  }

  static let badCases: [(command: String, message: String)] = [
    ("load sqlite:data/shop.sqlite query=\"SELECT * FROM ordrs\"", "no such table: ordrs"),
    ("load sqlite:data/shop.sqlite query=\"SELEKT 1\"", "near \"SELEKT\": syntax error, at character 1 of the query"),
    ("load sqlite:data/shop.sqlite table=ordrs", "no such table: ordrs (check the table's name"),
    ("load sqlite:data/nope.sqlite table=orders", "cannot read 'data/nope.sqlite': no such file"),
    ("load sqlite:plain.csv table=orders", "file is not a database"),
    ("load sqlite:data table=orders", "it is a directory"),
    ("load sqlite:data/shop.sqlite query=\"DELETE FROM orders\"", "the statement would change the database"),
    ("load sqlite:data/shop.sqlite", "say what to read: query=\"SELECT …\""),
    ("load sqlite:data/shop.sqlite query=\"SELECT 1\" table=orders", "give query= or table=, not both"),
    ("load sqlite:data/shop.sqlite table=\"x; DROP TABLE orders\"", "is not a table name"),
    ("load sqlite:data/shop.sqlite table=orders sep=;", "sep= is for CSV files"),
    ("load sqlite:data/shop.sqlite table=customers dates=region", "row 1, column 'region': 'Süd' is not a date"),
    ("load sqlite:data/shop.sqlite table=customers dates=regoin", "unknown column 'regoin' (did you mean 'region'?)"),
    ("load plain.csv query=\"SELECT 1\"", "query= is for databases"),
    ("load plain.csv format=DD.MM.YYYY", "format= says how the dates= columns are written"),
    ("load plain.csv dates=booked format=MM/DD/YYYY", "format=MM/DD/YYYY is invalid"),
    ("load plain.csv dates=amount", "'1' in date column 'amount' is not a date"),
    ("load postgres:\"postgresql://app@127.0.0.1:1/erp\" query=\"SELECT 1\"", "Connection refused"),
    ("load postgres:\"mysql://app@db/erp\" query=\"SELECT 1\"", "expected a connection URI"),
    ("load postgres:\"postgresql://app:geheim@127.0.0.1:1/erp\" query=\"SELECT 1\"", "contains a password"),
    ("load postgres:\"host=127.0.0.1 port=1 dbname=erp user=app\" query=\"SELECT 1\"", "Connection refused"),
    (
      "load postgres:\"host=127.0.0.1 port=1 dbname=erp password=geheim\" query=\"SELECT 1\"",
      "the connection string contains a password"
    ),
    (
      "load postgres:\"host=127.0.0.1 dbname\" query=\"SELECT 1\"",
      "the connection string is malformed: missing \"=\" after \"dbname\""
    ),
    ("load postgres:erp query=\"SELECT 1\"", "expected a connection URI or key=value settings"),
  ]

  @Test(arguments: 0..<badCases.count)
  func failsClearlyAndChangesNothing(index: Int) {
    let c = Self.badCases[index]
    let interpreter = Interpreter(baseDirectory: Self.folder.path)
    #expect(interpreter.execute("load plain.csv as before").error == nil)
    let before = BadInputTests.summary(interpreter.workspace)
    let outcome = interpreter.execute(c.command)
    let message = Self.text(outcome)
    #expect(outcome.error != nil, "`\(c.command)` should fail")
    #expect(message.contains(c.message), "`\(c.command)` said: \(message)")
    #expect(!message.contains("geheim"))
    #expect(BadInputTests.summary(interpreter.workspace) == before, "`\(c.command)` changed the workspace")
  }

  @Test func completionOffersSQLiteFilesAndTheirTables() throws {
    let queue = try DatabaseQueue(path: Self.folder.appendingPathComponent("data/quoted.sqlite").path)
    try queue.write { db in
      try db.execute(sql: #"CREATE TABLE "Order Lines" (x); CREATE TABLE plain (x); CREATE VIEW v AS SELECT 1"#)
    }
    let completer = SessionCompleter(interpreter: Interpreter(baseDirectory: Self.folder.path))
    #expect(completer.completions(for: "sqlite:da", lineBeforeWord: "load ") == ["sqlite:data/"])
    #expect(completer.completions(for: "sqlite:data/sh", lineBeforeWord: "load ") == ["sqlite:data/shop.sqlite"])
    // readline splits the word at `=`; the test drivers pass it whole.
    #expect(
      completer.completions(for: "", lineBeforeWord: "load sqlite:data/shop.sqlite table=") == ["customers", "orders"])
    #expect(completer.completions(for: "table=o", lineBeforeWord: "load sqlite:data/shop.sqlite ") == ["table=orders"])
    #expect(
      completer.completions(for: "", lineBeforeWord: "load sqlite:data/quoted.sqlite table=")
        == ["\"Order Lines\"", "plain", "v"])
    for missing in ["data/nope.sqlite", "plain.csv", "data"] {
      #expect(completer.completions(for: "", lineBeforeWord: "load sqlite:\(missing) table=").isEmpty, "\(missing)")
    }
  }

  @Test func passwordsNeverReachJournalHistoryOrOutput() throws {
    let path = Self.folder.appendingPathComponent("journal-\(UUID().uuidString).seg").path
    let journal = Journal(path: path, header: ["version 1"])
    let reader = ScriptedReader([
      .line("load postgres:\"postgresql://app:geheim@127.0.0.1:1/erp\" \\"), .line("  query=\"SELECT 1\""),
      .line("load postgres:\"postgresql://127.0.0.1:1/erp?user=app&password=geheim\" query=\"SELECT 1\""),
      .line("load postgres:\"host=127.0.0.1 port=1 password='geheim und mehr' dbname=erp\" query=\"SELECT 1\""),
    ])
    var printed = ""
    let interpreter = Interpreter(baseDirectory: Self.folder.path)
    REPLDriver(interpreter: interpreter, reader: reader, journal: journal) { printed += $0 }.run()
    let journaled = try String(contentsOfFile: path, encoding: .utf8)
    #expect(journaled.contains("# load postgres:\"postgresql://app:***@127.0.0.1:1/erp\""), "\(journaled)")
    #expect(journaled.contains("password=***"))
    #expect(journaled.contains("# load postgres:\"host=127.0.0.1 port=1 password=*** dbname=erp\""), "\(journaled)")
    for text in [journaled, printed] + reader.history { #expect(!text.contains("geheim"), "\(text)") }
  }
}

/// `load postgres:…` against the server of scripts/with-postgres.sh (skipped without it, failing in CI).
@Suite(
  .enabled(
    if: ProcessInfo.processInfo.environment["SEGMENTA_TEST_POSTGRES_URL"] != nil
      || ProcessInfo.processInfo.environment["CI"] == "true",
    "no PostgreSQL server: run `scripts/with-postgres.sh swift test` (SEGMENTA_TEST_POSTGRES_URL is not set)"))
struct PostgresLoadTests {
  static func server() throws -> String {
    try #require(
      ProcessInfo.processInfo.environment["SEGMENTA_TEST_POSTGRES_URL"],
      "SEGMENTA_TEST_POSTGRES_URL is not set; CI must run `swift test` under scripts/with-postgres.sh")
  }

  @Test func loadsAServerSideAggregationAndJournalsNoPassword() throws {
    let url = try Self.server()
    let password = try #require(ProcessInfo.processInfo.environment["PGPASSWORD"], "with-postgres.sh sets PGPASSWORD")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-pg-\(UUID().uuidString)")
    let path = folder.appendingPathComponent("s.seg").path
    let journal = Journal(path: path, header: ["version 1"])
    let query =
      "SELECT 'K' || lpad((i % 25)::text, 3, '0') AS customer_id, count(*) AS orders, sum(i * 1.5) AS revenue, "
      + "max(DATE '2024-01-01' + i) AS last_order FROM generate_series(1, 1000) i GROUP BY 1 ORDER BY 1"
    let reader = ScriptedReader([
      .line("load postgres:\"\(url)\" query=\"\(query)\" as behaviour"),
      .line("features orders revenue"), .line("scale zscore"), .line("run kmeans k=3 seed=7"),
    ])
    var printed = ""
    let interpreter = Interpreter(baseDirectory: folder.path)
    let driver = REPLDriver(interpreter: interpreter, reader: reader, journal: journal) { printed += $0 }
    driver.run()
    #expect(driver.worstStatus == .passed, "\(printed)")
    #expect(
      printed.hasPrefix(
        "behaviour: 25 rows × 4 columns (2 numeric, 1 date, id: customer_id)\nsource: PostgreSQL \(url), query · fingerprint "
      ), "\(printed)")
    let journaled = try String(contentsOfFile: path, encoding: .utf8)
    #expect(journaled.contains("load postgres:\"\(url)\""))
    for text in [journaled, printed] + reader.history { #expect(!text.contains(password)) }
    #expect(interpreter.workspace.variants.count == 1)
  }

  @Test func keyValueSettingsConnectAndNameTheDatasetAfterTheDatabase() throws {
    let url = try #require(URLComponents(string: try Self.server()))
    let host = try #require(url.host)
    let port = try #require(url.port)
    let user = try #require(url.user)
    let settings = "host=\(host) port=\(port) dbname=\(url.path.dropFirst()) user=\(user)"
    let interpreter = Interpreter(baseDirectory: "/")
    let outcome = interpreter.execute("load postgres:\"\(settings)\" query=\"SELECT 1 AS x ORDER BY 1\"")
    #expect(outcome.error == nil, "\(outcome.lines)")
    #expect(outcome.lines.first?.text.hasPrefix("\(url.path.dropFirst()): 1 row") == true, "\(outcome.lines)")
    #expect(
      outcome.lines.dropFirst().first?.text.hasPrefix("source: PostgreSQL \(settings), query · fingerprint ") == true)
    #expect(interpreter.workspace.datasets[String(url.path.dropFirst())] != nil)
  }

  @Test func serverErrorsLeaveTheWorkspaceUnchanged() throws {
    let url = try Self.server()
    let interpreter = Interpreter(baseDirectory: "/")
    #expect(interpreter.execute("load postgres:\"\(url)\" query=\"SELECT 1 AS x ORDER BY 1\" as one").error == nil)
    let before = BadInputTests.summary(interpreter.workspace)
    for (command, message) in [
      ("query=\"SELECT * FROM nowhere\"", "relation \"nowhere\" does not exist, at character 15 of the query"),
      ("table=nowhere", "relation \"nowhere\" does not exist (check the table's name (and schema)"),
      ("query=\"SELECT 1 +\"", "syntax error at end of input, at character 11"),
    ] {
      let outcome = interpreter.execute("load postgres:\"\(url)\" \(command)")
      #expect(outcome.lines.map(\.text).joined().contains(message), "\(outcome.lines)")
      #expect(BadInputTests.summary(interpreter.workspace) == before)
    }
  }
}
