import Foundation
import SegmentaCore
import SegmentaSources

/// The result of executing one command line.
public struct CommandOutcome: Sendable, Equatable {
  /// Everything the command printed, including its error line if it failed.
  public var lines: [OutputLine]
  /// Why it failed, if it did.
  public var error: SessionError?
  /// Whether the user interrupted it (Ctrl-C); the workspace is as before.
  public var interrupted: Bool
  /// Whether it belongs in the journal.
  public var journaled: Bool
  /// Whether the user asked to quit.
  public var quit: Bool
  /// The command as a session file must record it (paths made relative to the session's folder), when that
  /// differs from what was typed.
  public var recordedText: String?

  init(
    lines: [OutputLine], error: SessionError?, interrupted: Bool, journaled: Bool, quit: Bool,
    recordedText: String? = nil
  ) {
    self.lines = lines
    self.error = error
    self.interrupted = interrupted
    self.journaled = journaled
    self.quit = quit
    self.recordedText = recordedText
  }

  static let empty = CommandOutcome(lines: [], error: nil, interrupted: false, journaled: false, quit: false)
}

/// Executes command lines against a workspace: parse, look up in the registry, run on a copy, commit on success.
public final class Interpreter {
  /// The session's state.
  public private(set) var workspace = Workspace()
  /// The folder relative paths are resolved against.
  public var baseDirectory: String
  /// The folder printed and journaled paths are relative to (the session file's); defaults to ``baseDirectory``.
  public var displayDirectory: String
  /// Set asynchronously by Ctrl-C; reset before each command.
  public let cancellation: CancellationFlag
  /// Shows progress of long commands outside the transcript (the REPL on a terminal sets one).
  public var progress: ProgressReporter?

  public init(
    baseDirectory: String, displayDirectory: String? = nil, cancellation: CancellationFlag = CancellationFlag()
  ) {
    self.baseDirectory = baseDirectory
    self.displayDirectory = displayDirectory ?? baseDirectory
    self.cancellation = cancellation
  }

  /// Executes one (possibly continuation-joined) command line.
  public func execute(_ text: String) -> CommandOutcome {
    cancellation.reset()
    let parsed: ParsedCommand
    do {
      guard let p = try ParsedCommand.parse(text) else { return .empty }
      parsed = p
    } catch {
      return failure(error, journaled: true)
    }
    guard let spec = CommandRegistry.command(named: parsed.verb) else {
      let hint =
        CommandRegistry.form(withSecondWord: parsed.verb).map { " (did you mean `\($0)`?)" }
        ?? didYouMean(parsed.verb, among: CommandRegistry.names)
      return failure(
        .usage("unknown command '\(parsed.verb)'\(hint); type `help` for the list", column: 1), journaled: true)
    }
    var context = CommandContext(
      workspace: workspace, baseDirectory: baseDirectory, displayDirectory: displayDirectory,
      cancellation: cancellation,
      progress: progress)
    defer { progress?.finish() }
    do {
      if !spec.takesExpression { try parsed.checkOptions(allowed: spec.optionKeys) }
      try spec.run(parsed, &context)
    } catch .failed(.interrupted) {
      return CommandOutcome(
        lines: [.diagnostic("interrupted: workspace unchanged")], error: .failed(.interrupted), interrupted: true,
        journaled: spec.journaled, quit: false)
    } catch .usage(let message, let column) {
      let usage = spec.usage.count <= 100 ? "usage: \(spec.usage)" : "see `help \(spec.name)`"
      return failure(.usage("\(message) — \(usage)", column: column), journaled: spec.journaled)
    } catch {
      return failure(error, journaled: spec.journaled)
    }
    let before = workspace
    workspace = context.workspace
    let recorded = Self.recordedText(text, context.pathRewrites)
    if spec.journaled && spec.name != "undo" {
      workspace.undoStack = Array((before.undoStack + [before]).suffix(Workspace.undoLimit))
      workspace.undoStack[workspace.undoStack.count - 1].undoStack = []
      workspace.log.append(
        SessionFile.Cell(
          sourceLines: [Credentials.redacted(recorded ?? text)], line: 0, options: [],
          expected: context.lines.filter { if case .volatile = $0 { false } else { true } }, volatile: []))
    }
    return CommandOutcome(
      lines: context.lines, error: nil, interrupted: false, journaled: spec.journaled, quit: context.quitRequested,
      recordedText: recorded)
  }

  /// `text` with each typed path replaced by its session-relative form, or `nil` when nothing changes.
  private static func recordedText(_ text: String, _ rewrites: [PathRewrite]) -> String? {
    var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    var changed = false
    for rewrite in rewrites where rewrite.typed != rewrite.recorded {
      if let i = words.firstIndex(of: rewrite.typed) {
        words[i] = rewrite.recorded
        changed = true
      }
    }
    return changed ? words.joined(separator: " ") : nil
  }

  private func failure(_ error: SessionError, journaled: Bool) -> CommandOutcome {
    CommandOutcome(
      lines: [.diagnostic("error: \(error)")], error: error, interrupted: false, journaled: journaled, quit: false)
  }
}
