import Foundation
import Testing

@testable import SegmentaSession

/// Help, completion and the reference come from one command model; these tests keep them consistent.
@Suite struct CommandModelTests {
  @Test func referenceInDocsIsGeneratedFromTheModel() throws {
    let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/COMMANDS.md")
    let text = try String(contentsOf: docs, encoding: .utf8)
    #expect(text == CommandReference.markdown(), "regenerate with `segmenta --reference > docs/COMMANDS.md`")
  }

  @Test func everyCommandHasAWorkingExampleVerbAndUniqueName() throws {
    #expect(Set(CommandRegistry.names).count == CommandRegistry.names.count)
    for spec in CommandRegistry.all {
      let example = try #require(try ParsedCommand.parse(spec.example))
      #expect(example.verb == spec.name)
      #expect(throws: Never.self) { try example.checkOptions(allowed: spec.optionKeys) }
    }
  }

  @Test func completesVerbsOptionsColumnsAndVariants() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let interpreter = Interpreter(baseDirectory: folder.path)
    for line in ["load datasets/b2b-customers.csv as c", "features order_count_12m", "run kmeans k=2 as km"] {
      #expect(interpreter.execute(line).error == nil, "\(line)")
    }
    let completer = SessionCompleter(interpreter: interpreter)
    #expect(completer.completions(for: "ins", lineBeforeWord: "") == ["inspect"])
    #expect(completer.completions(for: "order", lineBeforeWord: "features ") == ["order_count_12m"])
    #expect(completer.completions(for: "km", lineBeforeWord: "compare ") == ["km"])
    #expect(completer.completions(for: "n_", lineBeforeWord: "run kmeans ") == ["n_init="])
    #expect(
      completer.completions(for: "datasets/b2b-customers-", lineBeforeWord: "load ") == [
        "datasets/b2b-customers-de.csv"
      ])
    #expect(completer.completions(for: "log", lineBeforeWord: "transform ") == ["log1p", "log10"])
  }

  @Test func failedCommandLeavesTheWorkspaceUnchanged() throws {
    let interpreter = Interpreter(baseDirectory: "/")
    _ = interpreter.execute("set digits 6")
    let outcome = interpreter.execute("set width 7")
    #expect(outcome.error != nil)
    #expect(interpreter.workspace.settings.digits == 6)
    #expect(interpreter.workspace.settings.width == 80)
    #expect(interpreter.workspace.log.count == 1)
  }

  @Test func unknownVerbSuggestsTheClosestCommand() {
    let outcome = Interpreter(baseDirectory: "/").execute("compre a b")
    #expect(
      outcome.error == .usage("unknown command 'compre' (did you mean 'compare'?); type `help` for the list", column: 1)
    )
  }
}

@Suite struct UndoTests {
  @Test func undoRestoresTheStateBeforeTheLastCommandAndHistoryShowsWhatRemains() {
    let interpreter = Interpreter(baseDirectory: "/")
    _ = interpreter.execute("set digits 6")
    _ = interpreter.execute("set width 100")
    let undone = interpreter.execute("undo")
    #expect(undone.lines == [.output("undone: set width 100")])
    #expect(interpreter.workspace.settings.width == 80)
    #expect(interpreter.workspace.settings.digits == 6)
    #expect(interpreter.execute("history").lines == [.output("1  set digits 6")])
    _ = interpreter.execute("undo")
    #expect(interpreter.workspace.settings.digits == 4)
    #expect(interpreter.execute("undo").error == .failed(.notReady("nothing to undo")))
  }

  /// A user who types an option of a command as the command (the warning of `features` says `missing impute
  /// median`) is shown the whole form.
  @Test(arguments: [
    ("impute median", "missing impute mean|median"), ("zscore", "scale zscore|robust|minmax|none [ddof=0|1]"),
  ])
  func unknownVerbThatIsTheSecondWordOfACommandShowsItsForm(line: String, form: String) {
    let outcome = Interpreter(baseDirectory: "/").execute(line)
    let verb = line.split(separator: " ")[0]
    #expect(
      outcome.error
        == .usage("unknown command '\(verb)' (did you mean `\(form)`?); type `help` for the list", column: 1))
  }
}
