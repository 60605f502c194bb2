import Foundation
import SegmentaCore

/// One line a command produced, by how transcripts treat it.
public enum OutputLine: Sendable, Equatable {
  /// Regular output (`#> `), compared on check.
  case output(String)
  /// An error or warning (`#! `), compared on check.
  case diagnostic(String)
  /// Timings and progress (`#~ `), never compared.
  case volatile(String)

  /// The text without its kind.
  public var text: String {
    switch self {
    case .output(let s), .diagnostic(let s), .volatile(let s): s
    }
  }
}

/// What a command works with: a copy of the workspace, a place to print, and where relative paths start.
public struct CommandContext: Sendable {
  /// The workspace copy; it replaces the session's workspace only if the command succeeds.
  public var workspace: Workspace
  /// Lines printed so far.
  public private(set) var lines: [OutputLine] = []
  /// The folder relative paths are resolved against (the session file's folder, or the working directory).
  public let baseDirectory: String
  /// Set by Ctrl-C.
  public let cancellation: CancellationFlag
  /// The folder printed and journaled paths are relative to (the session file's folder).
  public let displayDirectory: String
  /// Set by `quit`.
  public var quitRequested = false
  /// Paths the command resolved, as typed → as they must be written in the session file.
  public private(set) var pathRewrites: [PathRewrite] = []

  /// Where long computations report progress (never part of the transcript).
  public let progress: ProgressReporter?

  public init(
    workspace: Workspace, baseDirectory: String, displayDirectory: String, cancellation: CancellationFlag,
    progress: ProgressReporter? = nil
  ) {
    self.workspace = workspace
    self.baseDirectory = baseDirectory
    self.displayDirectory = displayDirectory
    self.cancellation = cancellation
    self.progress = progress
  }

  /// Prints a line of output.
  public mutating func print(_ line: String) { lines.append(.output(line.trimmingTrailingSpaces())) }
  /// Prints several lines of output.
  public mutating func print(_ many: [String]) { many.forEach { print($0) } }
  /// Prints a warning (`warning: …`).
  public mutating func warn(_ message: String) { lines.append(.diagnostic("warning: " + message)) }
  /// Prints volatile text (timings), never compared on check.
  public mutating func volatile(_ line: String) { lines.append(.volatile(line)) }

  /// The settings in force.
  public var settings: Settings { workspace.settings }
  /// Number formatting per `set digits`.
  public var numbers: NumberFormat { workspace.settings.numbers }

  /// The execution context for core computations.
  public var execution: ExecutionContext {
    ExecutionContext(threads: workspace.settings.threads, cancellation: cancellation, progress: progress)
  }

  /// `path` resolved against ``baseDirectory`` unless absolute; remembered so the journal can write it relative to
  /// the session file's folder. A `prefix` the path was typed with (`sqlite:`) is kept in the journal.
  public mutating func resolve(_ path: String, prefix: String = "") -> String {
    let absolute: String
    if path.hasPrefix("/") {
      absolute = path
    } else if path.hasPrefix("~/") {
      absolute = NSHomeDirectory() + path.dropFirst(1)
    } else {
      absolute = ((baseDirectory as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }
    if !path.hasPrefix("/"), !path.hasPrefix("~/") {
      pathRewrites.append(
        PathRewrite(typed: prefix + path, recorded: prefix + RelativePath.from(displayDirectory, to: absolute)))
    }
    return absolute
  }

  /// How a path the user typed appears in output and journal: relative to ``displayDirectory``.
  public func display(_ typed: String) -> String {
    pathRewrites.last { $0.typed == typed }?.recorded ?? typed
  }

  /// Wraps a core call so its errors become command failures.
  public func core<T>(_ body: () throws(SegmentaError) -> T) throws(SessionError) -> T {
    do { return try body() } catch { throw .failed(error) }
  }
}

/// A relative path as typed at the prompt and as it must be recorded in a session file in another folder.
public struct PathRewrite: Sendable, Equatable {
  public let typed: String
  public let recorded: String
}
