import SegmentaCore

extension CommandSpec {
  /// Adjusted Rand index and adjusted mutual information between every pair of variants fitted on the same rows
  /// (noise rows of either left out), as two matrices.
  static func printAgreement(_ names: [String], _ context: inout CommandContext) throws(SessionError) {
    let variants = try names.map { n throws(SessionError) in try context.workspace.variant(named: n) }
    guard Set(variants.map(\.features.rowIndices)).count == 1 else {
      context.print("agreement: not shown (the variants cover different rows)")
      return
    }
    let measures: [(title: String, measure: (Variant, Variant) throws(SegmentaError) -> Double)] = [
      (
        "agreement, adjusted Rand index (1 = the same segments, 0 = chance):",
        { a, b throws(SegmentaError) in try ClusterMetrics.adjustedRandIndex(a.result.labels, b.result.labels) }
      ),
      (
        "agreement, adjusted mutual information (1 = the same segments, 0 = chance):",
        { a, b throws(SegmentaError) in
          try ClusterMetrics.adjustedMutualInformation(a.result.labels, b.result.labels)
        }
      ),
    ]
    for (title, measure) in measures {
      context.print("")
      context.printWrapped(title)
      var table = TextTable(header: [""] + names)
      for a in variants {
        var row = [a.name]
        for b in variants {
          row.append(try context.core { () throws(SegmentaError) in context.numbers.format(try measure(a, b)) })
        }
        table.append(row)
      }
      context.print(table.render(width: context.settings.width))
    }
  }

  /// Which segment of each other variant corresponds to each segment of the first one: a one-to-one matching that
  /// maximises shared customers (Hungarian assignment on the overlap table), with the share of the first
  /// variant's segment found in its match. Shown for up to six variants fitted on the same rows.
  static func printMatching(_ names: [String], _ context: inout CommandContext) throws(SessionError) {
    let variants = try names.map { n throws(SessionError) in try context.workspace.variant(named: n) }
    guard variants.count >= 2, variants.count <= 6, Set(variants.map(\.features.rowIndices)).count == 1,
      let first = variants.first
    else { return }
    context.print("")
    context.printWrapped(
      "matching segments of \(first.name) (most shared customers; share of the \(first.name) segment in its match):")
    var table = TextTable(header: ["segment"] + variants.dropFirst().map(\.name))
    let matchings = variants.dropFirst().map { other in
      SegmentMatching.match(first.result.labels, ka: first.result.k, other.result.labels, kb: other.result.k)
    }
    let sizes = first.sizes
    for s in 0..<first.result.k {
      var row = [first.segmentLabel(s)]
      for (other, pairs) in zip(variants.dropFirst(), matchings) {
        if let pair = pairs.first(where: { $0.a == s }), sizes[s] > 0 {
          row.append("\(other.segmentLabel(pair.b)) (\(NumberFormat.percent(Double(pair.overlap) / Double(sizes[s]))))")
        } else {
          row.append("–")
        }
      }
      table.append(row)
    }
    context.print(table.render(width: context.settings.width))
  }
}
