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

  /// The variant's numeric inputs in original units (after imputation), restricted to its rows: what a tree reads.
  static func treeColumns(_ variant: Variant) -> [Column] {
    variant.features.rawColumns.filter { $0.kind == .numeric }
  }

  /// Grows the surrogate tree of `variant`.
  static func fitTree(_ variant: Variant, depth: Int, minLeaf: Int) throws(SessionError) -> SurrogateTree {
    let columns = treeColumns(variant)
    guard !columns.isEmpty else {
      throw .failed(.notReady("\(variant.name) has no numeric features in original units to build rules from"))
    }
    return SurrogateTree.fit(
      columns: columns, labels: variant.result.labels, k: variant.result.k, maxDepth: depth, minLeaf: minLeaf)
  }

  /// The criteria of `variant` with the chosen rule (the tree of the last `rules`, or a default-size tree).
  static func criteria(_ variant: Variant, _ kind: Kind) throws(SessionError) -> SegmentCriteria {
    let labels = (0..<variant.result.k).map(variant.segmentLabel)
    switch kind {
    case .centroids:
      guard let centres = variant.result.centroids else {
        throw .failed(
          .notReady("\(variant.name) (\(variant.method)) has no segment centres; use `using rules` (a surrogate tree)"))
      }
      return SegmentCriteria(
        recipe: variant.features.fitted, rule: .centroids(NearestCentreRule(centres: centres)), labels: labels)
    case .tree:
      let tree: SurrogateTree
      if let stored = variant.tree {
        tree = stored
      } else {
        tree = try fitTree(variant, depth: 3, minLeaf: defaultMinLeaf(rows: variant.features.matrix.rows))
      }
      return SegmentCriteria(recipe: variant.features.fitted, rule: .tree(tree), labels: labels)
    }
  }

  /// How well the criteria reproduce the variant's own labels on its training rows.
  static func fidelity(_ criteria: SegmentCriteria, _ variant: Variant) -> Fidelity {
    let predicted: [Int?]
    switch criteria.rule {
    case .centroids(let rule): predicted = rule.assign(variant.features.matrix)
    case .tree(let tree):
      let columns = tree.features.compactMap { name in variant.features.rawColumns.first { $0.name == name } }
      predicted = (0..<variant.features.matrix.rows).map { i in tree.predict(columns.map { $0.numbers[i] }) }
    }
    return Fidelity(labels: variant.result.labels, predicted: predicted, k: variant.result.k)
  }

  /// Prints fidelity overall and per segment, and warns about segments never or poorly predicted.
  static func printFidelity(_ fidelity: Fidelity, _ variant: Variant, _ context: inout CommandContext) {
    context.print(
      "fidelity: \(NumberFormat.percent(fidelity.overall)) of \(NumberFormat.grouped(fidelity.rows)) rows "
        + "get their own segment")
    var table = TextTable(
      header: ["segment", "rows", "recovered", "predicted"], alignments: [.left, .right, .right, .right])
    for (s, segment) in fidelity.segments.enumerated() {
      table.append([
        variant.segmentLabel(s), NumberFormat.grouped(segment.members), NumberFormat.percent(segment.recall),
        NumberFormat.grouped(segment.predicted),
      ])
    }
    context.print(table.render(width: context.settings.width))
    for (s, segment) in fidelity.segments.enumerated() where segment.members > 0 {
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
