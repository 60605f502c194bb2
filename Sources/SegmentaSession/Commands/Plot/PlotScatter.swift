import SegmentaCore

extension PlotKind {
  /// Rows drawn in an SVG scatter at most; beyond, every segment is thinned alike (and the subtitle says so).
  static let scatterSVGLimit = 5000

  /// `plot V scatter [marks=segments|dots] [to FILE.svg]`: the segments on their first two principal components.
  static let scatter = PlotKind(
    name: "scatter", subject: "VARIANT", usage: "[marks=segments|dots]", optionKeys: ["marks"]
  ) { subject, command, target, context throws(SessionError) in
    let dots = try command.choice("marks", ["segments", "dots"], default: "segments") == "dots"
    let variant = try context.workspace.variant(named: subject.text)
    let layout = try context.core { () throws(SegmentaError) in
      try ScatterLayout(variant.features.matrix, labels: variant.result.labels, k: variant.result.k)
    }
    let names = (0..<variant.result.k).map(variant.segmentLabel)
    switch target {
    case .terminal:
      return .lines(
        Prose.wrap("\(variant.name): segments on the first two principal components", width: context.settings.width)
          + SegmentPlotsText.scatter(
            layout, names: names, sizes: variant.sizes, dots: dots, format: context.numbers,
            width: context.settings.width))
    case .svg:
      let rows = layout.drawnRows(limit: scatterSVGLimit)
      let n = variant.result.labels.count
      let drawn =
        rows.count < n
        ? "\(NumberFormat.grouped(rows.count)) of \(NumberFormat.grouped(n)) customers drawn, every segment alike"
        : "\(NumberFormat.grouped(n)) customers"
      return .svg(
        SegmentPlotsSVG.scatter(
          layout, rows: rows, names: names, sizes: variant.sizes, title: "\(variant.name): segments at a glance",
          subtitle: "\(variant.method) · principal components of the \(variant.features.matrix.columns) features · "
            + drawn),
        description: "scatter of \(variant.name)")
    }
  }
}
