import SegmentaCore

extension CommandSpec {
  /// `abc COL [a=0.8] [b=0.95] [as COLUMN]`
  static let abc = CommandSpec(
    name: "abc", usage: "abc COL [a=0.8] [b=0.95] [as COLUMN]",
    summary: "ABC classes of a value such as revenue or margin (default 80/15/5 %) as a new column",
    example: "abc monetary a=0.8 b=0.95", optionKeys: ["a", "b"], arguments: [.columns]
  ) { command, context throws(SessionError) in
    try command.requireArguments(1)
    let word = command.arguments[0]
    let share = "a share between 0 and 1"
    let a = try command.double("a", default: 0.8, expected: share) { $0 > 0 && $0 < 1 } ?? 0.8
    let b = try command.double("b", default: 0.95, expected: share) { $0 > 0 && $0 <= 1 } ?? 0.95
    guard a < b else {
      throw .usage("a=\(a) must be below b=\(b) (A closes at a, B at b)", column: command.value("a")?.column)
    }
    var dataset = try context.workspace.activeDataset()
    let table = dataset.table
    let column = try context.core { () throws(SegmentaError) in try table.requireColumn(word.text) }
    guard column.kind == .numeric else {
      throw .failed(.wrongColumnKind(column: column.name, actual: column.kind, expected: "numeric values to rank"))
    }
    let name = command.alias ?? "abc_\(column.name)"
    guard name != column.name else {
      throw .usage("`as \(name)` would overwrite the values being classified; choose another name", column: nil)
    }
    let idColumn = table.idColumn.flatMap { table.column(named: $0) }
    let keys = (0..<table.rowCount).map { idColumn?.text(at: $0) ?? "" }
    let result = try context.core { () throws(SegmentaError) in
      try ABCClassification(a: a, b: b).classify(column.numbers, keys: keys)
    }
    let replaced = table.column(named: name) != nil
    dataset.table.setColumn(Column(name: name, strings: result.classes))
    try context.workspace.updateActive { $0 = dataset }
    let ties = table.idColumn.map { "ties by \($0)" } ?? "ties by row order"
    context.print("\(name): ABC classes of \(column.name) (a=\(a) b=\(b), \(ties))" + (replaced ? " (replaced)" : ""))
    var out = TextTable(
      header: ["class", "rows", "share of \(column.name)"], alignments: [.left, .right, .right])
    for s in result.summary { out.append([s.label, NumberFormat.grouped(s.rows), NumberFormat.percent(s.share)]) }
    context.print(out.render(width: context.settings.width))
    let missing = column.missingCount
    if missing > 0 { context.print("\(NumberFormat.grouped(missing)) rows without a value have no class") }
  }
}
