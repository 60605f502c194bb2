import Foundation
import SegmentaCore

/// `segmenta run`, `segmenta check` and `segmenta check --update`: session files as scripts and as tests.
public struct BatchRunner {
  let out: (String) -> Void
  let err: (String) -> Void

  /// - Parameters:
  ///   - out: standard output (transcripts, the closing summary line).
  ///   - err: standard error (failures and diffs).
  public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
    self.out = out
    self.err = err
  }

  /// Executes one session file and prints its fresh transcript; with `outPath`, also writes it there.
  /// - Returns: the exit code (0 ok, 2 parse/usage, 3 a command failed, 4 an `expect` failed).
  public func run(path: String, outPath: String?) -> Int32 {
    guard let (file, interpreter) = load(path) else { return ReplayStatus.usageError.rawValue }
    let report = SessionReplay.replay(file, displayPath: path, interpreter: interpreter, compare: false)
    out(report.refreshed.rendered())
    report.problems.forEach { err($0 + "\n") }
    if let outPath {
      do { try AtomicFile.write(report.refreshed.rendered(), to: outPath) } catch {
        err("error: \(error)\n")
        return ReplayStatus.commandFailed.rawValue
      }
    }
    return report.status.rawValue
  }

  /// Replays each file and compares outputs; the last line is `N passed, M failed`.
  /// With `update`, rewrites the recorded outputs (never commands or prose) and prints the diff it applied.
  /// - Returns: 0 when all pass, 1 on an output mismatch, else the worst of 2/3/4.
  public func check(paths: [String], update: Bool) -> Int32 {
    if update, ProcessInfo.processInfo.environment["CI"].map({ !$0.isEmpty }) ?? false {
      err("error: `check --update` is refused when CI is set: recorded outputs are updated by a person, not by CI\n")
      return ReplayStatus.usageError.rawValue
    }
    var passed = 0
    var failed = 0
    var worst = ReplayStatus.passed
    for path in paths {
      guard let (file, interpreter) = load(path) else {
        failed += 1
        worst = max(worst, .usageError)
        continue
      }
      let report = SessionReplay.replay(file, displayPath: path, interpreter: interpreter, compare: true)
      if update, report.status <= .mismatched {
        if report.status == .mismatched {
          do { try AtomicFile.write(report.refreshed.rendered(), to: path) } catch {
            err("error: \(error)\n")
            failed += 1
            worst = max(worst, .commandFailed)
            continue
          }
          report.problems.forEach { out($0 + "\n") }
          out("updated \(path)\n")
        }
        passed += 1
        continue
      }
      if report.status == .passed {
        passed += 1
        out("PASS \(path)\n")
      } else {
        failed += 1
        worst = max(worst, report.status)
        out("FAIL \(path)\n")
        report.problems.forEach { err($0 + "\n") }
      }
    }
    out("\(passed) passed, \(failed) failed\n")
    return worst.rawValue
  }

  /// Replays `path` silently into a fresh interpreter (for `segmenta FILE.seg`, before going interactive).
  /// - Returns: the interpreter and the session with fresh outputs, or `nil` after printing why the file could not
  ///   be replayed.
  public func resume(path: String) -> (Interpreter, SessionFile)? {
    guard let (file, interpreter) = load(path) else { return nil }
    let report = SessionReplay.replay(file, displayPath: path, interpreter: interpreter, compare: false)
    report.problems.forEach { err($0 + "\n") }
    let commands = file.items.filter { if case .command = $0 { true } else { false } }.count
    let ws = interpreter.workspace
    out(
      "replayed \(commands) commands from \(path): datasets \(ws.datasetOrder.joined(separator: ", ")); "
        + "\(ws.variants.count) variants\n")
    return (interpreter, report.refreshed)
  }

  /// Reads and parses `path` with an interpreter rooted in its folder, or prints why it cannot and returns `nil`.
  func load(_ path: String) -> (SessionFile, Interpreter)? {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      err("error: cannot read session '\(path)': \((error as NSError).localizedDescription)\n")
      return nil
    }
    do {
      let file = try SessionFile.parse(text)
      let folder = (path as NSString).deletingLastPathComponent
      let base = folder.isEmpty ? FileManager.default.currentDirectoryPath : folder
      return (file, Interpreter(baseDirectory: base))
    } catch {
      err("error: \(path): \(error)\n")
      return nil
    }
  }
}
