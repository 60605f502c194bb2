import SegmentaCore

/// Checks on a connection URI before connecting, and what to say when connecting fails.
enum PostgresURI {
  /// Accepts a `postgresql://` or `postgres://` URI that libpq can parse and that carries no password.
  ///
  /// - Throws: ``SegmentaError/database(source:problem:position:hint:)``.
  static func check(_ uri: String, source: String) throws(SegmentaError) {
    guard uri.hasPrefix("postgresql://") || uri.hasPrefix("postgres://") else {
      throw .database(
        source: source, problem: "expected a connection URI", position: nil,
        hint: "write postgres:\"postgresql://user@host:5432/database\"")
    }
    let settings: [(key: String, value: String)]
    do {
      settings = try PostgresConnection.settings(of: uri)
    } catch {
      let message = if case .failed(let message, _, _, _) = error { message } else { "cannot parse it" }
      throw .database(
        source: source, problem: "the connection URI is malformed: \(message)", position: nil,
        hint: "write postgresql://user@host:5432/database")
    }
    if settings.contains(where: { $0.key == "password" }) || Credentials.containsPassword(uri) {
      throw .database(
        source: source, problem: "the connection URI contains a password, which Segmenta does not accept",
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
      hint = "check the user and database names in the URI"
    } else if message.contains("refused") || message.contains("timeout") || message.contains("translate host")
      || message.contains("No such file")
    {
      hint = "check the host and port, and that the server runs and accepts connections (pg_isready -h HOST -p PORT)"
    } else {
      hint = "check the URI, the server and the credentials (PGPASSWORD or ~/.pgpass)"
    }
    return .database(source: source, problem: "cannot connect: \(message)", position: nil, hint: hint)
  }
}
