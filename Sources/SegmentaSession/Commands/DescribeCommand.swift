import SegmentaCore

extension CommandSpec {
  /// `describe [COL…]`
  static let describe = CommandSpec(
    name: "describe", usage: "describe [COL…]",
    summary: "profile columns: type, missing values, mean/sd/quantiles (in the declared unit) or the most frequent "
      + "categories",
    example: "describe revenue_eur discount_rate", arguments: [.columns]
  ) { command, context throws(SessionError) in
    let dataset = try context.workspace.activeDataset()
    let table = dataset.table
    let columns =
      try command.arguments.isEmpty
      ? table.columns
      : command.arguments.map { word throws(SessionError) in
        try context.core { () throws(SegmentaError) in try table.requireColumn(word.text) }
      }
    let f = context.numbers
    var numeric = TextTable(header: ["column", "type", "missing", "mean", "sd", "min", "median", "max"])
    var other = TextTable(
      header: ["column", "type", "missing", "distinct", "most frequent"],
      alignments: [.left, .left, .right, .right, .left])
    for column in columns {
      let s = ColumnSummary.summarize(column)
      let missing = NumberFormat.grouped(s.missing)
      let d = s.distribution
      if column.kind == .numeric {
        let stats = [d?.mean, d?.sd, d?.min, d?.median, d?.max].map { $0.map(f.format) ?? "–" }
        let name = column.name + (dataset.units[column.name].map { " (\($0))" } ?? "")
        numeric.append([name, "numeric", missing] + stats)
      } else if column.kind == .date {
        let day = { (v: Double?) in v.map { CivilDate(daysSinceEpoch: Int($0)).iso } ?? "–" }
        other.append([column.name, "date", missing, "", "\(day(d?.min)) … \(day(d?.max))"])
      } else {
        let top = s.top.map { "\($0.value) (\(NumberFormat.grouped($0.count)))" }.joined(separator: ", ")
        other.append([column.name, column.kind.rawValue, missing, NumberFormat.grouped(s.distinct), top])
      }
    }
    if !numeric.rows.isEmpty { context.print(numeric.render(width: context.settings.width)) }
    if !numeric.rows.isEmpty && !other.rows.isEmpty { context.print("") }
    if !other.rows.isEmpty { context.print(other.render(width: context.settings.width)) }
  }
}
