import SegmentaCore

extension PlotKind {
  /// `plot V sizes [to FILE.svg]`: customers per segment.
  static let sizes = PlotKind(
    name: "sizes", subject: "VARIANT", usage: "", optionKeys: []
  ) { subject, _, target, context throws(SessionError) in
    let variant = try context.workspace.variant(named: subject.text)
    let names = (0..<variant.result.k).map(variant.segmentLabel)
    let heading =
      "\(variant.name): customers per segment"
      + (variant.noiseCount > 0 ? " (\(NumberFormat.grouped(variant.noiseCount)) noise not shown)" : "")
    switch target {
    case .terminal:
      return .lines(
        [heading] + SegmentPlotsText.sizes(names: names, sizes: variant.sizes, width: context.settings.width))
    case .svg:
      return .svg(
        SegmentPlotsSVG.sizes(names: names, sizes: variant.sizes, title: heading, subtitle: variant.method),
        description: "sizes of \(variant.name)")
    }
  }
}
