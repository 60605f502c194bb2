import SegmentaCore

/// Checks on a connection string before connecting, and what to say when connecting fails. A connection string is
/// a `postgresql://` (or `postgres://`) URI or libpq's `key=value` settings (`host=db dbname=erp user=app`).
enum PostgresConnectionString {
  /// Accepts a URI or `key=value` settings that libpq can parse and that carry no password, once libpq itself
  /// can be opened.
  ///
  /// - Throws: ``SegmentaError/database(source:problem:position:hint:)``.
  static func check(_ text: String, source: String) throws(SegmentaError) {
    if let problem = PostgresConnection.libraryProblem {
      throw .database(
        source: source, problem: "cannot open PostgreSQL's client library libpq (\(problem))", position: nil,
        hint: "install it to load from PostgreSQL: apt-get install libpq5 on Debian and Ubuntu")
    }
    let isURI = text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    guard isURI || text.contains("=") else {
      throw .database(
        source: source, problem: "expected a connection URI or key=value settings", position: nil,
        hint: "write postgres:\"postgresql://user@host:5432/database\" or postgres:\"host=… dbname=… user=…\"")
    }
    let settings: [(key: String, value: String)]
    do {
      settings = try PostgresConnection.settings(of: text)
    } catch {
      let message = if case .failed(let message, _, _, _) = error { message } else { "cannot parse it" }
      throw .database(
        source: source,
        problem: "the connection \(isURI ? "URI" : "string") is malformed: \(message)", position: nil,
        hint: isURI ? "write postgresql://user@host:5432/database" : "write host=… port=… dbname=… user=…")
    }
    if settings.contains(where: { $0.key == "password" }) || Credentials.containsPassword(text) {
      throw .database(
        source: source,
        problem: "the connection \(isURI ? "URI" : "string") contains a password, which Segmenta does not accept",
        position: nil,
        hint: "remove it and set PGPASSWORD, or add host:port:database:user:password to ~/.pgpass (mode 0600), "
          + "so it never appears in transcripts or journals")
    }
  }

  /// libpq's message when connecting failed, with what to check.
  static func connectionError(_ failure: PostgresFailure, source: String) -> SegmentaError {
    guard case .failed(let message, _, _, _) = failure else { return .interrupted }
    let hint: String
    if message.contains("password") {
      hint = "set PGPASSWORD, or add host:port:database:user:password to ~/.pgpass (mode 0600)"
    } else if message.contains("does not exist") {
      hint = "check the user and database names in the connection string"
    } else if message.contains("refused") || message.contains("timeout") || message.contains("translate host")
      || message.contains("No such file")
    {
      hint = "check the host and port, and that the server runs and accepts connections (pg_isready -h HOST -p PORT)"
    } else {
      hint = "check the connection string, the server and the credentials (PGPASSWORD or ~/.pgpass)"
    }
    return .database(source: source, problem: "cannot connect: \(message)", position: nil, hint: hint)
  }
}
