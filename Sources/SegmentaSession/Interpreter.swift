import Foundation
import SegmentaCore

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

  static let empty = CommandOutcome(lines: [], error: nil, interrupted: false, journaled: false, quit: false)
}

/// Executes command lines against a workspace: parse, look up in the registry, run on a copy, commit on success.
public final class Interpreter {
  /// The session's state.
  public private(set) var workspace = Workspace()
  /// The folder relative paths are resolved against.
  public var baseDirectory: String
  /// Set asynchronously by Ctrl-C; reset before each command.
  public let cancellation: CancellationFlag

  public init(baseDirectory: String, cancellation: CancellationFlag = CancellationFlag()) {
    self.baseDirectory = baseDirectory
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
      let hint = closestMatch(to: parsed.verb, among: CommandRegistry.names).map { " (did you mean '\($0)'?)" } ?? ""
      return failure(.usage("unknown command '\(parsed.verb)'\(hint); type `help` for the list", column: 1), journaled: true)
    }
    var context = CommandContext(workspace: workspace, baseDirectory: baseDirectory, cancellation: cancellation)
    do {
      try parsed.checkOptions(allowed: spec.optionKeys)
      try spec.run(parsed, &context)
    } catch .failed(.interrupted) {
      return CommandOutcome(
        lines: [.diagnostic("interrupted: workspace unchanged")], error: .failed(.interrupted), interrupted: true,
        journaled: spec.journaled, quit: false)
    } catch .usage(let message, let column) {
      return failure(.usage("\(message) — usage: \(spec.usage)", column: column), journaled: spec.journaled)
    } catch {
      return failure(error, journaled: spec.journaled)
    }
    workspace = context.workspace
    if spec.journaled {
      workspace.log.append(
        SessionFile.Cell(
          sourceLines: [text], line: 0, options: [],
          expected: context.lines.filter { if case .volatile = $0 { false } else { true } }, volatile: []))
    }
    return CommandOutcome(
      lines: context.lines, error: nil, interrupted: false, journaled: spec.journaled, quit: context.quitRequested)
  }

  private func failure(_ error: SessionError, journaled: Bool) -> CommandOutcome {
    CommandOutcome(lines: [.diagnostic("error: \(error)")], error: error, interrupted: false, journaled: journaled, quit: false)
  }
}
