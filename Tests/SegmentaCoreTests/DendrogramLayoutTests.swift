import SegmentaCore
import Testing

/// The truncated dendrogram layout, the cut height and the small SVG and axis helpers the plots share.
@Suite struct DendrogramLayoutTests {
  /// Single linkage on a line 0, 1, 3, 7, 15: gaps 1, 2, 4, 8, so each merge adds the next point.
  private func chain() throws -> [ClusteringResult.Merge] {
    var rng = SeededRandom(seed: 1)
    let line = FeatureMatrix(rowsOf: [[0], [1], [3], [7], [15]])
    return try #require(
      try Hierarchical(linkage: .single, cut: .segments(2)).fit(line, context: ExecutionContext(), rng: &rng).merges)
  }

  @Test func leavesAreContractedClustersAndInnerNodesSitBetweenTheirChildren() throws {
    let merges = try chain()
    #expect(merges.map(\.height) == [1, 2, 4, 8])
    let tree = Dendrogram(merges: merges, rows: 5, leaves: 3)
    // The last two merges are drawn; the leaves are row 4, row 3 and rows {0, 1, 2} (cluster 6), smaller id first.
    #expect(tree.leaves.map(\.cluster) == [4, 3, 6])
    #expect(tree.leaves.map(\.size) == [1, 1, 3])
    #expect(tree.leaves.map(\.position) == [0, 1, 2])
    #expect(tree.innerNodes.map(\.cluster) == [7, 8])
    #expect(tree.innerNodes.map(\.position) == [1.5, 0.75])
    #expect(tree.nodes.last?.size == 5 && tree.nodes.last?.height == 8)
    #expect(tree.leafOfRow == [2, 2, 2, 1, 0])
    #expect(tree.leafSegments([0, 0, 0, 0, 1]) == [1, 0, 0])
    #expect(tree.leafSegments([0, 1, 0, 0, 1]) == [1, 0, nil])
    #expect(tree.leafSegments([-1, -1, -1, 0, 1]) == [1, 0, nil])
  }

  @Test func leafCountIsClampedToTheRows() throws {
    let merges = try chain()
    #expect(Dendrogram(merges: merges, rows: 5, leaves: 50).leafCount == 5)
    #expect(Dendrogram(merges: merges, rows: 5, leaves: 0).nodes.count == 1)
    let one = Dendrogram(merges: [], rows: 1, leaves: 30)
    #expect(one.leafCount == 1 && one.innerNodes.isEmpty && one.leafOfRow == [0])
  }

  @Test func cutHeightLiesBetweenTheLastKeptAndTheFirstUndoneMerge() throws {
    let merges = try chain()
    #expect(Hierarchical.cutHeight(merges, segments: 2) == 6)
    #expect(Hierarchical.cutHeight(merges, segments: 4) == 1.5)
    #expect(Hierarchical.cutHeight(merges, segments: 5) == 0.5)
    #expect(Hierarchical.cutHeight(merges, segments: 1) == nil)
    #expect(Hierarchical.cutHeight(merges, segments: 6) == nil)
  }

  @Test func axisTicksAreRoundStepsFromZeroNeverBeyondTheMaximum() {
    let ticks = AxisTicks(upTo: 52.3, about: 6)
    #expect(ticks.values == [0, 10, 20, 30, 40, 50] && ticks.labels == ["0", "10", "20", "30", "40", "50"])
    #expect(AxisTicks(upTo: 2.2, about: 5).labels == ["0.0", "0.5", "1.0", "1.5", "2.0"])
    #expect(AxisTicks(upTo: 0.03, about: 3).labels == ["0.00", "0.01", "0.02", "0.03"])
    #expect(AxisTicks(upTo: 0, about: 5).values == [0])
  }

  @Test func svgNumbersHaveAtMostTwoDecimalsAndTextIsEscaped() {
    let numbers: [(Double, String)] = [
      (12, "12"), (12.5, "12.5"), (12.25, "12.25"), (0.05, "0.05"), (-0.001, "0"), (-3.5, "-3.5"), (.nan, "0"),
    ]
    for (value, text) in numbers { #expect(SVGDocument.number(value) == text, "\(value)") }
    var svg = SVGDocument(width: 10, height: 5, title: "a < b & \"c\"")
    svg.text("x > 'y'", at: .init(1, 2), className: "t")
    let text = svg.rendered()
    #expect(text.contains("<title>a &lt; b &amp; &quot;c&quot;</title>"))
    #expect(text.contains(">x &gt; &apos;y&apos;</text>"))
    #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
  }
}
