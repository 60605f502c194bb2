/// A source of input lines for the REPL: GNU readline on a terminal, plain reading otherwise, a script in tests.
public protocol LineReader: AnyObject {
  /// Reads the next line without its newline, showing `prompt` where the reader has a terminal.
  /// Returns `nil` at end of input (Ctrl-D). A Ctrl-C at the prompt returns ``LineInput/interrupted``.
  func readLine(prompt: String) -> LineInput
  /// Records an accepted (possibly multi-line) command in the history, where the reader keeps one.
  func addToHistory(_ entry: String)
  /// Flushes history and restores the terminal; called once before exit.
  func close()
}

/// What a ``LineReader`` returns.
public enum LineInput: Equatable, Sendable {
  /// A line of text.
  case line(String)
  /// The user pressed Ctrl-C at the prompt: the line was discarded.
  case interrupted
  /// End of input.
  case endOfInput
}

/// Offers completions for the word being typed; the session layer implements it from the command model.
public protocol CompletionSource: AnyObject {
  /// Candidates for the word `word`, given the whole line up to the cursor (`lineBeforeWord`).
  func completions(for word: String, lineBeforeWord: String) -> [String]
}
