import SegmentaCore

extension PlotKind {
  /// `plot V profile [to FILE.svg]`: standardised differences of the numeric features per segment.
  static let profile = PlotKind(
    name: "profile", subject: "VARIANT", usage: "", optionKeys: []
  ) { subject, _, target, context throws(SessionError) in
    let variant = try context.workspace.variant(named: subject.text)
    let profiles = variant.features.rawColumns.filter { $0.kind == .numeric }.map {
      SegmentProfile.numeric(name: $0.name, values: $0.numbers, labels: variant.result.labels, k: variant.result.k)
    }
    guard !profiles.isEmpty else {
      throw .usage("\(variant.name) has no numeric features to profile", column: subject.column)
    }
    let names = (0..<variant.result.k).map(variant.segmentLabel)
    let features = profiles.map(\.name)
    let differences = profiles.map(\.standardizedDifferences)
    switch target {
    case .terminal:
      return .lines(
        Prose.wrap("\(variant.name): how each segment differs from the whole", width: context.settings.width)
          + SegmentPlotsText.profile(
            features: features, names: names, differences: differences, width: context.settings.width))
    case .svg:
      return .svg(
        SegmentPlotsSVG.profile(
          features: features, names: names, differences: differences,
          title: "\(variant.name): what sets the segments apart",
          subtitle: "(segment mean − overall mean) ÷ overall sd, original units · red above, blue below the whole"),
        description: "profile of \(variant.name)")
    }
  }
}
