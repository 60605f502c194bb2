import SegmentaCore

extension CommandSpec {
  /// `xyz VALUE by=month|quarter|year customer=COL [date=COL] [periods=N] [x=0.5] [y=1] [asof=DATE] [as NAME]`
  static let xyz = CommandSpec(
    name: "xyz",
    usage: "xyz VALUE by=month|quarter|year customer=COL [date=COL] [periods=N] [x=0.5] [y=1] [asof=YYYY-MM-DD] "
      + "[as NAME]",
    summary: "XYZ classes from the active order history: coefficient of variation per period and customer",
    example: "xyz amount_eur by=month customer=customer_id as xyz",
    optionKeys: ["by", "customer", "date", "periods", "x", "y", "asof"], arguments: [.columns],
    columnOptionKeys: ["customer", "date"]
  ) { command, context throws(SessionError) in
    try command.requireArguments(1)
    guard let periodName = try command.choice("by", XYZClassification.Period.allCases.map(\.rawValue)),
      let period = XYZClassification.Period(rawValue: periodName)
    else { throw .usage("by= is required: by=month, by=quarter or by=year", column: nil) }
    let source = try context.workspace.activeDataset()
    var date = command.value("date")?.value ?? ""
    if date.isEmpty { date = try onlyDateColumn(source.table) }
    let positive = "a number > 0"
    let xyz = XYZClassification(
      customer: try command.required("customer", example: "customer=customer_id"), date: date,
      value: command.arguments[0].text, period: period, periods: try command.int("periods", in: 2...1000),
      x: try command.double("x", default: 0.5, expected: positive) { $0 > 0 } ?? 0.5,
      y: try command.double("y", default: 1.0, expected: positive) { $0 > 0 } ?? 1.0,
      asOf: try command.isoDate("asof"))
    let name = command.alias ?? "xyz"
    try context.workspace.requireRowsReplaceable(name, by: "xyz")
    let result = try context.core { () throws(SegmentaError) in try xyz.compute(on: source.table) }
    var table = result.table
    table.name = name
    context.workspace.store(
      Dataset(table: table, source: "xyz of \(source.table.name)", fingerprint: source.fingerprint))
    context.print(
      "\(name): \(NumberFormat.grouped(table.rowCount)) customers, \(xyz.value) per \(period.rawValue) over "
        + "\(result.firstPeriod) … \(result.lastPeriod) (\(xyz.periods) periods, "
        + "\(NumberFormat.grouped(result.transactionsUsed)) transactions)")
    var out = TextTable(header: ["class", "cv", "customers", "share"], alignments: [.left, .left, .right, .right])
    let bounds = ["≤ \(xyz.x)", "≤ \(xyz.y)", "> \(xyz.y)"]
    for (s, bound) in zip(result.summary, bounds) {
      out.append([s.label, bound, NumberFormat.grouped(s.rows), NumberFormat.percent(s.share)])
    }
    context.print(out.render(width: context.settings.width))
    let unclassified = table.rowCount - result.summary.reduce(0) { $0 + $1.rows }
    if unclassified > 0 {
      context.print(
        "\(NumberFormat.grouped(unclassified)) customers without a positive total in the window have no class")
    }
  }

  /// The table's date column when it has exactly one, for a missing `date=`.
  private static func onlyDateColumn(_ table: Table) throws(SessionError) -> String {
    let dates = table.columns.filter { $0.kind == .date }.map(\.name)
    guard dates.count == 1 else {
      throw .usage(
        dates.isEmpty
          ? "'\(table.name)' has no date column; load an order history with an ISO or German date column"
          : "date= is required: '\(table.name)' has several date columns (\(dates.joined(separator: ", ")))",
        column: nil)
    }
    return dates[0]
  }
}
