import SegmentaCore

extension PlotKind {
  /// `plot V silhouette [sample=N] [to FILE.svg]`: every customer's silhouette by segment.
  static let silhouette = PlotKind(
    name: "silhouette", subject: "VARIANT", usage: "[sample=N]", optionKeys: ["sample"]
  ) { subject, command, target, context throws(SessionError) in
    let variant = try context.workspace.variant(named: subject.text)
    let sample = try command.int("sample", in: 4...100_000_000)
    let metrics = try context.metrics(of: variant.name, silhouette: sample.map(SilhouettePolicy.sample) ?? .exact)
    guard let summary = metrics.silhouetteSummary else {
      throw .usage(
        "\(variant.name) has no silhouettes: they need 2 ≤ k < rows (it has k = \(variant.result.k))",
        column: subject.column)
    }
    var values: [[Double]] = Array(repeating: [], count: variant.result.k)
    for (i, label) in variant.result.labels.enumerated() where label >= 0 && !summary.values[i].isNaN {
      values[Int(label)].append(summary.values[i])
    }
    let names = (0..<variant.result.k).map(variant.segmentLabel)
    let scope =
      summary.isExact
      ? "exact, every customer scored"
      : "stratified sample of \(NumberFormat.grouped(summary.scoredRows)) customers, every segment kept"
    switch target {
    case .terminal:
      return .lines(
        Prose.wrap("\(variant.name): silhouettes (\(scope))", width: context.settings.width)
          + SegmentPlotsText.silhouette(
            values: values, names: names, mean: summary.mean, format: context.numbers, width: context.settings.width))
    case .svg:
      return .svg(
        SegmentPlotsSVG.silhouette(
          values: values, names: names, mean: summary.mean, title: "\(variant.name): how well customers fit",
          subtitle: "silhouette per customer, \(scope) · \(variant.method)"),
        description: "silhouettes of \(variant.name)")
    }
  }
}
