import Foundation
import SegmentaCore

extension BatchRunner {
  /// `segmenta render FILE.seg -o FILE.html`: replays the session (as `run`) and writes it as a notebook page with
  /// the fresh outputs and the SVG plots its commands wrote inline. The page is written even when a command
  /// failed, so the failure can be read there.
  /// - Returns: the exit code of `run` (0 ok, 2 parse/usage, 3 a command failed, 4 an `expect` failed).
  public func render(path: String, htmlPath: String) -> Int32 {
    guard let (file, interpreter) = load(path) else { return ReplayStatus.usageError.rawValue }
    let report = SessionReplay.replay(file, displayPath: path, interpreter: interpreter, compare: false)
    report.problems.forEach { err($0 + "\n") }
    // Timings are shown as recorded in the file, never freshly measured, so the same session gives the same page.
    var shown = report.refreshed
    var plots: [Int: String] = [:]
    for (index, item) in report.refreshed.items.enumerated() {
      guard case .command(var cell) = item, case .command(let recorded) = file.items[index] else { continue }
      cell.volatile = recorded.volatile
      shown.items[index] = .command(cell)
      guard let target = SessionNotebook.plotTarget(cell) else { continue }
      let absolute =
        target.hasPrefix("/") ? target : (interpreter.baseDirectory as NSString).appendingPathComponent(target)
      plots[index] = try? String(contentsOfFile: absolute, encoding: .utf8)
    }
    let title = (path as NSString).lastPathComponent
    do {
      try AtomicFile.write(SessionNotebook.html(shown, title: title, plots: plots), to: htmlPath)
    } catch {
      err("error: cannot write \(htmlPath): \(error)\n")
      return max(report.status, .commandFailed).rawValue
    }
    out("rendered \(path) to \(htmlPath)\n")
    return report.status.rawValue
  }
}
