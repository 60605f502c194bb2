import SegmentaCore

extension PlotKind {
  /// `plot SWEEP elbow [to FILE.svg]`: within sum of squares against k, the Kneedle elbow marked.
  static let elbow = PlotKind(
    name: "elbow", subject: "SWEEP", usage: "", optionKeys: []
  ) { subject, _, target, context throws(SessionError) in
    let names = try CommandSpec.expandVariantNames([subject.text], in: context.workspace)
    var points: [(k: Int, withinSS: Double)] = []
    for name in names {
      let k = try context.workspace.variant(named: name).result.k
      points.append((k, try context.metrics(of: name).withinSS))
    }
    points.sort { $0.k < $1.k }
    guard points.count >= 2, Set(points.map(\.k)).count == points.count else {
      throw .usage(
        "'\(subject.text)' is not a sweep: an elbow plot needs variants with different k, e.g. "
          + "`run kmeans k=2..8 as km` then `plot km elbow`", column: subject.column)
    }
    let ks = points.map(\.k)
    let values = points.map(\.withinSS)
    let knee = KChoice.knee(x: ks.map(Double.init), y: values)
    switch target {
    case .terminal:
      return .lines(
        Prose.wrap("\(subject.text): elbow of the sweep", width: context.settings.width)
          + SegmentPlotsText.elbow(
            ks: ks, withinSS: values, knee: knee, format: context.numbers, width: context.settings.width))
    case .svg:
      return .svg(
        SegmentPlotsSVG.elbow(
          ks: ks, withinSS: values, knee: knee, title: "\(subject.text): how many segments?",
          subtitle: "within-segment sum of squares per k · elbow by Kneedle (Satopää et al. 2011)"),
        description: "elbow of \(subject.text)")
    }
  }
}
