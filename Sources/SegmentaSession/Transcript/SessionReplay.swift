import Foundation

/// How a replay ended, ordered by exit code (SESSION-FORMAT.md).
public enum ReplayStatus: Int32, Sendable, Comparable {
  case passed = 0
  case mismatched = 1
  case usageError = 2
  case commandFailed = 3
  case expectationFailed = 4

  public static func < (a: ReplayStatus, b: ReplayStatus) -> Bool { a.rawValue < b.rawValue }

  /// The status for a command error.
  init(_ error: SessionError) {
    switch error {
    case .usage: self = .usageError
    case .failed: self = .commandFailed
    case .expectationFailed: self = .expectationFailed
    }
  }
}

/// The outcome of replaying one session file.
public struct ReplayReport: Sendable {
  /// The session with fresh outputs under each command that ran (for `--out` and `--update`).
  public var refreshed: SessionFile
  /// Why the replay stopped or what differed, as readable lines (file:line, command, diff).
  public var problems: [String]
  /// The worst thing that happened.
  public var status: ReplayStatus
}

/// Replays session files through an ``Interpreter``: the engine of `run`, `check`, `check --update` and resume.
public enum SessionReplay {
  /// Replays `file` (read from `displayPath`) and, with `compare`, checks each command's output against what is
  /// recorded. Stops at the first command that fails unexpectedly.
  public static func replay(
    _ file: SessionFile, displayPath: String, interpreter: Interpreter, compare: Bool
  ) -> ReplayReport {
    var refreshed = file
    var problems: [String] = []
    var status = ReplayStatus.passed
    for (index, item) in file.items.enumerated() {
      guard case .command(let cell) = item else { continue }
      let outcome = interpreter.execute(cell.command)
      var fresh = cell
      fresh.expected = outcome.lines.filter { if case .volatile = $0 { false } else { true } }
      fresh.volatile = outcome.lines.compactMap { if case .volatile(let s) = $0 { s } else { nil } }
      refreshed.items[index] = .command(fresh)
      let where_ = "\(displayPath):\(cell.line)"
      if cell.option("expect") == "error" {
        if outcome.error == nil {
          problems.append("\(where_): `\(cell.command)` was expected to fail but succeeded")
          status = max(status, .commandFailed)
          break
        }
      } else if let error = outcome.error {
        problems.append("\(where_): `\(cell.command)` failed")
        problems.append(
          contentsOf: outcome.lines.filter { if case .diagnostic = $0 { true } else { false } }.map { "  \($0.text)" })
        status = max(status, ReplayStatus(error))
        break
      }
      if compare, cell.option("output") != "ignore" {
        let tolerance = cell.option("tol").flatMap(Double.init)
        if let diff = difference(cell, fresh, tolerance: tolerance, where: where_) {
          problems.append(contentsOf: diff)
          status = max(status, .mismatched)
        }
      }
    }
    return ReplayReport(refreshed: refreshed, problems: problems, status: status)
  }

  /// A readable report of how a cell's fresh output differs from the recorded one, or `nil` if it matches.
  private static func difference(
    _ recorded: SessionFile.Cell, _ fresh: SessionFile.Cell, tolerance: Double?, where: String
  )
    -> [String]?
  {
    let expected = recorded.expected
    let actual = fresh.expected
    let same = { (i: Int, j: Int) in OutputComparison.matches(expected[i], actual[j], tolerance: tolerance) }
    if expected.count == actual.count, (0..<expected.count).allSatisfy({ same($0, $0) }) { return nil }
    var lines = ["\(`where`): output differs for `\(recorded.command)`"]
    if let note = inputChangedNote(recorded, expected: expected, actual: actual) { lines.append(note) }
    lines.append("--- recorded")
    lines.append("+++ actual")
    lines += UnifiedDiff.lines(
      expected: expected.map(SessionFile.transcriptLine), actual: actual.map(SessionFile.transcriptLine), same: same)
    return lines
  }

  /// For a `load` whose fingerprint changed, says so before the diff: the data changed, not the program.
  private static func inputChangedNote(_ cell: SessionFile.Cell, expected: [OutputLine], actual: [OutputLine])
    -> String?
  {
    guard cell.command.hasPrefix("load ") else { return nil }
    func fingerprint(_ lines: [OutputLine]) -> String? {
      for line in lines {
        if let range = line.text.range(of: "fingerprint ") { return String(line.text[range.upperBound...]) }
      }
      return nil
    }
    guard let old = fingerprint(expected), let new = fingerprint(actual), old != new else { return nil }
    let database = cell.command.hasPrefix("load sqlite:") || cell.command.hasPrefix("load postgres:")
    return
      "input changed: the \(database ? "query result's" : "file's") fingerprint is \(new), the session recorded \(old)"
      + (database ? " (the data changed, or the query lacks an ORDER BY)" : "")
  }
}
