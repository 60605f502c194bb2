import CReadline
import SegmentaSession

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Chooses the line reader for this process: GNU readline on a terminal, plain reading otherwise.
///
/// Piped stdin must not go through readline: it would print the prompt and echo every line (and readline 8
/// adds bracketed-paste escapes), so replay, CI and tests always get a ``PlainLineReader``.
///
/// - Parameters:
///   - historyPath: the history file used when stdin is a terminal (e.g. `~/.segmenta_history`).
///   - completion: where tab completion comes from when stdin is a terminal; `nil` disables completion.
/// - Returns: a ``ReadlineLineReader`` if `isatty(STDIN_FILENO)`, else a ``PlainLineReader``.
func makeLineReader(historyPath: String, completion: CompletionSource?) -> LineReader {
  if isatty(STDIN_FILENO) != 0 {
    return ReadlineLineReader(historyPath: historyPath, completion: completion)
  }
  return PlainLineReader()
}

/// The default history file: `$HOME/.segmenta_history`, or `.segmenta_history` in the working directory
/// when `HOME` is unset.
func defaultHistoryPath() -> String {
  if let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty {
    return home.hasSuffix("/") ? home + ".segmenta_history" : home + "/.segmenta_history"
  }
  return ".segmenta_history"
}

/// Line editing, history and tab completion through GNU readline (the only Swift file that talks to it).
///
/// Every readline global is set in the `CReadline` C target: Swift 6 rejects touching them from Swift.
/// Ctrl-C at the prompt discards the half-typed line and returns ``LineInput/interrupted``; Ctrl-D on an
/// empty line returns ``LineInput/endOfInput``. History is read at creation and written by ``close()``.
/// Use one instance per process, on the main thread.
///
/// GNU readline is GPL-3.0-or-later, so a `segmenta` binary linking it is distributed under the GPL.
final class ReadlineLineReader: LineReader {
  /// Entries kept in the history file.
  static let maximumHistoryEntries: Int32 = 2000

  private let historyPath: String
  private var isClosed = false

  /// Configures readline, loads the history file and installs tab completion.
  ///
  /// Also installs the SIGINT handler (``InterruptSignal/install()``): readline no longer catches signals
  /// itself, so without the handler a Ctrl-C would kill the process.
  ///
  /// - Parameters:
  ///   - historyPath: the history file; a missing file starts an empty history.
  ///   - completion: where TAB completions come from, or `nil` for none.
  init(historyPath: String, completion: CompletionSource?) {
    self.historyPath = historyPath
    seg_rl_init("segmenta")
    InterruptSignal.install()
    CompletionBridge.source = completion
    CompletionBridge.candidates = []
    if completion != nil {
      seg_rl_set_completion_generator { text, lineBefore, state in
        CompletionBridge.generate(text: text, lineBefore: lineBefore, state: state)
      }
    } else {
      seg_rl_set_completion_generator(nil)
    }
    _ = seg_history_load(historyPath)
  }

  /// Reads a line with readline's editing, showing `prompt`.
  ///
  /// - Returns: the line without its newline, ``LineInput/interrupted`` after Ctrl-C, or
  ///   ``LineInput/endOfInput`` after Ctrl-D on an empty line.
  func readLine(prompt: String) -> LineInput {
    var interrupted: Int32 = 0
    guard let raw = seg_rl_readline(prompt, &interrupted) else {
      return interrupted != 0 ? .interrupted : .endOfInput
    }
    defer { free(raw) }
    return .line(String(cString: raw))
  }

  /// Adds `entry` to the in-memory history unless it is empty (or only whitespace) or repeats the latest
  /// entry. The REPL calls this for each accepted command; ``readLine(prompt:)`` does not add by itself.
  func addToHistory(_ entry: String) {
    guard entry.contains(where: { !$0.isWhitespace }) else { return }
    _ = seg_history_add(entry)
  }

  /// Writes the history file, keeping its last ``maximumHistoryEntries`` entries, and drops the completion
  /// source. Later calls do nothing.
  func close() {
    guard !isClosed else { return }
    isClosed = true
    _ = seg_history_save(historyPath, Self.maximumHistoryEntries)
    seg_rl_set_completion_generator(nil)
    CompletionBridge.source = nil
    CompletionBridge.candidates = []
  }

  deinit { close() }
}

/// State for the `@convention(c)` completion callback, which cannot capture context.
///
/// readline calls the generator on the main thread only, during ``ReadlineLineReader/readLine(prompt:)``,
/// so these statics are never touched concurrently. The only `nonisolated(unsafe)` in the codebase.
enum CompletionBridge {
  /// The completion source of the active ``ReadlineLineReader``.
  nonisolated(unsafe) static var source: CompletionSource?
  /// Candidates of the current completion attempt, computed when readline asks for match 0.
  nonisolated(unsafe) static var candidates: [String] = []

  /// readline's generator protocol: on `state == 0` ask the source, then hand out candidate `state`.
  ///
  /// Candidates that do not start with `text` are dropped: readline would otherwise replace the typed word
  /// with their common prefix.
  ///
  /// - Returns: a `strdup`ed candidate (readline frees it), or `nil` when there are no more.
  static func generate(
    text: UnsafePointer<CChar>?, lineBefore: UnsafePointer<CChar>?, state: Int32
  ) -> UnsafeMutablePointer<CChar>? {
    if state == 0 {
      let word = text.map { String(cString: $0) } ?? ""
      let before = lineBefore.map { String(cString: $0) } ?? ""
      let offered = source?.completions(for: word, lineBeforeWord: before) ?? []
      candidates = offered.filter { $0.hasPrefix(word) }
    }
    let index = Int(state)
    guard index >= 0, index < candidates.count else { return nil }
    return strdup(candidates[index])
  }
}

/// Reads lines from a non-terminal stdin (pipe, file): no prompt, no echo, no history, no completion.
///
/// This is what replay, CI and the end-to-end tests see.
final class PlainLineReader: LineReader {
  /// Creates a reader of the process's standard input.
  init() {}

  /// Returns the next line of standard input without its newline (a trailing `\r` is kept), ignoring
  /// `prompt`, or ``LineInput/endOfInput`` at end of input. Never returns ``LineInput/interrupted``.
  func readLine(prompt: String) -> LineInput {
    guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
    return .line(line)
  }

  /// Does nothing: piped input keeps no history.
  func addToHistory(_ entry: String) {}

  /// Does nothing: there is no terminal state to restore.
  func close() {}
}
