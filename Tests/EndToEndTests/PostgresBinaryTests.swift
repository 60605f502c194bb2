import Foundation
import Testing

/// The built binary against the server of scripts/with-postgres.sh, with the password where a user keeps it:
/// in a `.pgpass` file instead of the environment (skipped without a server, failing in CI).
@Suite(
  .enabled(
    if: ProcessInfo.processInfo.environment["SEGMENTA_TEST_POSTGRES_URL"] != nil
      || ProcessInfo.processInfo.environment["CI"] == "true",
    "no PostgreSQL server: run `scripts/with-postgres.sh swift test` (SEGMENTA_TEST_POSTGRES_URL is not set)"))
struct PostgresBinaryTests {
  @Test func passwordFromPgpassNeverReachesTheJournal() throws {
    let environment = ProcessInfo.processInfo.environment
    let url = try #require(
      environment["SEGMENTA_TEST_POSTGRES_URL"],
      "SEGMENTA_TEST_POSTGRES_URL is not set; CI must run `swift test` under scripts/with-postgres.sh")
    let password = try #require(environment["PGPASSWORD"], "with-postgres.sh sets PGPASSWORD")
    // postgresql://USER@HOST:PORT/DB → HOST:PORT:DB:USER:PASSWORD
    let parts = try #require(URLComponents(string: url))
    let host = try #require(parts.host)
    let port = try #require(parts.port)
    let user = try #require(parts.user)
    let home = try Segmenta.temporaryFolder()
    let pgpass = home.appendingPathComponent(".pgpass")
    try "\(host):\(port):\(parts.path.dropFirst()):\(user):\(password)\n".write(
      to: pgpass, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: pgpass.path)
    let journal = home.appendingPathComponent("s.seg")
    let session = """
      load postgres:"\(url)" query="SELECT 'K' || i AS customer_id, i * 2.5 AS revenue FROM generate_series(1, 9) i ORDER BY i" as revenue
      load postgres:"\(url.replacingOccurrences(of: "\(user)@", with: "\(user):\(password)@"))" query="SELECT 1"

      """
    let r = try Segmenta.run(
      ["--session", journal.path], stdin: session, in: home, environment: ["HOME": home.path],
      unset: ["PGPASSWORD", "PGPASSFILE"])
    #expect(r.stdout.contains("revenue: 9 rows × 2 columns (1 numeric, id: customer_id)"), "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.contains("contains a password"))
    let recorded = try String(contentsOf: journal, encoding: .utf8)
    #expect(recorded.contains("#> revenue: 9 rows"))
    #expect(recorded.contains("\(user):***@"))
    for text in [r.stdout, r.stderr, recorded] { #expect(!text.contains(password)) }
  }
}
