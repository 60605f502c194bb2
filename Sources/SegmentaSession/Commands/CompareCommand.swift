import SegmentaCore

extension CommandSpec {
  /// `variants`
  static let variants = CommandSpec(
    name: "variants", usage: "variants", summary: "list the variants with their method and segment sizes",
    example: "variants"
  ) { command, context throws(SessionError) in
    try command.requireArguments(0)
    guard !context.workspace.variants.isEmpty else {
      context.print("no variants yet; use `run kmeans k=4`")
      return
    }
    var table = TextTable(
      header: ["variant", "dataset", "k", "rows", "method"],
      alignments: [.left, .left, .right, .right, .left])
    for v in context.workspace.variants {
      table.append([v.name, v.datasetName, String(v.result.k), NumberFormat.grouped(v.result.labels.count), v.method])
    }
    context.print(table.render(width: context.settings.width))
  }

  /// `compare V… [sample=N | silhouette=exact]`
  static let compare = CommandSpec(
    name: "compare", usage: "compare VARIANT… [sample=N | silhouette=exact]",
    summary:
      "internal indices side by side (silhouette, Calinski–Harabasz, Davies–Bouldin, Dunn, BIC, smallest segment), "
      + "the best variant per criterion, agreement (ARI, AMI)",
    example: "compare km.k3 km.k4 km.k5 given.customer_group", optionKeys: ["sample", "silhouette"],
    arguments: [.variants]
  ) { command, context throws(SessionError) in
    try command.requireArguments(1, atLeast: true)
    let policy = try command.silhouettePolicy()
    let names = try expandVariantNames(command.arguments.map(\.text), in: context.workspace)
    let format = context.numbers
    var rows: [ComparedVariant] = []
    for name in names {
      let v = try context.workspace.variant(named: name)
      let m = try context.metrics(of: name, silhouette: policy)
      rows.append(ComparedVariant(variant: v, metrics: m))
    }
    // A BIC column (mixtures; lower is better, scikit-learn's sign) only when some variant has one.
    let showBIC = rows.contains { $0.bic != nil }
    var table = TextTable(
      header: ["variant", "k", "rows", "within_ss", "silhouette", "calinski_harabasz", "davies_bouldin", "dunn"]
        + (showBIC ? ["bic"] : []) + ["smallest"])
    for row in rows {
      let m = row.metrics
      let v = row.variant
      table.append(
        [
          v.name, String(v.result.k), NumberFormat.grouped(v.result.labels.count - v.noiseCount),
          format.format(m.withinSS), m.silhouetteSummary.map { SilhouetteText.mean($0, format) } ?? "–",
          m.calinskiHarabasz.map(format.format) ?? "–", m.daviesBouldin.map(format.format) ?? "–",
          m.dunn.map(format.format) ?? "–",
        ] + (showBIC ? [row.bic.map(format.format) ?? "–"] : []) + [row.smallestShare.map(NumberFormat.percent) ?? "–"])
    }
    context.print(table.render(width: context.settings.width))
    for row in rows where row.variant.noiseCount > 0 {
      context.print(
        "note: \(NumberFormat.grouped(row.variant.noiseCount)) noise rows excluded from the indices and the agreement "
          + "of \(row.variant.name)")
    }
    context.printWrapped(silhouetteNote(rows.compactMap(\.metrics.silhouetteSummary), seed: context.settings.seed))
    if rows.contains(where: { $0.variant.result.labels.count - $0.variant.noiseCount > CommandContext.dunnRowLimit }) {
      context.printWrapped(
        "dunn: not computed above \(NumberFormat.grouped(CommandContext.dunnRowLimit)) rows (it compares every pair "
          + "of rows)")
    }
    if rows.count > 1 {
      printBest(rows, &context)
      try printAgreement(names, &context)
      try printMatching(names, &context)
    }
  }

  /// One row of `compare`.
  private struct ComparedVariant {
    let variant: Variant
    let metrics: VariantMetrics
    var bic: Double? { variant.result.criteria.first { $0.name == "bic" }?.value }
    var smallestShare: Double? {
      let members = variant.result.labels.count - variant.noiseCount
      return variant.sizes.min().flatMap { members > 0 ? Double($0) / Double(members) : nil }
    }
  }

  /// Says whether silhouettes are exact or estimated, so a sampled value is never mistaken for the exact one.
  private static func silhouetteNote(_ summaries: [SilhouetteSummary], seed: UInt64) -> String {
    guard let sampled = summaries.first(where: { !$0.isExact }) else { return "silhouette: exact, every row scored" }
    return "silhouette: " + SilhouetteText.sampleNote(sampled, seed: seed)
  }

  /// The best variant per criterion, and the one that is best most often.
  private static func printBest(_ rows: [ComparedVariant], _ context: inout CommandContext) {
    let criteria: [(name: String, higher: Bool, value: (ComparedVariant) -> Double?)] = [
      ("silhouette", true, { $0.metrics.silhouette }), ("calinski_harabasz", true, { $0.metrics.calinskiHarabasz }),
      ("davies_bouldin", false, { $0.metrics.daviesBouldin }), ("dunn", true, { $0.metrics.dunn }),
      ("bic", false, { $0.bic }),
    ]
    var table = TextTable(header: ["criterion", "best", "value", ""], alignments: [.left, .left, .right, .left])
    var wins: [String] = []
    for criterion in criteria {
      var best: (row: ComparedVariant, value: Double)?
      for row in rows {
        guard let v = criterion.value(row), !v.isNaN else { continue }
        if let b = best, !(criterion.higher ? v > b.value : v < b.value) { continue }
        best = (row, v)
      }
      guard let best else { continue }
      wins.append(best.row.variant.name)
      // An estimated silhouette keeps its `≈` here too.
      let summary = criterion.name == "silhouette" ? best.row.metrics.silhouetteSummary : nil
      table.append([
        criterion.name, best.row.variant.name,
        summary.map { SilhouetteText.value(best.value, of: $0, context.numbers) } ?? context.numbers.format(best.value),
        criterion.higher ? "higher is better" : "lower is better",
      ])
    }
    guard !wins.isEmpty else { return }
    context.print("")
    context.print("best per criterion:")
    context.print(table.render(width: context.settings.width))
    let counts = rows.map { row in (row.variant.name, wins.filter { $0 == row.variant.name }.count) }
    if let top = counts.max(by: { $0.1 < $1.1 }), counts.filter({ $0.1 == top.1 }).count == 1 {
      context.print("most often best: \(top.0) (\(top.1) of \(wins.count) criteria)")
    } else {
      context.printWrapped("no variant is best on most criteria: weigh the ones that matter for the use")
    }
  }

  /// Variant names with sweep prefixes expanded: `km` stands for `km.k2 … km.k8` when no variant is called `km`.
  static func expandVariantNames(_ words: [String], in workspace: Workspace) throws(SessionError) -> [String] {
    var names: [String] = []
    for word in words {
      if workspace.variants.contains(where: { $0.name == word }) {
        names.append(word)
        continue
      }
      let members = workspace.variants.map(\.name).filter { $0.hasPrefix(word + ".") }
      if members.isEmpty { _ = try workspace.variant(named: word) }
      names.append(contentsOf: members)
    }
    return names
  }
}
