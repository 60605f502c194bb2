import SegmentaCore

extension CommandSpec {
  /// `set seed|digits|width|threads N`
  static let set = CommandSpec(
    name: "set", usage: "set [seed|digits|width|threads N | language en|de]",
    summary: "change a setting (alone: show them); results never depend on threads",
    example: "set seed 42", arguments: [.keywords(["seed", "digits", "width", "threads", "language"])]
  ) { command, context throws(SessionError) in
    if command.arguments.isEmpty {
      let s = context.settings
      context.print(
        "seed \(s.seed) · digits \(s.digits) · width \(s.width) · threads \(s.threads) · language \(s.language)")
      return
    }
    try command.requireArguments(2)
    let key = command.arguments[0]
    let value = command.arguments[1]
    let limits: [String: ClosedRange<Int>] = ["digits": 1...15, "width": 40...400, "threads": 1...64]
    if key.text == "seed" {
      guard let seed = UInt64(value.text) else {
        throw .usage("seed \(value.text) is invalid: expected a whole number ≥ 0", column: value.column)
      }
      context.workspace.settings.seed = seed
    } else if key.text == "language" {
      guard let language = RuleText.Language(rawValue: value.text) else {
        throw .usage("language \(value.text) is invalid: expected en or de", column: value.column)
      }
      context.workspace.settings.language = language
    } else if let range = limits[key.text] {
      guard let n = Int(value.text), range.contains(n) else {
        throw .usage(
          "\(key.text) \(value.text) is invalid: expected \(range.lowerBound)…\(range.upperBound)", column: value.column
        )
      }
      switch key.text {
      case "digits": context.workspace.settings.digits = n
      case "width": context.workspace.settings.width = n
      default: context.workspace.settings.threads = n
      }
    } else {
      let hint = didYouMean(key.text, among: ["seed", "digits", "width", "threads"])
      throw .usage(
        "unknown setting '\(key.text)'\(hint); settings: seed, digits, width, threads, language", column: key.column)
    }
  }

  /// `quit`
  static let quit = CommandSpec(
    name: "quit", usage: "quit", summary: "leave Segmenta (Ctrl-D does the same; the journal is already saved)",
    example: "quit", journaled: false
  ) { command, context throws(SessionError) in
    try command.requireArguments(0)
    context.quitRequested = true
  }

  /// `help [VERB]`
  static let help = CommandSpec(
    name: "help", usage: "help [COMMAND]", summary: "list the commands, or show one with its usage and an example",
    example: "help run", arguments: [.verbs], journaled: false
  ) { command, context throws(SessionError) in
    guard let word = command.arguments.first else {
      context.print("commands (help COMMAND for details):")
      let width = (CommandRegistry.names.map(\.count).max() ?? 0) + 2
      for spec in CommandRegistry.all {
        context.print("  " + spec.name.padding(toLength: width, withPad: " ", startingAt: 0) + spec.summary)
      }
      context.print("a line ending in \\ continues on the next; Ctrl-C stops a running command; Ctrl-D quits")
      return
    }
    guard let spec = CommandRegistry.command(named: word.text) else {
      let hint = didYouMean(word.text, among: CommandRegistry.names)
      throw .usage("no command '\(word.text)'\(hint)", column: word.column)
    }
    let forms = spec.usage.components(separatedBy: " | ")
    context.print(["usage: " + forms[0]] + forms.dropFirst().map { "       " + $0 })
    context.print([spec.summary, "example: \(spec.example)"])
  }
}

extension CommandSpec {
  /// `version 1`: the session format version a file was written for.
  static let version = CommandSpec(
    name: "version", usage: "version 1", summary: "declare the session format version (first line of a session)",
    example: "version 1"
  ) { command, context throws(SessionError) in
    try command.requireArguments(1)
    guard command.arguments[0].text == "1" else {
      throw .usage(
        "this Segmenta reads session format version 1, not \(command.arguments[0].text)",
        column: command.arguments[0].column)
    }
  }
}

extension CommandSpec {
  /// `save FILE.seg`: a clean copy of the session (successful commands and their outputs, no failed attempts).
  static let save = CommandSpec(
    name: "save", usage: "save FILE.seg",
    summary: "write a clean session file: the commands that built the current state, with their outputs",
    example: "save sessions/segmentation-v1.seg", arguments: [.files], journaled: false
  ) { command, context throws(SessionError) in
    try command.requireArguments(1)
    let target = command.arguments[0].text
    let file = SessionFile(
      items: [
        .prose("# Segmenta session"),
        .command(.init(sourceLines: ["version 1"], line: 0, options: [], expected: [], volatile: [])),
      ]
        + context.workspace.log.map { .command($0) })
    let path = context.resolve(target)
    try context.core { () throws(SegmentaError) in try AtomicFile.write(file.rendered(), to: path) }
    context.print("saved \(context.workspace.log.count) commands to \(context.display(target))")
  }
}

extension CommandSpec {
  /// `undo`: back to the state before the last command that changed something.
  static let undo = CommandSpec(
    name: "undo", usage: "undo", summary: "return to the state before the last recorded command (up to 20 steps)",
    example: "undo"
  ) { command, context throws(SessionError) in
    try command.requireArguments(0)
    guard var previous = context.workspace.undoStack.last else {
      throw .failed(.notReady("nothing to undo"))
    }
    let undone = context.workspace.log.last.map { $0.command } ?? "the last command"
    previous.undoStack = Array(context.workspace.undoStack.dropLast())
    context.workspace = previous
    context.print("undone: \(undone)")
  }

  /// `history`: the commands that built the current state.
  static let history = CommandSpec(
    name: "history", usage: "history", summary: "list the recorded commands that built the current state",
    example: "history", journaled: false
  ) { command, context throws(SessionError) in
    try command.requireArguments(0)
    let log = context.workspace.log
    guard !log.isEmpty else {
      context.print("no commands yet")
      return
    }
    let width = String(log.count).count
    for (i, cell) in log.enumerated() {
      let number = String(i + 1)
      context.print(String(repeating: " ", count: width - number.count) + number + "  " + cell.command)
    }
  }
}
