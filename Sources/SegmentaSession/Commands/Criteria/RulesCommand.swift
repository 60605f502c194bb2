import SegmentaCore

extension CommandSpec {
  /// `rules VARIANT [depth=3] [min_leaf=N]`
  static let rules = CommandSpec(
    name: "rules", usage: "rules VARIANT [depth=3] [min_leaf=N]",
    summary: "explain a variant by readable IF … THEN rules (a CART surrogate tree on original units and "
      + "categories, thresholds in declared units) and their fidelity overall and per segment",
    example: "rules km.k4 depth=3", optionKeys: ["depth", "min_leaf"], arguments: [.variants]
  ) { command, context throws(SessionError) in
    try command.requireArguments(1)
    try command.checkOptions(allowed: ["depth", "min_leaf"])
    var variant = try context.workspace.variant(named: command.arguments[0].text)
    let rows = variant.features.matrix.rows
    let depth = try command.int("depth", default: 3, in: 1...12) ?? 3
    let minLeaf =
      try command.int("min_leaf", default: VariantCriteria.defaultMinLeaf(rows: rows), in: 1...max(1, rows))
      ?? VariantCriteria.defaultMinLeaf(rows: rows)
    let tree = try VariantCriteria.fitTree(variant, depth: depth, minLeaf: minLeaf)
    variant.tree = tree
    context.workspace.store(variant)
    let criteria = try VariantCriteria.criteria(variant, .tree, in: context.workspace)
    let language = context.settings.language
    context.print(
      "\(variant.name): \(tree.rules.count) rules from a tree of depth ≤ \(depth), leaves ≥ \(minLeaf) rows "
        + "(original units)")
    for reason in VariantCriteria.treeColumns(variant).leftOut {
      context.print("not split on: \(reason)")
    }
    let threshold = VariantCriteria.thresholds(criteria, variant, context)
    for rule in tree.rules {
      context.print(
        RuleText.sentence(rule, tree: tree, labels: criteria.labels, language: language, threshold: threshold))
    }
    if variant.noiseCount > 0 {
      context.print(
        "noise (\(NumberFormat.grouped(variant.noiseCount)) rows) is a class of its own: a customer a rule sends to "
          + "noise gets no segment")
    }
    VariantCriteria.printFidelity(VariantCriteria.fidelity(criteria, variant), variant, &context)
  }
}
