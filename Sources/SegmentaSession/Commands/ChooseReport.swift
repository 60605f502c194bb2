import SegmentaCore

extension CommandSpec {
  /// The gap statistic of a sweep: every member's own algorithm refitted on B uniform reference sets in the data's
  /// principal-component box (clusGap's scaledPCA), the data's own segments used for the observed W_k.
  static func gapStatistic(_ sweep: [Variant], references: Int, power: Double, _ context: inout CommandContext)
    throws(SessionError) -> GapStatistic
  {
    guard sweep.allSatisfy({ $0.algorithm != nil }) else {
      throw .usage(
        "the gap statistic refits the method on reference data, so it needs fitted variants, not `run given` groups",
        column: nil)
    }
    if let mixed = sweep.first(where: { $0.algorithm?.carriesRowData == true }) {
      throw .usage(
        "the gap statistic draws uniform numeric reference data, which has no categorical columns for "
          + "\(mixed.algorithm?.algorithmName ?? mixed.method); choose k by the other criteria (`choose k for … by all` "
          + "without gap: `by silhouette`, `by db`, …)", column: nil)
    }
    let data = sweep[0].features.matrix
    let box = try context.core { () throws(SegmentaError) in try GapStatistic.ReferenceBox(data) }
    let base = SeededRandom(seed: sweep[0].seed ?? context.settings.seed)
    let execution = context.execution
    let byK = Dictionary(uniqueKeysWithValues: sweep.map { ($0.result.k, $0) })
    return try context.core { () throws(SegmentaError) in
      try GapStatistic(
        data, ks: [1] + sweep.map(\.result.k), references: references, distancePower: power,
        reference: { b in
          var rng = base.derived(b)
          return box.draw(rows: data.rows, rng: &rng)
        },
        cluster: { x, k, set throws(SegmentaError) in
          guard let variant = byK[k], let algorithm = variant.algorithm else { preconditionFailure("a k of the sweep") }
          guard let set else { return variant.result.labels }
          var rng = base.derived(set).derived(k)
          return try algorithm.fit(x, context: execution, rng: &rng).labels
        }, context: execution)
    }
  }

  /// The sweep's table, what each criterion picks, the recommendation with its reason, and the structure reading.
  static func printChoice(
    _ sweep: [Variant], candidates: [KChoice.Candidate], choice: KChoice, gap: GapStatistic?,
    _ context: inout CommandContext
  ) {
    let format = context.numbers
    let showBIC = candidates.contains { $0.bic != nil }
    let method = sweep[0].algorithm?.algorithmName ?? "given"
    let ks = candidates.map(\.k)
    context.printWrapped(
      "choose k among \(ks.map(String.init).joined(separator: ", ")) (\(method) on "
        + "\(NumberFormat.grouped(sweep[0].features.matrix.rows)) rows; ch = Calinski–Harabasz, higher is better; "
        + "db = Davies–Bouldin, lower is better)")
    var table = TextTable(
      header: ["k", "within_ss", "silhouette", "ch", "db"]
        + (gap == nil ? [] : ["gap", "gap_se"]) + (showBIC ? ["bic"] : []) + ["chosen_by"])
    table.alignments[table.header.count - 1] = .left
    table.maxCellWidth = 40
    for k in (gap == nil ? [] : [1]) + ks {
      let c = candidates.first { $0.k == k }
      let row = gap?.rows.first { $0.k == k }
      let pickers = choice.picks.filter { $0.k == k }.map(\.criterion.rawValue).joined(separator: ", ")
      var cells: [String] = [
        String(k), c?.withinSS.map(format.format) ?? "–", c?.silhouette.map(format.format) ?? "–",
        c?.calinskiHarabasz.map(format.format) ?? "–", c?.daviesBouldin.map(format.format) ?? "–",
      ]
      if gap != nil {
        cells.append(row.map { format.format($0.gap) } ?? "–")
        cells.append(row.map { format.format($0.standardError) } ?? "–")
      }
      if showBIC { cells.append(c?.bic.map(format.format) ?? "–") }
      table.append(cells + [pickers])
    }
    context.print(table.render(width: context.settings.width))
    if let gap {
      context.printWrapped(
        "gap statistic as R's cluster::clusGap: B = \(gap.references) uniform reference sets in the principal-component "
          + "box (spaceH0 = \"scaledPCA\"), d.power = \(gap.distancePower == gap.distancePower.rounded() ? String(Int(gap.distancePower)) : format.format(gap.distancePower)), k chosen by \"firstSEmax\"; "
          + "the data's own segments give the observed W_k.")
    }
    if let k = choice.recommended {
      let variant = sweep.first { $0.result.k == k }?.name
      let by = choice.supporters.map(\.rawValue)
      let list = by.count > 1 ? by.dropLast().joined(separator: ", ") + " and " + (by.last ?? "") : (by.first ?? "")
      context.printWrapped(
        "recommendation: k = \(k)" + (variant.map { " (\($0))" } ?? "") + ", chosen by \(list) ("
          + "\(by.count) of \(choice.picks.count) criteri\(choice.picks.count == 1 ? "on" : "a"))"
          + (by.count * 2 <= choice.picks.count && choice.picks.count > 1
            ? "; the criteria disagree, so let the use decide between their picks (k = "
              + Set(choice.picks.map(\.k)).sorted().map(String.init).joined(separator: ", ") + ")" : ""))
    }
    if gap?.chosenK == 1 {
      context.printWrapped(
        "the gap statistic prefers k = 1: to it the data look like one uniform cloud, with no cluster structure "
          + "beyond what random data of the same extent would show.")
    }
    if let structure = choice.structure, let best = candidates.compactMap(\.silhouette).max() {
      let reading: String
      switch structure {
      case .strong: reading = "strong structure (above 0.70)"
      case .reasonable: reading = "a reasonable structure (0.51–0.70)"
      case .weak: reading = "a weak structure that could be artificial (0.26–0.50)"
      case .none: reading = "no substantial structure (0.25 or less)"
      }
      context.printWrapped(
        "structure: the best mean silhouette is \(format.format(best)), \(reading) on Kaufman & Rousseeuw's scale"
          + (structure == .none || structure == .weak
            ? "; read the segments as a useful partition of a continuum rather than natural groups." : "."))
    }
  }
}
