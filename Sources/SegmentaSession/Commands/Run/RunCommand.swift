import Foundation
import SegmentaCore

extension CommandSpec {
  /// `run METHOD … [seed=N] [as NAME]` · `run given COLUMN [as NAME]`
  static let runVariant = CommandSpec(
    name: "run",
    usage: (RunMethod.all.map { "run \($0.name) \($0.usage)\($0.usesSeed ? " [seed=N]" : "") [as NAME]" }
      + ["run given COLUMN [as NAME]"])
      .joined(separator: " | "),
    summary: "cluster the active features into a named variant (a k range makes a sweep NAME.kA … NAME.kB)",
    example: "run kmeans k=2..8 as km",
    optionKeys: Array(Set(RunMethod.all.flatMap(\.optionKeys) + ["seed"])).sorted(),
    arguments: [.keywords(RunMethod.all.map(\.name) + ["given"]), .columns]
  ) { command, context throws(SessionError) in
    try command.requireArguments(1, atLeast: true)
    let word = command.arguments[0]
    if word.text == "given" {
      try command.checkOptions(allowed: [])
      try command.requireArguments(2)
      try runGiven(column: command.arguments[1].text, alias: command.alias, &context)
      return
    }
    guard let method = RunMethod.named(word.text) else {
      let names = RunMethod.all.map(\.name) + ["given"]
      throw .usage(
        "unknown method '\(word.text)'\(didYouMean(word.text, among: names)); available: \(names.joined(separator: ", "))",
        column: word.column)
    }
    try command.requireArguments(1)
    try command.checkOptions(allowed: method.optionKeys + (method.usesSeed ? ["seed"] : []))
    try run(method, command, &context)
  }

  /// Fits every configuration of the method on the active features and stores the variants.
  private static func run(_ method: RunMethod, _ command: ParsedCommand, _ context: inout CommandContext)
    throws(SessionError)
  {
    let seed = try command.seed() ?? context.settings.seed
    let dataset = try context.workspace.activeDataset()
    let features = try context.core { () throws(SegmentaError) in try dataset.recipe.apply(to: dataset.table) }
    let fits = try method.configure(command, RunInput(table: dataset.table, features: features))
    let base = command.alias ?? method.name
    let started = Date()
    var rows: [[String]] = []
    var criteria: [[ClusteringResult.Criterion]] = []
    for fit in fits {
      var rng = SeededRandom(seed: seed)
      let execution = context.execution
      let result = try context.core { () throws(SegmentaError) in
        try fit.algorithm.fit(features.matrix, context: execution, rng: &rng).canonicalized()
      }
      let name = fit.suffix.map { "\(base).\($0)" } ?? (command.alias ?? "\(method.name).k\(result.k)")
      let parameters = fit.algorithm.parameterList.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
      let variant = Variant(
        name: name, datasetName: dataset.table.name, method: "\(fit.algorithm.algorithmName) \(parameters)",
        algorithm: fit.algorithm, seed: method.usesSeed ? seed : nil, features: features, result: result)
      let replaced = context.workspace.store(variant)
      let empty = variant.sizes.filter { $0 == 0 }.count
      if empty > 0 {
        context.warn(
          "\(name): \(empty) of \(result.k) segments are empty (fewer distinct customers than k); choose a smaller k")
      }
      let sizes = variant.sizes.map { NumberFormat.grouped($0) }.joined(separator: " / ")
      rows.append([
        name, String(result.k), result.inertia.map(context.numbers.format) ?? "–",
        result.iterations.map(String.init) ?? "–",
        result.k == 0
          ? "all \(NumberFormat.grouped(variant.noiseCount)) noise"
          : sizes + (variant.noiseCount > 0 ? " + \(NumberFormat.grouped(variant.noiseCount)) noise" : ""),
        replaced ? "(replaced)" : "",
      ])
      criteria.append(result.criteria)
    }
    if rows.count > 1 { context.print("\(rows[0][0]) … \(rows[rows.count - 1][0])  (\(rows.count) variants)") }
    // One column per model criterion (e.g. a mixture's log_likelihood, bic, aic), only when some fit has one.
    let criterionNames = criteria.joined().map(\.name).reduce(into: [String]()) {
      if !$0.contains($1) { $0.append($1) }
    }
    var table = TextTable(
      header: ["variant", "k", "inertia", "iterations"] + criterionNames + ["sizes", ""],
      alignments: [.left, .right, .right, .right] + criterionNames.map { _ in .right } + [.left, .left])
    table.maxCellWidth = 60
    for (row, values) in zip(rows, criteria) {
      let cells = criterionNames.map { name in
        values.first { $0.name == name }.map { context.numbers.format($0.value) } ?? "–"
      }
      table.append(Array(row[..<4]) + cells + Array(row[4...]))
    }
    context.print(
      "\(method.name) on \(NumberFormat.grouped(features.matrix.rows)) rows × \(features.matrix.columns) features"
        + (method.usesSeed ? ", seed \(seed)" : ""))
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
