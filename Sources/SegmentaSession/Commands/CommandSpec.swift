import SegmentaCore

/// A command declared once: parsing, `help`, tab completion and the reference in docs/ all derive from it.
public struct CommandSpec: Sendable {
  /// What kind of word a positional argument is, for completion.
  public enum ArgumentKind: Sendable, Equatable {
    case keywords([String])
    case columns
    case variants
    case datasets
    case files
    case verbs
    case none
  }

  /// The command word.
  public let name: String
  /// The synopsis, e.g. `load FILE [as NAME] [sep=; decimal=, encoding=… id=COL]`.
  public let usage: String
  /// One line saying what it does.
  public let summary: String
  /// A working example.
  public let example: String
  /// Option keys it accepts (completion and "did you mean").
  public let optionKeys: [String]
  /// Kinds of the positional arguments; the last one repeats.
  public let arguments: [ArgumentKind]
  /// Whether the command is written to the session journal (help and history are not).
  public let journaled: Bool
  /// Option keys whose values are column names (`customer=COL`), completed with columns.
  public let columnOptionKeys: [String]
  /// Whether the command reads an expression from ``ParsedCommand/text`` itself (`derive`, `filter`): words like
  /// `a==b` belong to the expression, so they are not checked as options.
  public let takesExpression: Bool
  /// Does the work on the context's workspace copy.
  public let run: @Sendable (ParsedCommand, inout CommandContext) throws(SessionError) -> Void

  public init(
    name: String, usage: String, summary: String, example: String, optionKeys: [String] = [],
    arguments: [ArgumentKind] = [], journaled: Bool = true, columnOptionKeys: [String] = [],
    takesExpression: Bool = false,
    run: @escaping @Sendable (ParsedCommand, inout CommandContext) throws(SessionError) -> Void
  ) {
    self.name = name
    self.usage = usage
    self.summary = summary
    self.example = example
    self.optionKeys = optionKeys
    self.arguments = arguments
    self.journaled = journaled
    self.columnOptionKeys = columnOptionKeys
    self.takesExpression = takesExpression
    self.run = run
  }

  /// The kind of the positional argument at `index`.
  public func argumentKind(at index: Int) -> ArgumentKind {
    guard !arguments.isEmpty else { return .none }
    return arguments[min(index, arguments.count - 1)]
  }
}
