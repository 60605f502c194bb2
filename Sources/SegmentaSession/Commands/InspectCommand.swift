import SegmentaCore

extension CommandSpec {
  /// `inspect V`
  static let inspect = CommandSpec(
    name: "inspect", usage: "inspect VARIANT",
    summary:
      "segment sizes, homogeneity and separation, feature means per segment (original units and model space) and, "
      + "for mixtures, uncertain memberships",
    example: "inspect km.k4", arguments: [.variants]
  ) { command, context throws(SessionError) in
    try command.requireArguments(1)
    let variant = try context.workspace.variant(named: command.arguments[0].text)
    let x = variant.features.matrix
    let k = variant.result.k
    let labels = variant.result.labels
    let centres = variant.result.centroids ?? ClusterMetrics.centroids(x, labels: labels, k: k)
    let sizes = variant.sizes
    let n = labels.count
    let format = context.numbers
    let segments = (0..<k).map(variant.segmentLabel)

    context.print(
      "\(variant.name): \(variant.method) · \(NumberFormat.grouped(n)) rows · \(k) segments"
        + (variant.noiseCount > 0 ? " · \(NumberFormat.grouped(variant.noiseCount)) noise" : ""))
    var summary = TextTable(header: ["segment", "size", "share", "mean_dist_to_centre", "nearest", "centre_dist"])
    let distances = meanDistanceToCentre(x, labels: labels, centres: centres)
    for s in 0..<k {
      let nearest = (0..<k).filter { $0 != s }.min { euclidean(centres, s, $0) < euclidean(centres, s, $1) }
      summary.append([
        segments[s], NumberFormat.grouped(sizes[s]), NumberFormat.percent(Double(sizes[s]) / Double(n)),
        format.format(distances[s]), nearest.map { segments[$0] } ?? "–",
        nearest.map { format.format(euclidean(centres, s, $0)) } ?? "–",
      ])
    }
    context.print(summary.render(width: context.settings.width))
    if variant.noiseCount > 0 {
      context.print(
        "note: \(NumberFormat.grouped(variant.noiseCount)) noise rows excluded from the segment statistics (not from "
          + "overall)")
    }

    context.print("")
    context.print("feature means (original units):")
    var original = TextTable(header: ["feature", "overall"] + segments)
    for column in variant.features.rawColumns where column.kind == .numeric {
      let overall = Statistics.mean(column.numbers.filter { !$0.isNaN })
      let perSegment = (0..<k).map { s in
        Statistics.mean((0..<n).filter { labels[$0] == Int32(s) }.map { column.numbers[$0] })
      }
      original.append([column.name, format.format(overall)] + perSegment.map(format.format))
    }
    context.print(original.render(width: context.settings.width))

    context.print("")
    context.print("feature means (model space):")
    var model = TextTable(header: ["feature", "overall"] + segments)
    let overallCentre = ClusterMetrics.centroids(x, labels: ContiguousArray(repeating: 0, count: x.rows), k: 1)
    // Means of centred features are zero up to rounding noise (1e-15); show that as 0, not as noise.
    let shown = { (v: Double) in format.format(abs(v) < 1e-10 ? 0 : v) }
    for j in 0..<x.columns {
      model.append([x.names[j], shown(overallCentre[0, j])] + (0..<k).map { shown(centres[$0, j]) })
    }
    context.print(model.render(width: context.settings.width))
    try printMemberships(variant, &context)
  }

  private static func euclidean(_ c: FeatureMatrix, _ a: Int, _ b: Int) -> Double {
    var sum = 0.0
    for j in 0..<c.columns {
      let d = c[a, j] - c[b, j]
      sum += d * d
    }
    return sum.squareRoot()
  }

  private static func meanDistanceToCentre(_ x: FeatureMatrix, labels: ContiguousArray<Int32>, centres: FeatureMatrix)
    -> [Double]
  {
    var sums = [Double](repeating: 0, count: centres.rows)
    var counts = [Int](repeating: 0, count: centres.rows)
    for i in 0..<x.rows where labels[i] >= 0 {
      let s = Int(labels[i])
      var d2 = 0.0
      for j in 0..<x.columns {
        let d = x[i, j] - centres[s, j]
        d2 += d * d
      }
      sums[s] += d2.squareRoot()
      counts[s] += 1
    }
    return zip(sums, counts).map { $1 > 0 ? $0 / Double($1) : .nan }
  }
}
