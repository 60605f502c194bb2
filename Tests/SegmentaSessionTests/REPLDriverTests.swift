import Foundation
import Testing

@testable import SegmentaSession

/// A line reader that plays back a script, for driving the REPL loop without a terminal.
final class ScriptedReader: LineReader {
  private var inputs: [LineInput]
  private(set) var prompts: [String] = []
  private(set) var history: [String] = []

  init(_ inputs: [LineInput]) { self.inputs = inputs }

  func readLine(prompt: String) -> LineInput {
    prompts.append(prompt)
    return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
  }

  func addToHistory(_ entry: String) { history.append(entry) }
  func close() {}
}

@Suite struct REPLDriverTests {
  @Test func joinsContinuationsJournalsAndRecordsFailuresAsComments() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-repl-\(UUID().uuidString)")
    let path = folder.appendingPathComponent("j.seg").path
    let journal = Journal(path: path, header: ["version 1"])
    let reader = ScriptedReader([
      .line("set \\"), .line("  digits 5"), .line("set widht 90"), .interrupted, .line("set"), .line("quit"),
      .line("set digits 3"),
    ])
    var printed = ""
    let interpreter = Interpreter(baseDirectory: folder.path)
    let driver = REPLDriver(interpreter: interpreter, reader: reader, journal: journal) { printed += $0 }
    driver.run()
    #expect(reader.prompts.prefix(2) == ["segmenta> ", "      ...> "])
    #expect(reader.history == ["set \\\n  digits 5", "set widht 90", "set", "quit"])
    #expect(interpreter.workspace.settings.digits == 5, "quit stops before the last line")
    #expect(printed.contains("error: column 5: unknown setting 'widht' (did you mean 'width'?)"))
    #expect(driver.worstStatus == .usageError)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.hasPrefix("version 1\nset \\\n  digits 5\n# set widht 90\n# error: column 5: unknown setting"))
    #expect(
      text.hasSuffix("set\n#> seed 42 · digits 5 · width 80 · threads 2 · language en\n"), "quit is not journaled")
  }

  @Test func threeCtrlCInARowQuit() {
    let reader = ScriptedReader([.interrupted, .interrupted, .interrupted, .line("set digits 9")])
    let interpreter = Interpreter(baseDirectory: "/")
    var printed = ""
    REPLDriver(interpreter: interpreter, reader: reader, journal: nil) { printed += $0 }.run()
    #expect(interpreter.workspace.settings.digits == 4)
    #expect(printed.contains("press Ctrl-C once more"))
  }
}
