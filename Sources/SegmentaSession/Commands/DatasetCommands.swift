import SegmentaCore

extension CommandSpec {
  /// `datasets`
  static let datasets = CommandSpec(
    name: "datasets", usage: "datasets", summary: "list the loaded datasets (* marks the active one)",
    example: "datasets"
  ) { command, context throws(SessionError) in
    try command.requireArguments(0)
    let ws = context.workspace
    guard !ws.datasetOrder.isEmpty else {
      context.print("no datasets loaded; use `load FILE`")
      return
    }
    var table = TextTable(
      header: ["", "dataset", "rows", "columns", "features", "source"],
      alignments: [.left, .left, .right, .right, .right, .left])
    for name in ws.datasetOrder {
      guard let d = ws.datasets[name] else { continue }
      table.append([
        name == ws.activeDatasetName ? "*" : "", name, NumberFormat.grouped(d.table.rowCount),
        String(d.table.columns.count), String(d.recipe.columns.count), d.source,
      ])
    }
    context.print(table.render(width: context.settings.width))
  }

  /// `use NAME`
  static let use = CommandSpec(
    name: "use", usage: "use NAME", summary: "make a loaded dataset the active one", example: "use customers",
    arguments: [.datasets]
  ) { command, context throws(SessionError) in
    try command.requireArguments(1)
    let d = try context.workspace.dataset(named: command.arguments[0].text)
    context.workspace.activeDatasetName = d.table.name
    context.print("using \(d.table.name) (\(NumberFormat.grouped(d.table.rowCount)) rows)")
  }

  /// `head [N]`
  static let head = CommandSpec(
    name: "head", usage: "head [N]", summary: "show the first N rows (default 5) of the active dataset",
    example: "head 10"
  ) { command, context throws(SessionError) in
    let table = try context.workspace.activeDataset().table
    var n = 5
    if let arg = command.arguments.first {
      guard let v = Int(arg.text), v >= 1 else {
        throw .usage("head \(arg.text): expected a positive whole number of rows", column: arg.column)
      }
      n = v
    }
    var out = TextTable(
      header: table.columns.map(\.name),
      alignments: table.columns.map { $0.isNumeric ? .right : .left })
    for row in 0..<min(n, table.rowCount) {
      out.append(table.columns.map { $0.text(at: row) })
    }
    context.print(out.render(width: context.settings.width))
    if table.rowCount > n { context.print("… \(NumberFormat.grouped(table.rowCount - n)) more rows") }
  }
}
