import Foundation
import GRDB
import SegmentaCore
import Testing

@testable import SegmentaSources

/// Loads from a real SQLite file written by the test: types, NULLs, dates, aggregation in the query, errors.
@Suite struct SQLiteSourceTests {
  /// A shop database: 40 customers, 400 orders; dates as ISO and German text, NULL discounts, leading-zero PLZ.
  static let database: String = {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-\(UUID()).sqlite").path
    do {
      let queue = try DatabaseQueue(path: path)
      try queue.write { db in
        try db.execute(
          sql: """
            CREATE TABLE customers (customer_id TEXT PRIMARY KEY, region TEXT, plz TEXT, since TEXT, since_de TEXT,
                                    employees INTEGER, logo BLOB);
            CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id TEXT REFERENCES customers,
                                 ordered_on TEXT, amount REAL, discount REAL);
            """)
        for i in 1...40 {
          let since = CivilDate(daysSinceEpoch: 18_000 + 17 * i)
          try db.execute(
            sql: "INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [
              String(format: "K%03d", i), ["Nord", "Süd", "West"][i % 3], String(format: "%05d", i * 2_371 % 99_999),
              since.iso, "\(since.day).\(since.month).\(since.year)", i % 5 == 0 ? nil : i * 3, Data([1, 2]),
            ])
        }
        for o in 1...400 {
          try db.execute(
            sql: "INSERT INTO orders VALUES (?, ?, ?, ?, ?)",
            arguments: [
              o, String(format: "K%03d", 1 + o % 40), CivilDate(daysSinceEpoch: 19_700 + o).iso, Self.amount(o),
              o % 9 == 0 ? nil : Double(o % 5) / 100,
            ])
        }
      }
    } catch {
      Issue.record("cannot create the test database: \(error)")
    }
    return path
  }()

  static func amount(_ order: Int) -> Double { Double(20 + order * 7_919 % 500) + 0.5 }

  static func load(_ query: SourceQuery, dates: DateColumns = DateColumns(), path: String = database) throws
    -> SourceLoad
  {
    try SQLiteSource.load(
      path: path, displayPath: "shop.sqlite", query: query, name: "shop", dates: dates, context: ExecutionContext())
  }

  static func failure(_ query: SourceQuery, dates: DateColumns = DateColumns(), path: String = database) -> String {
    do {
      _ = try load(query, dates: dates, path: path)
      return "loaded"
    } catch {
      return "\(error)"
    }
  }

  @Test func aggregationInTheQueryGivesOneRowPerCustomer() throws {
    let load = try Self.load(
      .sql(
        """
        SELECT c.customer_id, c.region, count(*) AS orders, sum(o.amount) AS revenue, avg(o.discount) AS discount,
               max(o.ordered_on) AS last_order
        FROM customers c JOIN orders o USING (customer_id)
        GROUP BY c.customer_id, c.region ORDER BY c.customer_id
        """))
    let table = load.table
    #expect(table.rowCount == 40)
    #expect(table.kinds == [.identifier, .categorical, .numeric, .numeric, .numeric, .date])
    #expect(table.idColumn == "customer_id")
    let orders = (1...400).filter { 1 + $0 % 40 == 1 }
    #expect(table.column(named: "revenue")?.numbers.first == orders.map(Self.amount).reduce(0, +))
    #expect(table.texts("last_order").first == CivilDate(daysSinceEpoch: 19_700 + orders.max()!).iso)
    #expect(load.orderWarning == nil)
    #expect(load.fingerprint.count == 16)
  }

  @Test func tableTypesNullsDatesAndCodes() throws {
    let load = try Self.load(.sql("SELECT customer_id, region, plz, since, since_de, employees FROM customers"))
    let table = load.table
    #expect(table.kinds == [.identifier, .categorical, .categorical, .date, .date, .numeric])
    #expect(table.column(named: "employees")?.missingCount == 8)
    #expect(table.texts("since") == table.texts("since_de"))
    #expect(table.texts("plz").prefix(2) == ["02371", "04742"])
    #expect(load.orderWarning?.contains("no ORDER BY") == true)
  }

  @Test func wholeTableInStoredOrderWithForcedGermanDates() throws {
    let load = try Self.load(.table("orders"), dates: DateColumns(names: ["ordered_on"], format: .iso))
    #expect(load.table.rowCount == 400)
    #expect(load.table.kinds == [.identifier, .categorical, .date, .numeric, .numeric])
    #expect(load.table.column(named: "discount")?.missingCount == 44)
    #expect(load.orderWarning == nil)
    #expect(try Self.load(.table("orders")).fingerprint == load.fingerprint)
  }

  @Test func forcedDatesReportTheFirstValueInAnotherFormat() {
    let said = Self.failure(
      .sql("SELECT since FROM customers ORDER BY customer_id"), dates: DateColumns(names: ["since"], format: .german))
    let first = CivilDate(daysSinceEpoch: 18_017).iso
    #expect(
      said
        == "sqlite:shop.sqlite: row 1, column 'since': '\(first)' is not a date written DD.MM.YYYY (correct the "
        + "value, return NULL for a missing date, or give the column's format=)")
  }

  @Test(arguments: [
    (
      SourceQuery.sql("SELECT customer_id FORM customers"),
      "sqlite:shop.sqlite: near \"customers\": syntax error, at character 25 of the query (check the SQL)"
    ),
    (
      .sql("SELECT * FROM custmers"),
      "sqlite:shop.sqlite: no such table: custmers (check the names in the query; `sqlite3 FILE .schema` shows the tables and columns)"
    ),
    (
      .table("custmers"),
      "sqlite:shop.sqlite: no such table: custmers (check the table's name; `sqlite3 FILE .tables` lists them)"
    ),
    (
      .sql("DELETE FROM orders"),
      "sqlite:shop.sqlite: the statement would change the database (load only reads; write a SELECT)"
    ),
    (.sql("SELECT logo FROM customers"), "column 'logo' holds binary data (a BLOB)"),
    (.sql("SELECT 1; SELECT 2"), "sqlite:shop.sqlite:"),
    (.sql("SELECT * FROM orders WHERE amount < 0"), "the query returned no rows"),
    (.sql("SELECT customer_id, region AS customer_id FROM customers"), "two columns called 'customer_id'"),
  ])
  func sqlErrorsCarrySQLitesMessage(query: SourceQuery, message: String) {
    let said = Self.failure(query)
    #expect(said.contains(message), "\(said)")
  }

  @Test func filesThatAreMissingFoldersOrNoDatabase() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let csv = folder.appendingPathComponent("customers.csv").path
    try "customer_id,revenue\nK1,10\n".write(toFile: csv, atomically: true, encoding: .utf8)
    #expect(Self.failure(.table("t"), path: folder.appendingPathComponent("nope.sqlite").path).contains("no such file"))
    #expect(Self.failure(.table("t"), path: folder.path).contains("it is a directory"))
    #expect(Self.failure(.table("t"), path: csv).contains("file is not a database (this file is not an SQLite 3"))
  }

  @Test func ctrlCInterruptsALongStatement() throws {
    let flag = CancellationFlag()
    Thread {
      Thread.sleep(forTimeInterval: 0.3)
      flag.cancel()
    }.start()
    let started = Date()
    #expect(throws: SegmentaError.interrupted) {
      try SQLiteSource.load(
        path: Self.database, displayPath: "shop.sqlite",
        query: .sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"),
        name: "t", context: ExecutionContext(cancellation: flag))
    }
    #expect(Date().timeIntervalSince(started) < 3)
  }
}
