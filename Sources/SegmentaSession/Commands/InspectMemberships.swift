import SegmentaCore

extension CommandSpec {
  /// A top membership below this counts as an uncertain assignment in `inspect`.
  static let uncertainMembership = 0.8

  /// The soft-assignment part of `inspect` for probabilistic variants (mixtures): per segment the share of customers
  /// whose top membership is below 0.8, and the five most uncertain customers with their two likeliest segments.
  static func printMemberships(_ variant: Variant, _ context: inout CommandContext) throws(SessionError) {
    guard let memberships = variant.result.memberships, memberships.columns >= 2 else { return }
    let table = try context.workspace.dataset(named: variant.datasetName).table
    let ids = table.idColumn.flatMap { table.column(named: $0) }
    let labels = variant.result.labels
    let k = memberships.columns
    // (row, top two segments by membership, lowest segment first on ties)
    let ranked = (0..<memberships.rows).filter { labels[$0] >= 0 }.map { i in
      let order = (0..<k).sorted {
        memberships[i, $0] > memberships[i, $1] || (memberships[i, $0] == memberships[i, $1] && $0 < $1)
      }
      return (row: i, first: order[0], second: order[1])
    }
    var uncertain = [Int](repeating: 0, count: variant.result.k)
    for r in ranked where memberships[r.row, r.first] < uncertainMembership { uncertain[Int(labels[r.row])] += 1 }
    let sizes = variant.sizes

    context.print("")
    context.print("memberships: share of customers whose top membership is below \(uncertainMembership):")
    var shares = TextTable(header: ["segment", "size", "uncertain"], alignments: [.left, .right, .right])
    for s in 0..<variant.result.k {
      shares.append([
        variant.segmentLabel(s), NumberFormat.grouped(sizes[s]),
        sizes[s] > 0 ? NumberFormat.percent(Double(uncertain[s]) / Double(sizes[s])) : "–",
      ])
    }
    context.print(shares.render(width: context.settings.width))

    context.print("")
    context.print("most uncertain customers:")
    let least = ranked.sorted {
      let (a, b) = (memberships[$0.row, $0.first], memberships[$1.row, $1.first])
      return a < b || (a == b && $0.row < $1.row)
    }.prefix(5)
    var customers = TextTable(
      header: [ids?.name ?? "row", "segment", "membership", "second", "membership"],
      alignments: [.left, .left, .right, .left, .right])
    for r in least {
      let tableRow = variant.features.rowIndices[r.row]
      customers.append([
        ids?.text(at: tableRow) ?? String(tableRow + 1), variant.segmentLabel(r.first),
        context.numbers.format(memberships[r.row, r.first]), variant.segmentLabel(r.second),
        context.numbers.format(memberships[r.row, r.second]),
      ])
    }
    context.print(customers.render(width: context.settings.width))
  }
}
