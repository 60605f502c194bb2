import SegmentaCore

extension CommandSpec {
  /// `stability V [boot=100] [seeds=5]`
  static let stability = CommandSpec(
    name: "stability", usage: "stability VARIANT [boot=100] [seeds=5]",
    summary:
      "bootstrap Jaccard per segment (fpc's clusterboot) read with Hennig's thresholds, and seed-to-seed ARI",
    example: "stability km.k4 boot=50", optionKeys: ["boot", "seeds"], arguments: [.variants]
  ) { command, context throws(SessionError) in
    try command.requireArguments(1)
    let variant = try context.workspace.variant(named: command.arguments[0].text)
    guard let algorithm = variant.algorithm else {
      throw .usage(
        "\(variant.name) is a given grouping, not a fitted method: there is nothing to refit; check the stability of "
          + "a variant from `run`", column: command.arguments[0].column)
    }
    let resamples = try command.int("boot", default: 100, in: 1...10_000) ?? 100
    let seedCount = try command.int("seeds", default: 5, in: 0...1000) ?? 5
    let data = variant.features.matrix
    let seed = variant.seed ?? context.settings.seed
    let execution = context.execution
    let refit = { (x: FeatureMatrix, rng: inout SeededRandom) throws(SegmentaError) -> ContiguousArray<Int32> in
      try algorithm.fit(x, context: execution, rng: &rng).labels
    }
    // A resample refits the same configuration on its rows (per-row categorical data subset alike).
    let refitRows = {
      (x: FeatureMatrix, rows: [Int], rng: inout SeededRandom) throws(SegmentaError) -> ContiguousArray<Int32> in
      try algorithm.resampled(rows: rows).fit(x, context: execution, rng: &rng).labels
    }
    let bootstrap = try context.core { () throws(SegmentaError) in
      try BootstrapStability(
        data, labels: variant.result.labels, k: variant.result.k, resamples: resamples, rng: SeededRandom(seed: seed),
        refit: refitRows, context: execution)
    }
    let seeds = (0..<seedCount).map { seed &+ UInt64($0 + 1) }
    let agreement = try context.core { () throws(SegmentaError) in
      try SeedAgreement(
        data, labels: variant.result.labels, seeds: seeds, refit: refit, context: execution)
    }
    printStability(variant, bootstrap, agreement, &context)
  }

  private static func printStability(
    _ variant: Variant, _ bootstrap: BootstrapStability, _ agreement: SeedAgreement, _ context: inout CommandContext
  ) {
    let format = context.numbers
    context.printWrapped(
      "\(variant.name): \(bootstrap.resamples) bootstrap resamples, each keeping the distinct rows drawn and "
        + "reclustering them with \(variant.method) (fpc's clusterboot)")
    var table = TextTable(
      header: ["segment", "size", "jaccard", "dissolved", "recovered", "reading"],
      alignments: [.left, .right, .right, .right, .right, .left])
    let means = bootstrap.means
    let readings = means.map(BootstrapStability.Reading.init(meanJaccard:))
    for s in 0..<variant.result.k {
      table.append([
        variant.segmentLabel(s), NumberFormat.grouped(variant.sizes[s]), format.format(means[s]),
        NumberFormat.grouped(bootstrap.dissolvedCounts[s]), NumberFormat.grouped(bootstrap.recoveredCounts[s]),
        readings[s].rawValue,
      ])
    }
    context.print(table.render(width: context.settings.width))
    context.printWrapped(
      "jaccard: mean over resamples of the best match with a new segment; dissolved: resamples with Jaccard ≤ 0.5, "
        + "recovered: > 0.75. Hennig (2007): ≤ 0.5 dissolved, < 0.6 unstable (do not trust), 0.6–0.75 doubtful "
        + "(a pattern with uncertain members), ≥ 0.75 stable, ≥ 0.85 highly stable.")
    let trusted = readings.filter { $0 == .stable || $0 == .highlyStable }.count
    let doubtful = (0..<variant.result.k).filter { readings[$0] == .dissolved || readings[$0] == .unstable }
      .map(variant.segmentLabel)
    context.printWrapped(
      "verdict: \(trusted) of \(variant.result.k) segments stable"
        + (doubtful.isEmpty
          ? "." : "; do not build on segment\(doubtful.count == 1 ? "" : "s") \(doubtful.joined(separator: ", ")).")
    )
    guard !agreement.seeds.isEmpty else { return }
    let mean = agreement.mean
    let words =
      agreement.minimum >= 0.999
      ? "the seed does not matter"
      : mean >= 0.9
        ? "the seed matters little"
        : mean >= 0.7
          ? "the seed matters: other seeds move some customers"
          : "the seed matters a lot: other seeds give other segments"
    context.printWrapped(
      "seed to seed: \(agreement.seeds.count) refit\(agreement.seeds.count == 1 ? "" : "s") with seed"
        + "\(agreement.seeds.count == 1 ? "" : "s") "
        + agreement.seeds.map(String.init).joined(separator: ", ")
        + " agree\(agreement.seeds.count == 1 ? "s" : "") with \(variant.name) at ARI "
        + (agreement.seeds.count == 1
          ? format.format(mean) : "\(format.format(mean)) on average, \(format.format(agreement.minimum)) at worst")
        + ": \(words).")
  }
}
