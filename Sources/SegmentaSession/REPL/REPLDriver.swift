import Foundation
import SegmentaCore
import SegmentaSources

/// The interactive loop, independent of the terminal: reads lines from a ``LineReader``, joins continuations,
/// executes, prints, journals. Tests drive it with a scripted reader.
public final class REPLDriver {
  private let interpreter: Interpreter
  private let reader: LineReader
  private let journal: Journal?
  private let write: (String) -> Void
  /// Whether the last journal write failed, so commands wait in memory.
  private var journalBehind = false

  /// Worst outcome seen, for the exit status of non-interactive runs (`segmenta < script`).
  public private(set) var worstStatus = ReplayStatus.passed

  /// - Parameters:
  ///   - write: where printed text goes (standard output in the program).
  public init(interpreter: Interpreter, reader: LineReader, journal: Journal?, write: @escaping (String) -> Void) {
    self.interpreter = interpreter
    self.reader = reader
    self.journal = journal
    self.write = write
  }

  /// Runs until end of input, `quit`, or three Ctrl-C in a row at an empty prompt.
  public func run() {
    defer { flushJournalBeforeQuitting() }
    var interruptsInARow = 0
    while true {
      var source: [String] = []
      var prompt = "segmenta> "
      var input = reader.readLine(prompt: prompt)
      readContinuations: while true {
        switch input {
        case .line(let text):
          source.append(text)
          guard text.hasSuffix("\\") else { break readContinuations }
          prompt = "      ...> "
          input = reader.readLine(prompt: prompt)
        case .interrupted:
          interruptsInARow += 1
          if interruptsInARow >= 3 { return }
          if interruptsInARow == 2 { write("(press Ctrl-C once more or Ctrl-D to quit)\n") }
          source = []
          break readContinuations
        case .endOfInput:
          return
        }
      }
      guard !source.isEmpty else { continue }
      interruptsInARow = 0
      let cell = SessionFile.Cell(sourceLines: source, line: 0, options: [], expected: [], volatile: [])
      let text = cell.command.trimmingCharacters(in: .whitespaces)
      if text.isEmpty || text.hasPrefix("#") { continue }
      reader.addToHistory(Credentials.redacted(source.joined(separator: "\n")))
      let outcome = interpreter.execute(text)
      for line in outcome.lines { write(line.text + "\n") }
      if let error = outcome.error, !outcome.interrupted { worstStatus = max(worstStatus, ReplayStatus(error)) }
      recordInJournal(source, outcome)
      if outcome.quit { return }
    }
  }

  /// Appends the command to the journal. A failed write is reported and retried with the next command; when a
  /// retry succeeds after failures, the user hears that the journal caught up.
  private func recordInJournal(_ source: [String], _ outcome: CommandOutcome) {
    guard let journal else { return }
    do {
      try journal.record(source, outcome)
      if journalBehind { reportCaughtUp(journal) }
      journalBehind = false
    } catch {
      write("warning: \(error)\n")
      journalBehind = true
    }
  }

  /// A last try for commands still waiting for the journal; says plainly which are lost when it fails.
  private func flushJournalBeforeQuitting() {
    guard let journal, journalBehind else { return }
    do {
      try journal.flush()
      reportCaughtUp(journal)
    } catch {
      write(
        "warning: journal: \(error.waitingCommands) commands are not in \(journal.path) (\(error.reason)); "
          + "they are lost with this session\n")
    }
  }

  private func reportCaughtUp(_ journal: Journal) {
    write("journal: caught up, \(journal.path) holds every command again\n")
  }
}
