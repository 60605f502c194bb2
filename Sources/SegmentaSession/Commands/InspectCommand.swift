import SegmentaCore

extension CommandSpec {
  /// `inspect V [segment S] [sample=N | silhouette=exact] [worst=N]`
  static let inspect = CommandSpec(
    name: "inspect", usage: "inspect VARIANT [segment S] [sample=N | silhouette=exact] [worst=5]",
    summary:
      "per segment: size, homogeneity, separation, feature means and the customers that fit worst "
      + "(`segment S`: one segment in detail)",
    example: "inspect km.k4 segment 2", optionKeys: ["sample", "silhouette", "worst"],
    arguments: [.variants, .keywords(["segment"])]
  ) { command, context throws(SessionError) in
    guard command.arguments.count == 1 || (command.arguments.count == 3 && command.arguments[1].text == "segment")
    else { throw .usage("expected `inspect VARIANT` or `inspect VARIANT segment S`", column: nil) }
    let variant = try context.workspace.variant(named: command.arguments[0].text)
    let inspection = try Inspection(variant, silhouette: try command.silhouettePolicy(), &context)
    if command.arguments.count == 3 {
      let word = command.arguments[2]
      guard let s = (0..<variant.result.k).first(where: { variant.segmentLabel($0) == word.text }) else {
        let labels = (0..<variant.result.k).map(variant.segmentLabel)
        throw .usage(
          "\(variant.name) has no segment '\(word.text)'"
            + (Int(word.text) == nil ? didYouMean(word.text, among: labels) : "") + "; segments: "
            + labels.joined(separator: ", "), column: word.column)
      }
      try inspection.printSegment(s, worst: try command.int("worst", default: 10, in: 0...1000) ?? 10, &context)
      return
    }
    inspection.printOverview(&context)
    try inspection.printFits(nil, count: try command.int("worst", default: 5, in: 0...1000) ?? 5, &context)
    try printMemberships(variant, &context)
  }
}

/// What `inspect` shows of one variant: its diagnostics in model space and its profiles in original units.
struct Inspection {
  let variant: Variant
  let diagnostics: SegmentDiagnostics
  /// The fitted centres where the method has them, else the segment means.
  let centres: FeatureMatrix
  let silhouette: SilhouetteSummary?
  let profiles: [SegmentProfile.Numeric]
  let dunn: Double?
  let seed: UInt64

  init(_ variant: Variant, silhouette policy: SilhouettePolicy, _ context: inout CommandContext)
    throws(SessionError)
  {
    let metrics = try context.metrics(of: variant.name, silhouette: policy)
    let x = variant.features.matrix
    let labels = variant.result.labels
    let centres = variant.result.centroids ?? ClusterMetrics.centroids(x, labels: labels, k: variant.result.k)
    self.variant = variant
    self.centres = centres
    silhouette = metrics.silhouetteSummary
    dunn = metrics.dunn
    diagnostics = SegmentDiagnostics(x, labels: labels, centres: centres, silhouette: metrics.silhouetteSummary)
    profiles = variant.features.rawColumns.filter { $0.kind == .numeric }.map { column in
      SegmentProfile.numeric(name: column.name, values: column.numbers, labels: labels, k: variant.result.k)
    }
    seed = context.settings.seed
  }

  var segments: [String] { (0..<variant.result.k).map(variant.segmentLabel) }

  /// The sizes, homogeneity, separation and feature tables of all segments.
  func printOverview(_ context: inout CommandContext) {
    let format = context.numbers
    let width = context.settings.width
    let k = variant.result.k
    let n = variant.result.labels.count
    context.printWrapped(
      "\(variant.name): \(variant.method) · \(NumberFormat.grouped(n)) rows · \(k) segments"
        + (variant.noiseCount > 0 ? " · \(NumberFormat.grouped(variant.noiseCount)) noise" : ""))
    var homogeneity = TextTable(header: ["segment", "size", "share", "silhouette", "mean_dist_to_centre"])
    var separation = TextTable(
      header: ["segment", "nearest", "centre_dist", "borderline"], alignments: [.left, .left, .right, .right])
    for (s, segment) in diagnostics.segments.enumerated() {
      homogeneity.append([
        segments[s], NumberFormat.grouped(segment.size), NumberFormat.percent(segment.share),
        segment.meanSilhouette.flatMap { mean in silhouette.map { SilhouetteText.value(mean, of: $0, format) } }
          ?? "–", format.format(segment.meanDistanceToCentre),
      ])
      separation.append([
        segments[s], segment.nearest.map { segments[$0] } ?? "–",
        segment.nearest.map { format.format(segment.centreDistances[$0]) } ?? "–",
        NumberFormat.percent(segment.borderlineShare),
      ])
    }
    context.print(homogeneity.render(width: width))
    context.print("")
    context.print(separation.render(width: width))
    if variant.noiseCount > 0 {
      context.printWrapped(
        "note: \(NumberFormat.grouped(variant.noiseCount)) noise rows excluded from the segment statistics and "
          + "from overall")
    }
    context.printWrapped(
      "borderline: the nearest other centre is less than \(Int(SegmentDiagnostics.borderlineMargin * 100))% "
        + "farther away than the own centre. " + silhouetteNote(format)
        + (dunn.map { " Dunn index \(format.format($0)) (smallest gap between segments ÷ largest diameter)." } ?? ""))

    context.print("")
    context.printWrapped("spread per feature (sd in the segment ÷ sd overall, model space; below 1 = more alike):")
    var spread = TextTable(header: ["feature"] + segments)
    for (j, name) in variant.features.matrix.names.enumerated() {
      spread.append([name] + diagnostics.segments.map { format.format($0.spread[j]) })
    }
    context.print(spread.render(width: width))

    context.print("")
    context.print("feature means (original units):")
    var original = TextTable(header: ["feature", "overall"] + segments)
    for profile in profiles {
      original.append([profile.name, format.format(profile.overallMean)] + profile.means.map(format.format))
    }
    context.print(original.render(width: width))

    context.print("")
    context.print("feature means (model space):")
    let x = variant.features.matrix
    var model = TextTable(header: ["feature", "overall"] + segments)
    let overallCentre = ClusterMetrics.centroids(x, labels: ContiguousArray(repeating: 0, count: x.rows), k: 1)
    // Means of centred features are zero up to rounding noise (1e-15); show that as 0, not as noise.
    let shown = { (v: Double) in format.format(abs(v) < 1e-10 ? 0 : v) }
    for j in 0..<x.columns {
      model.append([x.names[j], shown(overallCentre[0, j])] + (0..<variant.result.k).map { shown(centres[$0, j]) })
    }
    context.print(model.render(width: width))
  }

  /// Whether silhouettes are exact or from a sample (then with the estimated overall mean).
  func silhouetteNote(_ numbers: NumberFormat) -> String {
    guard let silhouette else { return "Silhouettes are undefined here." }
    if silhouette.isExact { return "Silhouettes are exact (every row scored)." }
    return "Silhouettes \(SilhouetteText.sampleNote(silhouette, seed: seed)); overall "
      + "\(SilhouetteText.mean(silhouette, numbers))."
  }
}
