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
}
