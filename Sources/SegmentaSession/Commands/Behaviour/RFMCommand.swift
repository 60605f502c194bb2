import SegmentaCore

extension CommandSpec {
  /// `rfm TRANSACTIONS customer=COL date=COL amount=COL [asof=DATE] [definition=rfm|lifetimes] [as NAME]`
  static let rfm = CommandSpec(
    name: "rfm",
    usage: "rfm TRANSACTIONS customer=COL date=COL amount=COL [asof=YYYY-MM-DD] [definition=rfm|lifetimes] [as NAME]",
    summary:
      "recency, frequency and monetary value per customer with quintile scores (as the rfm package) as a new dataset",
    example: "rfm orders customer=customer_id date=order_date amount=amount_eur as rfm",
    optionKeys: ["customer", "date", "amount", "asof", "definition"], arguments: [.datasets],
    columnOptionKeys: ["customer", "date", "amount"]
  ) { command, context throws(SessionError) in
    try command.requireArguments(1)
    let source = try context.workspace.dataset(named: command.arguments[0].text)
    let definitionName = try command.choice("definition", RFM.Definition.allCases.map(\.rawValue)) ?? "rfm"
    let rfm = RFM(
      customer: try command.required("customer", example: "customer=customer_id"),
      date: try command.required("date", example: "date=order_date"),
      amount: try command.required("amount", example: "amount=amount_eur"), asOf: try command.isoDate("asof"),
      definition: RFM.Definition(rawValue: definitionName) ?? .rfmPackage)
    let name = command.alias ?? "rfm"
    try context.workspace.requireRowsReplaceable(name, by: "rfm")
    let result = try context.core { () throws(SegmentaError) in try rfm.compute(on: source.table) }
    var table = result.table
    table.name = name
    context.workspace.store(
      Dataset(table: table, source: "rfm of \(source.table.name)", fingerprint: source.fingerprint))
    let reference = CivilDate(daysSinceEpoch: result.referenceDay).iso
    if result.rowsMissingValues > 0 {
      context.warn(
        "\(NumberFormat.grouped(result.rowsMissingValues)) transactions without a customer, date or amount were "
          + "left out")
    }
    if result.rowsAfterReference > 0 {
      context.warn("\(NumberFormat.grouped(result.rowsAfterReference)) transactions after \(reference) were left out")
    }
    context.print(
      "\(name): \(NumberFormat.grouped(table.rowCount)) customers from \(NumberFormat.grouped(result.transactionsUsed)) "
        + "transactions of \(source.table.name), "
        + (rfm.asOf == nil ? "latest transaction \(reference)" : "as of \(reference)")
        + (rfm.definition == .lifetimes ? " (lifetimes definitions)" : ""))
    context.print(describeRFM(result, rfm.definition, &context))
  }

  /// Ranges of the measures, the score distribution and the named segments (or the lifetimes columns).
  private static func describeRFM(_ result: RFM.Result, _ definition: RFM.Definition, _ context: inout CommandContext)
    -> [String]
  {
    let f = context.numbers
    let measures =
      definition == .lifetimes
      ? [
        ("frequency", "repeat purchase days"), ("recency", "days, first to last purchase"),
        ("T", "days, first purchase to the end"), ("monetary", "mean repeat purchase day"),
      ]
      : [("recency", "days since last transaction"), ("frequency", "transactions"), ("monetary", "sum of amounts")]
    var ranges = TextTable(
      header: ["column", "min", "median", "max", "meaning"], alignments: [.left, .right, .right, .right, .left])
    for (name, meaning) in measures {
      guard let column = result.table.column(named: name),
        let d = ColumnSummary.summarize(column).distribution
      else { continue }
      ranges.append([name, f.format(d.min), f.format(d.median), f.format(d.max), meaning])
    }
    var lines = ranges.render(width: context.settings.width)
    guard definition == .rfmPackage else { return lines }
    var scores = TextTable(header: ["customers per score", "1", "2", "3", "4", "5"])
    for s in result.scoreCounts { scores.append([s.column] + s.counts.map { NumberFormat.grouped($0) }) }
    lines += [""] + scores.render(width: context.settings.width)
    lines.append("5 = most recent, most frequent, highest monetary; ties split by customer id")
    var segments = TextTable(
      header: ["rfm_segment", "customers", "share"], alignments: [.left, .right, .right])
    for s in result.segments {
      segments.append([s.label, NumberFormat.grouped(s.rows), NumberFormat.percent(s.share)])
    }
    return lines + [""] + segments.render(width: context.settings.width)
  }
}

extension ParsedCommand {
  /// The value of a required option naming a column.
  func required(_ key: String, example: String) throws(SessionError) -> String {
    guard let option = value(key), !option.value.isEmpty else {
      throw .usage("\(key)= is required, e.g. \(example)", column: nil)
    }
    return option.value
  }

  /// An ISO date option (`asof=2025-06-30`) as days since 1970-01-01.
  func isoDate(_ key: String) throws(SessionError) -> Int? {
    guard let option = value(key) else { return nil }
    guard let day = CivilDate(iso: option.value)?.daysSinceEpoch else {
      throw .usage("\(key)=\(option.value) is invalid: expected a date YYYY-MM-DD", column: option.column)
    }
    return day
  }
}
