import SegmentaCore

extension CommandSpec {
  /// `importance V`
  static let importance = CommandSpec(
    name: "importance", usage: "importance VARIANT",
    summary:
      "which features separate the segments: η²/F for numeric, Cramér's V/χ² for categorical, SPSS-style importance",
    example: "importance km.k4", arguments: [.variants]
  ) { command, context throws(SessionError) in
    try command.requireArguments(1)
    let variant = try context.workspace.variant(named: command.arguments[0].text)
    let categorical = variant.features.rawColumns.filter { !$0.isNumeric }
    let encoded = Set(categorical.map { $0.name + "=" })
    let x = variant.features.matrix
    // Numeric features as clustered; one-hot columns are tested through their categorical column instead.
    let numeric = x.names.enumerated().filter { _, name in !encoded.contains { name.hasPrefix($0) } }.map { j, name in
      (name: name, values: ContiguousArray((0..<x.rows).map { x[$0, j] }))
    }
    let coded = categorical.map { column in
      let levels = Set(column.strings.compactMap { $0 }).sorted()
      let index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
      return (name: column.name, codes: column.strings.map { $0.flatMap { index[$0] } ?? -1 }, levels: levels.count)
    }
    let importance = try context.core { () throws(SegmentaError) in
      try FeatureImportance(numeric: numeric, categorical: coded, segments: variant.result.labels, k: variant.result.k)
    }
    let format = context.numbers
    context.printWrapped(
      "\(variant.name): which features separate its \(variant.result.k) segments (numeric features as clustered)")
    var table = TextTable(
      header: ["feature", "effect", "test", "-log10_p", "importance", ""],
      alignments: [.left, .left, .left, .right, .right, .left])
    for entry in importance.entries {
      let effect: String
      let test: String
      switch entry.measure {
      case .numeric(let a):
        effect = "η² " + format.format(a.etaSquared)
        test = "F(\(a.betweenDegrees),\(a.withinDegrees))=\(format.format(a.f))"
      case .categorical(let a):
        effect = "V " + format.format(a.cramersV)
        test = "χ²(\(a.degreesOfFreedom))=\(format.format(a.chiSquared))"
      }
      table.append([
        entry.name, effect, test, StatisticText.minusLog10(-entry.measure.negativeLog10P, format),
        format.format(entry.importance), StatisticText.bar(entry.importance, width: 6),
      ])
    }
    context.print(table.render(width: context.settings.width))
    if let top = importance.entries.first {
      let words: String
      let negligible: Bool
      switch top.measure {
      case .numeric(let a):
        words = "\(StatisticText.etaSquared(a.etaSquared)) effect, η² \(format.format(a.etaSquared))"
        negligible = a.etaSquared < 0.01
      case .categorical(let a):
        words = "\(StatisticText.cramersV(a.cramersV)) association, V \(format.format(a.cramersV))"
        negligible = a.cramersV < 0.1
      }
      let log10P = -top.measure.negativeLog10P
      if log10P > -1.3 || negligible {
        context.printWrapped(
          "these segments barely differ in any feature: even the strongest, \(top.name), shows a \(words) "
            + "(\(StatisticText.pValue(log10: log10P, format))).")
      } else {
        context.printWrapped(
          "strongest: \(top.name) (\(words)). η²: share of the feature's variance between segments (0.01 small, "
            + "0.06 medium, 0.14 large); with many customers every p is tiny, so read the effect for size and the "
            + "importance for order.")
      }
    }
  }
}
