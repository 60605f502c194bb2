import SegmentaCore

extension CommandSpec {
  /// `kdist [min_points=5]`
  static let kdist = CommandSpec(
    name: "kdist", usage: "kdist [min_points=5]",
    summary: "the sorted k-distance curve of the active features: quantiles and a suggested DBSCAN eps at its knee",
    example: "kdist min_points=10", optionKeys: ["min_points"]
  ) { command, context throws(SessionError) in
    try command.requireArguments(0)
    let minPoints = try command.int("min_points", default: 5, in: 2...100_000) ?? 5
    let dataset = try context.workspace.activeDataset()
    let features = try context.core { () throws(SegmentaError) in try dataset.recipe.apply(to: dataset.table) }
    let execution = context.execution
    let curve = try context.core { () throws(SegmentaError) in
      try KDistanceCurve(features.matrix, minPoints: minPoints, context: execution)
    }
    let n = curve.distances.count
    context.print(
      "k-distance: each of \(NumberFormat.grouped(n)) rows' distance to its \(ordinal(minPoints)) nearest row "
        + "(itself counted) over \(features.matrix.columns) features")
    let levels: [(String, Double)] = [
      ("min", 0), ("10%", 0.1), ("25%", 0.25), ("median", 0.5), ("75%", 0.75), ("90%", 0.9), ("95%", 0.95),
      ("99%", 0.99), ("max", 1),
    ]
    var table = TextTable(header: levels.map(\.0))
    table.append(levels.map { context.numbers.format(Statistics.quantile(sorted: curve.distances, $0.1)) })
    context.print(table.render(width: context.settings.width))
    let eps = curve.suggestedEps
    let core = curve.coreCount(eps: eps)
    guard eps > 0 else {
      context.print("no knee: at least \(minPoints) rows coincide everywhere; raise min_points")
      return
    }
    context.print(
      "suggested eps: \(context.numbers.format(eps)) (knee of the sorted curve, Kneedle) · "
        + "\(NumberFormat.grouped(core)) rows (\(NumberFormat.percent(Double(core) / Double(n)))) are core points")
    context.print("try: run dbscan eps=\(context.numbers.format(eps)) min_points=\(minPoints)")
  }

  /// 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st.
  private static func ordinal(_ n: Int) -> String {
    let suffix =
      switch (n % 10, n % 100) {
      case (_, 11...13): "th"
      case (1, _): "st"
      case (2, _): "nd"
      case (3, _): "rd"
      default: "th"
      }
    return "\(n)\(suffix)"
  }
}
