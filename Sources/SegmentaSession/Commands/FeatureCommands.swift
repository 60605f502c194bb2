import SegmentaCore

extension CommandSpec {
  /// `features COL…` · `features +COL -COL` · `features`
  static let features = CommandSpec(
    name: "features", usage: "features [COL…] | features +COL -COL",
    summary: "select the columns to cluster on (+/- to add or drop; alone: show the feature set)",
    example: "features order_count_12m avg_order_value_eur discount_rate days_since_last_order",
    arguments: [.columns]
  ) { command, context throws(SessionError) in
    var dataset = try context.workspace.activeDataset()
    if command.arguments.isEmpty {
      context.print(describeRecipe(dataset.recipe))
      return
    }
    let words = command.arguments
    let incremental = words.allSatisfy { !$0.quoted && ($0.text.hasPrefix("+") || $0.text.hasPrefix("-")) }
    var recipe = incremental ? dataset.recipe : FeatureRecipe(derivations: dataset.recipe.derivations)
    let names = words.map { incremental ? String($0.text.dropFirst()) : $0.text }
    _ = try context.core { () throws(SegmentaError) in try dataset.table.requireColumns(names) }
    for (word, name) in zip(words, names) {
      if incremental && word.text.hasPrefix("-") {
        guard recipe.columns.contains(name) else {
          throw .usage("'\(name)' is not a selected feature", column: word.column)
        }
        recipe.columns.removeAll { $0 == name }
        recipe.steps = recipe.steps.compactMap { step in
          guard case .transform(let t, let cols) = step else { return step }
          let kept = cols.filter { $0 != name }
          return kept.isEmpty ? nil : .transform(t, columns: kept)
        }
      } else if !recipe.columns.contains(name) {
        recipe.columns.append(name)
      }
    }
    if !incremental && !dataset.recipe.steps.isEmpty { context.print("(previous transforms and scaling cleared)") }
    dataset.recipe = recipe
    try commitRecipe(dataset, &context)
    let count = "\(recipe.columns.count) feature\(recipe.columns.count == 1 ? "" : "s") selected: "
    context.print(CommandSpec.wrap(recipe.columns, first: count, width: context.settings.width))
  }

  /// `missing drop | missing impute mean|median`
  static let missing = CommandSpec(
    name: "missing", usage: "missing drop | missing impute mean|median",
    summary: "decide what to do with missing values in the selected features",
    example: "missing impute median", arguments: [.keywords(["drop", "impute"]), .keywords(["mean", "median"])]
  ) { command, context throws(SessionError) in
    let words = command.arguments.map(\.text)
    let policy: MissingPolicy
    switch words {
    case ["drop"]: policy = .drop
    case ["impute", "mean"]: policy = .imputeMean
    case ["impute", "median"]: policy = .imputeMedian
    default: throw .usage("expected `missing drop`, `missing impute mean` or `missing impute median`", column: nil)
    }
    var dataset = try context.workspace.activeDataset()
    dataset.recipe.missing = policy
    let counts = dataset.recipe.missingCounts(in: dataset.table)
    try commitRecipe(dataset, &context)
    let affected = counts.map { "\($0.column) (\(NumberFormat.grouped($0.missing)))" }.joined(separator: ", ")
    context.print("missing values: \(policy.name)" + (counts.isEmpty ? " (none present now)" : " · \(affected)"))
  }

