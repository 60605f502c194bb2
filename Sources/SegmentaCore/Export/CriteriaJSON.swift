/// Segment criteria as versioned JSON (`"format": "segmenta-criteria", "version": 1`, or 2 when the tree splits
/// on a category; schema in docs/criteria.md): the fitted preprocessing, the rule (centres or tree) and the segments with names and
/// journey actions, all numbers with round-trip precision.
public enum CriteriaJSON {
  /// Describes the variant the criteria belong to.
  public struct Context: Sendable {
    public let variant: String
    public let method: String
    public let sizes: [Int]
    public let journey: [JourneyStep]

    public init(variant: String, method: String, sizes: [Int], journey: [JourneyStep]) {
      self.variant = variant
      self.method = method
      self.sizes = sizes
      self.journey = journey
    }
  }

  /// The JSON document.
  /// - Complexity: O(size of the recipe and rule).
  public static func document(_ criteria: SegmentCriteria, _ context: Context) -> JSONText {
    let recipe = criteria.recipe
    let segments: [JSONText] = criteria.labels.enumerated().map { s, label in
      .object([
        ("index", .int(s + 1)), ("label", .string(label)),
        ("size", .int(s < context.sizes.count ? context.sizes[s] : 0)),
        (
          "journey",
          .object(context.journey.filter { $0.segment == s }.map { ($0.phase.rawValue, .string($0.action)) })
        ),
      ])
    }
    var treeLevels: [String: [String]] = [:]
    if case .tree(let tree) = criteria.rule {
      for (name, levels) in zip(tree.features, tree.levels) { if let levels { treeLevels[name] = levels } }
    }
    let inputs: [JSONText] = recipe.inputs.map { input in
      .object(
        [
          ("name", .string(input.name)), ("type", .string(input.isNumeric ? "numeric" : "categorical")),
          ("fill", .optional(input.fill)), ("min", .optional(input.range?.lowerBound)),
          ("max", .optional(input.range?.upperBound)),
        ] + (criteria.units[input.name].map { [("unit", .string($0))] } ?? [])
          + (treeLevels[input.name].map { [("levels", .array($0.map { .string($0) }))] } ?? []))
    }
    var members: [(String, JSONText)] = [
      ("format", .string("segmenta-criteria")), ("version", .int(version(criteria))),
      ("variant", .string(context.variant)),
      ("method", .string(context.method)),
      (
        "derivations",
        .array(recipe.derivations.map { .object([("name", .string($0.name)), ("expression", .string($0.text))]) })
      ),
      ("inputs", .array(inputs)), ("operations", .array(recipe.operations.map(operation))),
      ("features", .array(recipe.outputNames.map { .string($0) })), ("segments", .array(segments)),
    ]
    switch criteria.rule {
    case .centroids(let rule):
      members.append(("rule", .string("nearest-centre")))
      members.append(
        (
          "centres",
          .array((0..<rule.centres.rows).map { s in .array(rule.centres.row(s).map { .number($0) }) })
        ))
    case .tree(let tree):
      members.append(("rule", .string("tree")))
      members.append(("tree", node(tree.root, tree)))
    }
    return .object(members)
  }

  /// 2 when the tree has a categorical split (a node kind version 1 readers do not know), else 1.
  private static func version(_ criteria: SegmentCriteria) -> Int {
    guard case .tree(let tree) = criteria.rule else { return 1 }
    return tree.usedFeatures.contains(where: tree.isCategorical) ? 2 : 1
  }

  private static func operation(_ op: FittedOperation) -> JSONText {
    switch op {
    case .function(let f, let column): .object([("op", .string(f.rawValue)), ("column", .string(column))])
    case .clip(let column, let low, let high):
      .object([("op", .string("clip")), ("column", .string(column)), ("low", .number(low)), ("high", .number(high))])
    case .oneHot(let column, let levels):
      .object([("op", .string("onehot")), ("column", .string(column)), ("levels", .array(levels.map { .string($0) }))])
    case .standardize(let column, let center, let spread):
      .object([
        ("op", .string("standardize")), ("column", .string(column)), ("center", .number(center)),
        ("spread", .number(spread)),
      ])
    }
  }

  private static func node(_ n: SurrogateTree.Node, _ tree: SurrogateTree) -> JSONText {
    switch n {
    case .leaf(let segment, let rows): .object([("segment", .int(segment + 1)), ("rows", .int(rows))])
    case .split(let f, let t, let left, let right):
      .object([
        ("feature", .string(tree.features[f])), ("threshold", .number(t)), ("left_if_le", node(left, tree)),
        ("right", node(right, tree)),
      ])
    case .subset(let f, let levels, let left, let right):
      .object([
        ("feature", .string(tree.features[f])), ("levels", .array(levels.map { .string($0) })),
        ("left_if_in", node(left, tree)), ("right", node(right, tree)),
      ])
    }
  }
}
