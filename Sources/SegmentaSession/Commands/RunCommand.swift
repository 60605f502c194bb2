import Foundation
import SegmentaCore

extension CommandSpec {
  /// `run kmeans k=4|2..8 …` · `run given COLUMN`
  static let runVariant = CommandSpec(
    name: "run",
    usage: "run kmeans k=N|A..B [init=k-means++|random] [n_init=10] [max_iter=300] [tol=1e-4] "
      + "[algorithm=lloyd] [seed=N] [as NAME] | run given COLUMN [as NAME]",
    summary: "cluster the active features into a named variant (a k range makes a sweep NAME.kA … NAME.kB)",
    example: "run kmeans k=2..8 as km",
    optionKeys: ["k", "init", "n_init", "max_iter", "tol", "algorithm", "seed"],
    arguments: [.keywords(["kmeans", "given"]), .columns]
  ) { command, context throws(SessionError) in
    try command.requireArguments(1, atLeast: true)
    let method = command.arguments[0]
    switch method.text {
    case "kmeans":
      try command.requireArguments(1)
      try runKMeans(command, &context)
    case "given":
      try command.checkOptions(allowed: [])
      try command.requireArguments(2)
      try runGiven(column: command.arguments[1].text, alias: command.alias, &context)
    default:
      let hint = didYouMean(method.text, among: ["kmeans", "given"])
      throw .usage("unknown method '\(method.text)'\(hint); available: kmeans, given", column: method.column)
    }
  }

  private static func runKMeans(_ command: ParsedCommand, _ context: inout CommandContext) throws(SessionError) {
    guard let ks = try command.intList("k", in: 1...10_000) else {
      throw .usage("k= is required, e.g. k=4 or k=2..8", column: nil)
    }
    let initName = try command.choice("init", ["k-means++", "random"], default: "k-means++") ?? "k-means++"
    let nInit = try command.int("n_init", default: 10, in: 1...1000) ?? 10
    let maxIter = try command.int("max_iter", default: 300, in: 1...100_000) ?? 300
    let tol = try command.double("tol", default: 1e-4, expected: "a number ≥ 0") { $0 >= 0 } ?? 1e-4
    let algorithm =
      KMeans.Algorithm(rawValue: try command.choice("algorithm", KMeans.Algorithm.allCases.map(\.rawValue)) ?? "lloyd")
      ?? .lloyd
    let seed = try command.seed() ?? context.settings.seed
    let dataset = try context.workspace.activeDataset()
    let features = try context.core { () throws(SegmentaError) in try dataset.recipe.apply(to: dataset.table) }
    let base = command.alias ?? "kmeans"
    let sweep = ks.count > 1
    let started = Date()
    var rows: [[String]] = []
    for k in ks {
      let config = KMeans(
        k: k, initialization: initName == "random" ? .random : .kMeansPlusPlus, nInit: nInit,
        maxIterations: maxIter, tolerance: tol, algorithm: algorithm)
      var rng = SeededRandom(seed: seed)
      let execution = context.execution
      let result = try context.core { () throws(SegmentaError) in
        try config.fit(features.matrix, context: execution, rng: &rng).canonicalized()
      }
      let name = sweep ? "\(base).k\(k)" : (command.alias ?? "kmeans.k\(k)")
      let variant = Variant(
        name: name, datasetName: dataset.table.name,
        method: "kmeans " + config.parameterList.map { "\($0.key)=\($0.value)" }.joined(separator: " "),
        algorithm: config, seed: seed, features: features, result: result)
      let replaced = context.workspace.store(variant)
      rows.append([
        name, String(k), context.numbers.format(result.inertia ?? .nan), result.iterations.map(String.init) ?? "–",
        variant.sizes.map { NumberFormat.grouped($0) }.joined(separator: " / "), replaced ? "(replaced)" : "",
      ])
    }
    if sweep { context.print("\(rows[0][0]) … \(rows[rows.count - 1][0])  (\(rows.count) variants)") }
    var table = TextTable(
      header: ["variant", "k", "inertia", "iterations", "sizes", ""],
      alignments: [.left, .right, .right, .right, .left, .left])
    table.maxCellWidth = 60
    rows.forEach { table.append($0) }
    context.print(
      "k-means on \(NumberFormat.grouped(features.matrix.rows)) rows × \(features.matrix.columns) features, seed \(seed)"
    )
    context.print(table.render(width: context.settings.width))
    context.volatile(String(format: "%.2f s", Date().timeIntervalSince(started)))
  }

  /// Turns an existing grouping column (industry, region, A/B/C class) into a variant, so "groups" can be
  /// compared with "segments" on the same features.
  private static func runGiven(column name: String, alias: String?, _ context: inout CommandContext)
    throws(SessionError)
  {
    let dataset = try context.workspace.activeDataset()
    let column = try context.core { () throws(SegmentaError) in try dataset.table.requireColumn(name) }
    let features = try context.core { () throws(SegmentaError) in try dataset.recipe.apply(to: dataset.table) }
    let values = features.rowIndices.map { column.text(at: $0) }
    var firstSeen: [String: Int] = [:]
    var counts: [String: Int] = [:]
    for (i, v) in values.enumerated() where !v.isEmpty {
      if firstSeen[v] == nil { firstSeen[v] = i }
      counts[v, default: 0] += 1
    }
    guard counts.count >= 1 else {
      throw .failed(.insufficientData("column '\(name)' has no values in the clustered rows"))
    }
    guard counts.count <= 200 else {
      throw .failed(
        .invalidParameter(
          name: "given", value: "\(counts.count) groups in '\(name)'",
          expected: "at most 200 groups; choose a coarser column"))
    }
    let levels = counts.keys.sorted { (counts[$0]!, -firstSeen[$0]!) > (counts[$1]!, -firstSeen[$1]!) }
    let index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, Int32($0)) })
    let labels = ContiguousArray(values.map { index[$0] ?? -1 })
    let result = ClusteringResult(labels: labels, k: levels.count)
    let variantName = alias ?? "given.\(name)"
    let variant = Variant(
      name: variantName, datasetName: dataset.table.name, method: "given \(name)", algorithm: nil, seed: nil,
      features: features, result: result, segmentNames: levels)
    let replaced = context.workspace.store(variant)
    let missing = labels.filter { $0 < 0 }.count
    context.print("\(variantName): \(levels.count) groups from '\(name)'" + (replaced ? " (replaced)" : ""))
    if missing > 0 { context.print("\(NumberFormat.grouped(missing)) rows without a value are left out (noise)") }
  }
}

extension ParsedCommand {
  /// The `seed=` option as an unsigned 64-bit seed.
  func seed() throws(SessionError) -> UInt64? {
    guard let option = value("seed") else { return nil }
    guard let v = UInt64(option.value) else {
      throw .usage("seed=\(option.value) is invalid: expected a whole number ≥ 0", column: option.column)
    }
    return v
  }
}
