import SegmentaCore

extension CommandSpec {
  /// `unit COLUMN UNIT|none`
  static let unit = CommandSpec(
    name: "unit", usage: "unit COLUMN UNIT|none",
    summary: "declare the unit of a numeric column of the active dataset (€, %, years, …; `none` clears it); rules, "
      + "the Markdown criteria and the handbook print its values in it",
    example: "unit revenue_eur €", arguments: [.columns, .keywords(["€", "%", "none"])]
  ) { command, context throws(SessionError) in
    try command.requireArguments(2)
    let (columnWord, unitWord) = (command.arguments[0], command.arguments[1])
    var dataset = try context.workspace.activeDataset()
    let column = try context.core { () throws(SegmentaError) in try dataset.table.requireColumn(columnWord.text) }
    guard column.kind == .numeric else {
      throw .usage(
        "'\(column.name)' is \(column.kind.rawValue); only numeric columns have units", column: columnWord.column)
    }
    let unit = unitWord.text
    guard !unit.isEmpty, !unit.contains(where: \.isNewline) else {
      throw .usage(
        "the unit is empty; write e.g. `unit \(column.name) €`, or `none` to clear it", column: unitWord.column)
    }
    dataset.units[column.name] = unit == "none" ? nil : unit
    try context.workspace.updateActive { $0 = dataset }
    context.print(unit == "none" ? "\(column.name): no unit" : "\(column.name): unit \(unit)")
  }
}
