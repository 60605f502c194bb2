import Foundation
import SegmentaCore
import Testing

@testable import SegmentaSources

/// The PostgreSQL server the tests use: the one scripts/with-postgres.sh starts (SEGMENTA_TEST_POSTGRES_URL,
/// password in PGPASSWORD). In CI (CI=true) the tests run and fail without it; elsewhere they are skipped.
/// Each run creates a schema of its own and leaves it behind, so point the URL at a throw-away database.
enum TestPostgres {
  static let url = ProcessInfo.processInfo.environment["SEGMENTA_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
  static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

  /// Whether to run the PostgreSQL tests: with a server, or in CI (where a missing server is a failure).
  static let enabled = url != nil || inCI
  static let skipReason: Comment =
    "no PostgreSQL server: run `scripts/with-postgres.sh swift test` (SEGMENTA_TEST_POSTGRES_URL is not set)"

  /// The server's URL, recording a failure when it is missing.
  static func requireURL(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    guard let url else {
      Issue.record(
        "SEGMENTA_TEST_POSTGRES_URL is not set; CI must run `swift test` under scripts/with-postgres.sh",
        sourceLocation: sourceLocation)
      throw CancellationError()
    }
    return url
  }

  /// A schema of its own for this test process, with a customers table (60 rows) and an orders table (5,000
  /// rows), created once; its name, or `nil` when there is no server.
  static let schema: String? = {
    guard let url else { return nil }
    let name = "segmenta_test_\(UUID().uuidString.prefix(8).lowercased())"
    do {
      let connection = try PostgresConnection(connectionString: url, defaults: [], overrides: [])
      for statement in setup(name) {
        _ = try connection.query(statement, cancellation: CancellationFlag())
      }
    } catch {
      Issue.record("cannot create the test schema: \(error)")
    }
    return name
  }()

  /// The statements that create `schema`: customer K0001…K0060 in three regions with postcodes (some with a
  /// leading zero), order o (1…5000) by customer 1 + o % 60 on 2024-01-01 + (o·37 mod 365) for
  /// 50 + (o·7919 mod 1000) + 0.25 EUR, with a discount (o mod 7)/100 except every tenth order (NULL).
  static func setup(_ schema: String) -> [String] {
    [
      "CREATE SCHEMA \(schema)",
      """
      CREATE TABLE \(schema).customers (customer_id text PRIMARY KEY, company text NOT NULL, region text,
        plz text, since date, active boolean)
      """,
      """
      INSERT INTO \(schema).customers
      SELECT 'K' || lpad(i::text, 4, '0'), 'Firma ' || i, (ARRAY['Nord', 'Süd', 'West'])[1 + i % 3],
        lpad((i * 7919 % 99999)::text, 5, '0'), DATE '2020-01-01' + i, i % 4 <> 0
      FROM generate_series(1, 60) i
      """,
      """
      CREATE TABLE \(schema).orders (order_id bigint PRIMARY KEY, customer_id text REFERENCES \(schema).customers,
        ordered_at timestamptz NOT NULL, amount numeric(12, 2) NOT NULL, discount numeric(5, 4))
      """,
      """
      INSERT INTO \(schema).orders
      SELECT o, 'K' || lpad((1 + o % 60)::text, 4, '0'), TIMESTAMPTZ '2024-01-01 12:00:00' + (o * 37 % 365) * INTERVAL '1 day',
        50 + (o * 7919 % 1000) + 0.25, CASE WHEN o % 10 = 0 THEN NULL ELSE (o % 7) / 100.0 END
      FROM generate_series(1, 5000) o
      """,
      "CREATE TABLE \(schema).events (kind text, at date)",
      "INSERT INTO \(schema).events VALUES ('a', '2024-01-01'), ('b', '2024-01-02')",
    ]
  }
}
