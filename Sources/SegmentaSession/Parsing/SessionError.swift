import SegmentaCore

/// What can go wrong with a command, classified the way exit codes need it (SESSION-FORMAT.md).
public enum SessionError: Error, Equatable, CustomStringConvertible {
  /// The command line is malformed or misuses a command (exit code 2). `column` is 1-based, when known.
  case usage(String, column: Int?)
  /// The command was well-formed but failed (exit code 3).
  case failed(SegmentaError)
  /// An `expect` did not hold (exit code 4).
  case expectationFailed(String)

  public var description: String {
    switch self {
    case .usage(let message, let column): column.map { "column \($0): \(message)" } ?? message
    case .failed(let error): error.description
    case .expectationFailed(let message): "expectation failed: \(message)"
    }
  }
}
