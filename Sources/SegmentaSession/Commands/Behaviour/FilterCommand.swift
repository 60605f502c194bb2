import SegmentaCore

extension CommandSpec {
  /// `filter EXPR [as NAME]`
  static let filter = CommandSpec(
    name: "filter", usage: "filter EXPR [as NAME]   " + expressionVocabulary,
    summary: "keep the rows where a condition holds (missing counts as false), in place or as a new dataset",
    example: "filter frequency >= 2 and recency <= 365 as active", arguments: [.columns], takesExpression: true
  ) { command, context throws(SessionError) in
    let line = try ExpressionLine.afterVerb(command)
    let condition = try context.core { () throws(SegmentaError) in
      try ExpressionParser.parse(line.text, startColumn: line.column)
    }
    let dataset = try context.workspace.activeDataset()
    let result = try context.core { () throws(SegmentaError) in
      try RowFilter.rows(matching: condition, in: dataset.table)
    }
    let target = command.alias ?? dataset.table.name
    try context.workspace.requireRowsReplaceable(target, by: "filter")
    guard !result.rows.isEmpty else {
      throw .failed(.insufficientData("no row of \(dataset.table.name) satisfies the condition; nothing would be left"))
    }
    var filtered = dataset
    filtered.table = dataset.table.selectingRows(result.rows)
    filtered.table.name = target
    if target != dataset.table.name { filtered.source = "filter of \(dataset.table.name)" }
    context.workspace.store(filtered)
    result.notes.forEach { context.warn($0.description) }
    let dropped = dataset.table.rowCount - result.rows.count
    let missing = result.missing > 0 ? ", \(NumberFormat.grouped(result.missing)) of them for a missing value" : ""
    context.print(
      "kept \(NumberFormat.grouped(result.rows.count)) of \(NumberFormat.grouped(dataset.table.rowCount)) rows of "
        + "\(dataset.table.name) (\(NumberFormat.grouped(dropped)) dropped\(missing))"
        + (target == dataset.table.name ? "" : " into \(target), now the active dataset"))
  }
}
