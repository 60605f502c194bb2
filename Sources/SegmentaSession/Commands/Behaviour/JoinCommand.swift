import SegmentaCore

extension CommandSpec {
  /// `join NAME on COL`
  static let join = CommandSpec(
    name: "join", usage: "join DATASET on COL",
    summary: "add the columns of another dataset to the active one by a key column (rows stay, in order)",
    example: "join rfm on customer_id", arguments: [.datasets, .keywords(["on"]), .columns]
  ) { command, context throws(SessionError) in
    let words = command.arguments
    guard words.count == 3, words[1].text == "on" else {
      throw .usage("expected `join DATASET on COL`, e.g. `join rfm on customer_id`", column: words.first?.column)
    }
    let other = try context.workspace.dataset(named: words[0].text)
    var dataset = try context.workspace.activeDataset()
    guard other.table.name != dataset.table.name else {
      throw .usage(
        "'\(other.table.name)' is the active dataset; `use` the one to add columns to first", column: words[0].column)
    }
    let left = dataset.table
    let result = try context.core { () throws(SegmentaError) in
      try left.leftJoin(other.table, on: words[2].text, suffix: other.table.name)
    }
    dataset.table = result.table
    try context.workspace.updateActive { $0 = dataset }
    let added = result.table.columns.dropFirst(left.columns.count).map(\.name)
    context.print(
      "joined \(other.table.name) onto \(left.name) on \(words[2].text): \(NumberFormat.grouped(result.matched)) of "
        + "\(NumberFormat.grouped(left.rowCount)) rows matched")
    context.print(CommandSpec.wrap(added, first: "added \(added.count) columns: ", width: context.settings.width))
    if !result.renamed.isEmpty {
      context.print(
        CommandSpec.wrap(
          result.renamed.map { "\($0.from) → \($0.to)" }, first: "renamed (name taken): ", width: context.settings.width
        ))
    }
    let unmatched = left.rowCount - result.matched
    if unmatched > 0 {
      context.warn(
        "\(NumberFormat.grouped(unmatched)) rows of \(left.name) found no partner; their new columns are missing")
    }
    if result.unusedRight > 0 {
      context.print("\(NumberFormat.grouped(result.unusedRight)) rows of \(other.table.name) matched no row")
    }
  }
}
