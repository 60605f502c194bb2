import SegmentaCore

extension PlotKind {
  /// `plot V dendrogram [top=30] [to FILE.svg]`: the last merges of a hierarchical variant, as SciPy's
  /// `dendrogram(truncate_mode='lastp', p=top)`; each leaf shows its rows and the segment they belong to.
  static let dendrogram = PlotKind(
    name: "dendrogram", subject: "VARIANT", usage: "[top=30]", optionKeys: ["top"]
  ) { subject, command, target, context throws(SessionError) in
    let variant = try context.workspace.variant(named: subject.text)
    guard let merges = variant.result.merges else {
      throw .usage(
        "\(variant.name) (\(variant.algorithm?.algorithmName ?? variant.method)) has no merge tree; a dendrogram "
          + "needs a hierarchical variant, e.g. `run hierarchical k=2..8 as hc`", column: subject.column)
    }
    let top = try command.int("top", default: 30, in: 2...200) ?? 30
    let rows = variant.result.labels.count
    let tree = Dendrogram(merges: merges, rows: rows, leaves: top)
    let segments = tree.leafSegments(variant.result.labels).map { $0.map { variant.segmentLabel(Int($0)) } ?? "–" }
    let sizes = tree.leaves.map { NumberFormat.grouped($0.size) }
    let linkage = variant.algorithm?.parameterList.first { $0.key == "linkage" }.map { "\($0.value) linkage" }
    let heading = "\(variant.name): \(linkage ?? "merge tree")"
    let scope = "the last \(NumberFormat.grouped(tree.leafCount - 1)) of \(NumberFormat.grouped(rows - 1)) merges"
    switch target {
    case .terminal:
      let width = context.settings.width
      let title = heading.count + 2 + scope.count <= width ? [heading + ", " + scope] : [heading + ",", scope]
      return .lines(
        title
          + DendrogramText.render(
            tree, header: ["segment", "rows"], leafColumns: zip(segments, sizes).map { [$0, $1] },
            width: width))
    case .svg:
      let cut = Hierarchical.cutHeight(merges, segments: variant.result.k).map {
        (height: $0, caption: "k=\(variant.result.k)")
      }
      let document = DendrogramSVG.document(
        tree, title: heading + ", " + scope, subtitle: "\(variant.method) · leaves: rows, segment",
        leafLabels: zip(sizes, segments).map { [$0, "s\($1)"] }, cut: cut)
      return .svg(document, description: "dendrogram of \(variant.name)")
    }
  }
}
