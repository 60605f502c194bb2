import SegmentaCore

/// How the criteria commands (`rules`, `assign`, `export rules`) get a variant's assignment rule.
enum VariantCriteria {
  /// The rule a criteria command asked for (`using …`).
  enum Kind: String {
    case centroids, tree
  }

  /// Reads `using centroids|rules|tree` from the words after the subject, defaulting to centroids when the variant
  /// has centres and to the tree otherwise.
  static func kind(_ words: ArraySlice<String>, for variant: Variant) throws(SessionError) -> Kind {
    guard let first = words.first else { return variant.result.centroids == nil ? .tree : .centroids }
    guard first == "using", words.count == 2, let word = words.last else {
      throw .usage("expected `using centroids` or `using rules` at the end", column: nil)
    }
    switch word {
    case "centroids", "centres": return .centroids
    case "rules", "tree": return .tree
    default:
      throw .usage("unknown criterion '\(word)'; choose centroids or rules (the surrogate tree)", column: nil)
    }
  }

  /// The default tree size: depth 3 and leaves of at least 1 % of the rows (at least 5), so every rule speaks
  /// for a group of customers worth a treatment.
  static func defaultMinLeaf(rows: Int) -> Int { max(5, rows / 100) }

  /// Categorical columns with more training levels than this are not offered to the tree (a split on an
  /// identifier-like column explains nothing).
  static let maxTreeLevels = 30

  /// What a tree reads: the variant's numeric inputs in original units (after imputation) and its categorical
  /// inputs without missing values and with at most ``maxTreeLevels`` levels, restricted to its rows; and why any
  /// categorical input was left out.
  static func treeColumns(_ variant: Variant) -> (columns: [Column], leftOut: [String]) {
    var columns: [Column] = []
    var leftOut: [String] = []
    for column in variant.features.rawColumns where column.kind == .numeric || column.kind == .categorical {
      guard column.kind == .categorical else {
        columns.append(column)
        continue
      }
      let levels = column.levels.count
      if column.missingCount > 0 {
        leftOut.append("\(column.name) has missing values")
      } else if levels > maxTreeLevels {
        leftOut.append("\(column.name) has \(levels) levels (at most \(maxTreeLevels))")
      } else {
        columns.append(column)
      }
    }
    return (columns, leftOut)
  }

  /// The classes a tree learns and fidelity compares: the segments, and noise as one more class (index k) when the
  /// variant has noise rows, so density variants' rules can say noise.
  static func classes(_ variant: Variant) -> (labels: ContiguousArray<Int32>, count: Int, noise: Int?) {
    let k = variant.result.k
    guard variant.noiseCount > 0 else { return (variant.result.labels, k, nil) }
    return (ContiguousArray(variant.result.labels.map { $0 < 0 ? Int32(k) : $0 }), k + 1, k)
  }

  /// Grows the surrogate tree of `variant` (with a noise class when it has noise rows).
  static func fitTree(_ variant: Variant, depth: Int, minLeaf: Int) throws(SessionError) -> SurrogateTree {
    let columns = treeColumns(variant).columns
    guard !columns.isEmpty else {
      throw .failed(.notReady("\(variant.name) has no numeric or categorical features to build rules from"))
    }
    let classes = classes(variant)
    return SurrogateTree.fit(
      columns: columns, labels: classes.labels, k: classes.count, maxDepth: depth, minLeaf: minLeaf)
  }

