import SegmentaCore

extension CommandSpec {
  /// `profile V [by COL]`
  static let profile = CommandSpec(
    name: "profile", usage: "profile VARIANT [by COLUMN]",
    summary:
      "per segment in original units: means, medians, standardised differences, category shares; `by COLUMN`: "
      + "crosstab with an existing grouping and Cramér's V",
    example: "profile km.k4 by customer_group", arguments: [.variants, .keywords(["by"]), .columns]
  ) { command, context throws(SessionError) in
    guard command.arguments.count == 1 || (command.arguments.count == 3 && command.arguments[1].text == "by") else {
      throw .usage("expected `profile VARIANT` or `profile VARIANT by COLUMN`", column: nil)
    }
    let variant = try context.workspace.variant(named: command.arguments[0].text)
    if command.arguments.count == 3 {
      let table = try context.workspace.dataset(named: variant.datasetName).table
      let column = try context.core { () throws(SegmentaError) in try table.requireColumn(command.arguments[2].text) }
      try printCrosstab(variant, column, &context)
      return
    }
    printNumericProfile(variant, variant.features.rawColumns.filter { $0.kind == .numeric }, &context)
    for column in variant.features.rawColumns where !column.isNumeric {
      let profile = SegmentProfile.categorical(
        name: column.name, values: column.strings, labels: variant.result.labels, k: variant.result.k)
      context.print("")
      context.printWrapped("\(column.name): share of each segment")
      printShares(profile, variant, &context)
    }
  }

  /// Means, medians and standardised differences of numeric columns, and the few features that set each segment
  /// apart.
  private static func printNumericProfile(_ variant: Variant, _ columns: [Column], _ context: inout CommandContext) {
    let k = variant.result.k
    let format = context.numbers
    let width = context.settings.width
    let segments = (0..<k).map(variant.segmentLabel)
    let profiles = columns.map {
      SegmentProfile.numeric(name: $0.name, values: $0.numbers, labels: variant.result.labels, k: k)
    }
    context.printWrapped(
      "\(variant.name): \(NumberFormat.grouped(variant.result.labels.count - variant.noiseCount)) rows in \(k) "
        + "segments, original units")
    guard !profiles.isEmpty else { return }
    let tables: [(String, (SegmentProfile.Numeric) -> [String])] = [
      ("means:", { p in [format.format(p.overallMean)] + p.means.map(format.format) }),
      ("medians:", { p in [format.format(p.overallMedian)] + p.medians.map(format.format) }),
    ]
    for (title, cells) in tables {
      context.print(title)
      var table = TextTable(header: ["feature", "overall"] + segments)
      for p in profiles { table.append([p.name] + cells(p)) }
      context.print(table.render(width: width))
      context.print("")
    }
    context.printWrapped(
      "standardised difference from the whole, (segment mean − overall mean) ÷ overall sd (±0.2 small, ±0.5 medium, "
        + "±0.8 large):")
    var differences = TextTable(header: ["feature"] + segments)
    for p in profiles {
      differences.append([p.name] + p.standardizedDifferences.map { Inspection.signed($0, format) })
    }
    context.print(differences.render(width: width))
    context.print("")
    context.print("what sets each segment apart:")
    for s in 0..<k {
      let candidates: [(name: String, d: Double)] = profiles.map { ($0.name, $0.standardizedDifferences[s]) }
      let strongest = candidates.filter { abs($0.d) >= 0.2 }.sorted { a, b in
        abs(a.d) > abs(b.d) || (abs(a.d) == abs(b.d) && a.name < b.name)
      }
      let words = strongest.prefix(3).map { (name: String, d: Double) -> String in
        (d > 0 ? "high " : "low ") + name + " (" + Inspection.signed(d, format) + ")"
      }
      context.print(
        Prose.wrap(
          "  \(segments[s]): "
            + (words.isEmpty ? "close to the average on every feature" : words.joined(separator: ", ")),
          width: width, indent: "    "))
    }
  }

  /// A categorical profile as shares of each segment, with the overall share first.
  private static func printShares(
    _ profile: SegmentProfile.Categorical, _ variant: Variant, _ context: inout CommandContext
  ) {
    let k = variant.result.k
    var table = TextTable(header: [profile.name, "overall"] + (0..<k).map(variant.segmentLabel))
    let total = profile.levelTotals.reduce(0, +)
    for (l, level) in profile.levels.enumerated() {
      table.append(
        [level, NumberFormat.percent(total > 0 ? Double(profile.levelTotals[l]) / Double(total) : 0)]
          + (0..<k).map { NumberFormat.percent(profile.share(segment: $0, level: l)) })
    }
    context.print(table.render(width: context.settings.width))
  }

  /// `profile V by COL`: the crosstab of segments with an existing column (counts, then shares of each segment)
  /// and Cramér's V in words; a numeric column gets its means, medians and standardised differences instead.
  private static func printCrosstab(_ variant: Variant, _ column: Column, _ context: inout CommandContext)
    throws(SessionError)
  {
    let rows = variant.features.rowIndices
    guard !column.isNumeric else {
      let values = ContiguousArray(rows.map { column.numbers[$0] })
      printNumericProfile(variant, [Column(name: column.name, kind: .numeric, numbers: values)], &context)
      return
    }
    let k = variant.result.k
    let profile = SegmentProfile.categorical(
      name: column.name, values: rows.map { column.string(at: $0) }, labels: variant.result.labels, k: k)
    guard profile.levels.count <= 200 else {
      throw .failed(
        .invalidParameter(
          name: "by", value: "\(profile.levels.count) values in '\(column.name)'",
          expected: "at most 200 distinct values; choose a coarser column"))
    }
    context.printWrapped("\(variant.name) × \(column.name): rows per \(column.name) and segment")
    var counts = TextTable(header: [column.name, "total"] + (0..<k).map(variant.segmentLabel))
    for (l, level) in profile.levels.enumerated() {
      counts.append(
        [level, NumberFormat.grouped(profile.levelTotals[l])]
          + (0..<k).map { NumberFormat.grouped(profile.counts[$0 * profile.levels.count + l]) })
    }
    counts.append(
      ["total", NumberFormat.grouped(profile.levelTotals.reduce(0, +))]
        + profile.segmentTotals.map(NumberFormat.grouped))
    context.print(counts.render(width: context.settings.width))
    context.print("")
    context.printWrapped("share of each segment:")
    printShares(profile, variant, &context)
    context.print("")
    do {
      let test = try profile.association()
      let format = context.numbers
      context.printWrapped(
        "Cramér's V \(format.format(test.cramersV)): \(StatisticText.cramersV(test.cramersV)) association "
          + "(χ² = \(format.format(test.chiSquared)), df = \(test.degreesOfFreedom), "
          + "\(StatisticText.pValue(log10: test.log10P, format)))")
    } catch {
      context.printWrapped("Cramér's V: undefined (\(error))")
    }
  }
}