  /// `transform log1p|log10|sqrt COL…` · `transform winsorize COL… p=0.01` · `transform onehot COL`
  static let transform = CommandSpec(
    name: "transform", usage: "transform log1p|log10|sqrt|winsorize|onehot COL… [p=0.01]",
    summary: "transform selected feature columns (applied in order, before or after scaling as typed)",
    example: "transform log1p order_count_12m avg_order_value_eur", optionKeys: ["p"],
    arguments: [.keywords(["log1p", "log10", "sqrt", "winsorize", "onehot"]), .columns]
  ) { command, context throws(SessionError) in
    try command.requireArguments(2, atLeast: true)
    let kindWord = command.arguments[0]
    let kind: FeatureStep.Transform
    switch kindWord.text {
    case "log1p": kind = .log1p
    case "log10": kind = .log10
    case "sqrt": kind = .sqrt
    case "onehot": kind = .onehot
    case "winsorize":
      let p = try command.double("p", default: 0.01, expected: "a share 0 ≤ p < 0.5") { $0 >= 0 && $0 < 0.5 } ?? 0.01
      kind = .winsorize(p: p)
    default:
      let hint = didYouMean(kindWord.text, among: ["log1p", "log10", "sqrt", "winsorize", "onehot"])
      throw .usage("unknown transform '\(kindWord.text)'\(hint)", column: kindWord.column)
    }
    if let p = command.value("p"), kindWord.text != "winsorize" {
      throw .usage("p= only applies to winsorize", column: p.column)
    }
    var dataset = try context.workspace.activeDataset()
    let columns = command.arguments.dropFirst()
    for word in columns where !dataset.recipe.columns.contains(word.text) {
      _ = try context.core { () throws(SegmentaError) in try dataset.table.requireColumn(word.text) }
      throw .usage(
        "'\(word.text)' is not a selected feature; add it with `features +\(word.text)`", column: word.column)
    }
    dataset.recipe.steps.append(.transform(kind, columns: columns.map(\.text)))
    try commitRecipe(dataset, &context)
    let label = if case .winsorize(let p) = kind { "winsorize p=\(p)" } else { kind.name }
    context.print("\(label) applied to \(columns.map(\.text).joined(separator: ", "))")
  }

  /// `scale zscore|robust|minmax|none [ddof=0|1]`
  static let scale = CommandSpec(
    name: "scale", usage: "scale zscore|robust|minmax|none [ddof=0|1]",
    summary: "scale all features (ddof=0 is scikit-learn's StandardScaler, ddof=1 R's scale())",
    example: "scale zscore", optionKeys: ["ddof"], arguments: [.keywords(["zscore", "robust", "minmax", "none"])]
  ) { command, context throws(SessionError) in
    try command.requireArguments(1)
    let word = command.arguments[0]
    let ddof = try command.int("ddof", default: 0, in: 0...1) ?? 0
    if command.value("ddof") != nil, word.text != "zscore" {
      throw .usage("ddof= only applies to zscore", column: command.value("ddof")?.column)
    }
    let scaling: FeatureStep.Scaling?
    switch word.text {
    case "zscore": scaling = .zscore(ddof: ddof)
    case "robust": scaling = .robust
    case "minmax": scaling = .minmax
    case "none": scaling = nil
    default:
      let hint = didYouMean(word.text, among: ["zscore", "robust", "minmax", "none"])
      throw .usage("unknown scaling '\(word.text)'\(hint)", column: word.column)
    }
    var dataset = try context.workspace.activeDataset()
    dataset.recipe.steps.removeAll { if case .scale = $0 { true } else { false } }
    if let scaling { dataset.recipe.steps.append(.scale(scaling)) }
    try commitRecipe(dataset, &context)
    context.print(
      scaling.map { "\($0.description) scaling of \(dataset.recipe.columns.count) features" } ?? "no scaling")
  }

  /// Stores a changed recipe after checking it applies (missing values are only warned about here).
  private static func commitRecipe(_ dataset: Dataset, _ context: inout CommandContext) throws(SessionError) {
    do {
      let prepared = try dataset.recipe.apply(to: dataset.table)
      prepared.warnings.forEach { context.warn($0) }
    } catch .missingValues(let counts) {
      context.warn(SegmentaError.missingValues(counts: counts).description)
    } catch .wrongColumnKind {
      // A categorical feature waiting for `transform onehot`: reported by `run`, not while building the recipe.
    } catch {
      throw .failed(error)
    }
    try context.workspace.updateActive { $0 = dataset }
  }

  /// The feature set and its steps, as shown by `features` alone.
  static func describeRecipe(_ recipe: FeatureRecipe) -> [String] {
    let derived = recipe.derivations.map { "derive \($0.name) = \($0.text)" }
    guard !recipe.columns.isEmpty else { return derived + ["no features selected; use `features COL…`"] }
    var lines = derived + ["features: \(recipe.columns.joined(separator: ", "))"]
    if let missing = recipe.missing { lines.append("missing: \(missing.name)") }
    for step in recipe.steps {
      switch step {
      case .transform(let t, let cols):
        let label = if case .winsorize(let p) = t { "winsorize p=\(p)" } else { t.name }
        lines.append("transform \(label) \(cols.joined(separator: " "))")
      case .scale(let s): lines.append("scale \(s.description)")
      }
    }
    return lines
  }
}
