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

  /// `compare V…`
  static let compare = CommandSpec(
    name: "compare", usage: "compare VARIANT…",
    summary:
      "internal indices side by side (inertia, silhouette, Calinski–Harabasz, Davies–Bouldin, BIC for mixtures) "
      + "and agreement (ARI)",
    example: "compare km.k3 km.k4 km.k5", arguments: [.variants]
  ) { command, context throws(SessionError) in
    try command.requireArguments(1, atLeast: true)
    let names = try expandVariantNames(command.arguments.map(\.text), in: context.workspace)
    let format = context.numbers
    var rows: [[String]] = []
    var bics: [Double?] = []
    var all: [(String, VariantMetrics)] = []
    for name in names {
      let m = try context.metrics(of: name)
      let v = try context.workspace.variant(named: name)
      all.append((name, m))
      rows.append([
        name, String(v.result.k), NumberFormat.grouped(v.result.labels.count - v.noiseCount), format.format(m.withinSS),
        m.silhouette.map(format.format) ?? "–", m.calinskiHarabasz.map(format.format) ?? "–",
        m.daviesBouldin.map(format.format) ?? "–",
      ])
      bics.append(v.result.criteria.first { $0.name == "bic" }?.value)
    }
    // A BIC column (mixtures; lower is better, scikit-learn's sign) only when some variant has one.
    let showBIC = bics.contains { $0 != nil }
    var table = TextTable(
      header: ["variant", "k", "rows", "within_ss", "silhouette", "calinski_harabasz", "davies_bouldin"]
        + (showBIC ? ["bic"] : []))
    for (row, bic) in zip(rows, bics) { table.append(row + (showBIC ? [bic.map(format.format) ?? "–"] : [])) }
    context.print(table.render(width: context.settings.width))
    for name in names {
      let noise = try context.workspace.variant(named: name).noiseCount
      if noise > 0 {
        context.print(
          "note: \(NumberFormat.grouped(noise)) noise rows excluded from the indices and the agreement of \(name)")
      }
    }
    if all.count > 1 {
      let best = { (key: KeyPath<VariantMetrics, Double?>, higher: Bool) -> String in
        let ranked = all.compactMap { pair in pair.1[keyPath: key].map { (pair.0, $0) } }
        guard let top = ranked.max(by: { higher ? $0.1 < $1.1 : $0.1 > $1.1 }) else { return "–" }
        return top.0
      }
      let lowestBIC = zip(names, bics).compactMap { name, bic in bic.map { (name, $0) } }.min { $0.1 < $1.1 }?.0
      context.print(
        "best: silhouette \(best(\.silhouette, true)) · calinski_harabasz \(best(\.calinskiHarabasz, true))"
          + " · davies_bouldin \(best(\.daviesBouldin, false)) (lower is better)"
          + (lowestBIC.map { " · bic \($0) (lower is better)" } ?? ""))
      try printAgreement(names, &context)
    }
  }

  /// Adjusted Rand index between every pair of variants fitted on the same rows.
  private static func printAgreement(_ names: [String], _ context: inout CommandContext) throws(SessionError) {
    let variants = try names.map { n throws(SessionError) in try context.workspace.variant(named: n) }
    guard Set(variants.map(\.features.rowIndices)).count == 1 else {
      context.print("agreement: not shown (the variants cover different rows)")
      return
    }
    context.print("agreement (adjusted Rand index):")
    var table = TextTable(header: [""] + names)
    for a in variants {
      table.append(
        [a.name]
          + variants.map { b in
            (try? ClusterMetrics.adjustedRandIndex(a.result.labels, b.result.labels)).map(context.numbers.format) ?? "–"
          })
    }
    context.print(table.render(width: context.settings.width))
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