  /// The criteria of `variant` with the chosen rule — for `centroids` the model's own rule where it has one
  /// (mixture posterior, density rules), else the nearest centre; for `tree` the tree of the last `rules`, or a
  /// default-size tree — and the units declared (`unit`) for its inputs on the dataset it was fitted on.
  static func criteria(_ variant: Variant, _ kind: Kind, in workspace: Workspace) throws(SessionError)
    -> SegmentCriteria
  {
    let labels = (0..<variant.result.k).map(variant.segmentLabel)
    let declared = workspace.datasets[variant.datasetName]?.units ?? [:]
    let inputUnits = declared.filter { name, _ in variant.features.fitted.inputs.contains { $0.name == name } }
    switch kind {
    case .centroids:
      if let model = variant.result.modelRule {
        return SegmentCriteria(recipe: variant.features.fitted, rule: .model(model), labels: labels, units: inputUnits)
      }
      guard let centres = variant.result.centroids else {
        throw .failed(
          .notReady("\(variant.name) (\(variant.method)) has no segment centres; use `using rules` (a surrogate tree)"))
      }
      return SegmentCriteria(
        recipe: variant.features.fitted, rule: .centroids(NearestCentreRule(centres: centres)), labels: labels,
        units: inputUnits)
    case .tree:
      let tree: SurrogateTree
      if let stored = variant.tree {
        tree = stored
      } else {
        tree = try fitTree(variant, depth: 3, minLeaf: defaultMinLeaf(rows: variant.features.matrix.rows))
      }
      let noise = classes(variant).noise
      var criteria = SegmentCriteria(
        recipe: variant.features.fitted, rule: .tree(tree), labels: labels + (noise == nil ? [] : ["noise"]),
        units: inputUnits)
      criteria.noiseClass = noise
      return criteria
    }
  }

  /// What the chosen rule is called in messages: `rules`, `centroids`, or the model's own rule.
  static func ruleName(_ criteria: SegmentCriteria) -> String {
    switch criteria.rule {
    case .tree: "rules"
    case .centroids: "centroids"
    case .model(.mixture): "mixture posterior"
    case .model(.dbscan), .model(.hdbscan): "density rule"
    }
  }

  /// How a criteria command prints rule thresholds for `variant` (units of its dataset, session language and digits).
  static func thresholds(_ criteria: SegmentCriteria, _ variant: Variant, _ context: CommandContext)
    -> (Int, Double) -> String
  {
    guard case .tree(let tree) = criteria.rule else { return { context.numbers.format($1) } }
    let printer = RuleThresholds(
      tree: tree, variant: variant, units: criteria.units, language: context.settings.language,
      numbers: context.numbers)
    return { printer.text(feature: $0, threshold: $1) }
  }

  /// How well the criteria reproduce the variant's own labels on its training rows (noise as a class of its own
  /// when the variant has noise rows: rules that call them noise agree).
  static func fidelity(_ criteria: SegmentCriteria, _ variant: Variant) -> Fidelity {
    let classes = classes(variant)
    let predicted: [Int?]
    switch criteria.rule {
    case .centroids(let rule): predicted = rule.assign(variant.features.matrix)
    case .model(let model):
      predicted = model.assign(variant.features.matrix).map { outcome in
        switch outcome {
        case .segment(let s, _): s
        case .noise: classes.noise
        case .missing: nil
        }
      }
    case .tree(let tree):
      let columns = tree.features.compactMap { name in variant.features.rawColumns.first { $0.name == name } }
      predicted = (0..<variant.features.matrix.rows).map { i in
        tree.predict(columns.map { SurrogateTree.Value($0, row: i) })
      }
    }
    return Fidelity(labels: classes.labels, predicted: predicted, k: classes.count)
  }

  /// Prints fidelity overall and per segment (and noise), and warns about segments never or poorly predicted.
  static func printFidelity(_ fidelity: Fidelity, _ variant: Variant, _ context: inout CommandContext) {
    context.print(
      "fidelity: \(NumberFormat.percent(fidelity.overall)) of \(NumberFormat.grouped(fidelity.rows)) rows "
        + "get their own segment")
    var table = TextTable(
      header: ["segment", "rows", "recovered", "predicted"], alignments: [.left, .right, .right, .right])
    for (s, segment) in fidelity.segments.enumerated() {
      table.append([
        s < variant.result.k ? variant.segmentLabel(s) : "noise", NumberFormat.grouped(segment.members),
        NumberFormat.percent(segment.recall),
        NumberFormat.grouped(segment.predicted),
      ])
    }
    context.print(table.render(width: context.settings.width))
    for (s, segment) in fidelity.segments.enumerated() where segment.members > 0 && s < variant.result.k {
      if segment.predicted == 0 {
        context.warn("segment \(variant.segmentLabel(s)) is never predicted; allow more depth or smaller leaves")
      } else if segment.recall < 0.7 {
        context.warn(
          "segment \(variant.segmentLabel(s)) is poorly covered: only \(NumberFormat.percent(segment.recall)) "
            + "of its rows are recovered")
      }
    }
  }
}
