import SegmentaCore

extension Inspection {
  /// One segment in detail: its profile against everyone, its distance to every other segment, its worst fits.
  func printSegment(_ s: Int, worst: Int, _ context: inout CommandContext) throws(SessionError) {
    let format = context.numbers
    let width = context.settings.width
    let segment = diagnostics.segments[s]
    let name = segments[s]
    context.printWrapped(
      "\(variant.name) segment \(name): \(NumberFormat.grouped(segment.size)) of "
        + "\(NumberFormat.grouped(variant.result.labels.count - variant.noiseCount)) rows "
        + "(\(NumberFormat.percent(segment.share)))")
    context.printWrapped(
      "homogeneity: silhouette \(segment.meanSilhouette.map(format.format) ?? "–") · mean distance to centre "
        + format.format(segment.meanDistanceToCentre))
    context.printWrapped(
      "separation: nearest segment \(segment.nearest.map { segments[$0] } ?? "–")"
        + (segment.nearest.map { " at \(format.format(segment.centreDistances[$0]))" } ?? "")
        + " · \(NumberFormat.percent(segment.borderlineShare)) borderline")

    context.print("")
    var features = TextTable(header: ["feature", "mean", "median", "overall", "std_diff", "spread"])
    let names = variant.features.matrix.names
    for profile in profiles {
      let spread = names.firstIndex(of: profile.name).map { format.format(segment.spread[$0]) } ?? "–"
      features.append([
        profile.name, format.format(profile.means[s]), format.format(profile.medians[s]),
        format.format(profile.overallMean), Self.signed(profile.standardizedDifferences[s], format), spread,
      ])
    }
    context.print(features.render(width: width))
    context.printWrapped(
      "original units; std_diff = (mean − overall mean) ÷ overall sd (±0.5 medium, ±0.8 large); spread = sd in "
        + "the segment ÷ sd overall in model space (below 1 = more alike)")

    context.print("")
    context.printWrapped("other segments (second choice: members whose nearest other centre is that segment):")
    var others = TextTable(header: ["segment", "centre_dist", "second_choice", "borderline"])
    for t in 0..<variant.result.k where t != s {
      let share = { (count: Int) in segment.size > 0 ? NumberFormat.percent(Double(count) / Double(segment.size)) : "–"
      }
      others.append([
        segments[t], format.format(segment.centreDistances[t]), share(segment.secondChoiceCounts[t]),
        share(segment.borderlineCounts[t]),
      ])
    }
    context.print(others.render(width: width))
    try printFits(s, count: worst, &context)
  }

  /// The rows that fit worst (of segment `s`, or overall): lowest silhouette when exact, else the highest ratio
  /// of own to nearest-other centre distance.
  func printFits(_ s: Int?, count: Int, _ context: inout CommandContext) throws(SessionError) {
    guard count > 0 else { return }
    let fits = diagnostics.fitsWorstFirst.filter { s == nil || $0.segment == s }.prefix(count)
    guard !fits.isEmpty else { return }
    let table = try context.workspace.dataset(named: variant.datasetName).table
    let ids = table.idColumn.flatMap { table.column(named: $0) }
    let format = context.numbers
    context.print("")
    let bySilhouette = silhouette?.isExact == true
    context.print(
      "customers that fit worst (" + (bySilhouette ? "lowest silhouette" : "closest to another centre") + "):")
    var rows = TextTable(
      header: [ids?.name ?? "row", "segment", "silhouette", "dist_own", "nearest_other", "dist_other"],
      alignments: [.left, .left, .right, .right, .left, .right])
    for fit in fits {
      let tableRow = variant.features.rowIndices[fit.row]
      rows.append([
        ids?.text(at: tableRow) ?? String(tableRow + 1), segments[fit.segment],
        fit.silhouette.map(format.format) ?? "–",
        format.format(fit.distance), fit.nearestOther.map { segments[$0] } ?? "–", format.format(fit.otherDistance),
      ])
    }
    context.print(rows.render(width: context.settings.width))
  }

  /// A difference with its sign, so `+0.72` and `-0.31` read at a glance.
  static func signed(_ value: Double, _ format: NumberFormat) -> String {
    value.isNaN ? "–" : (value > 0 ? "+" : "") + format.format(value)
  }
}
