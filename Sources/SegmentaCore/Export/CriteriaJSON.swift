/// Segment criteria as versioned JSON (`"format": "segmenta-criteria", "version": 1`, or 2 when the tree splits
/// on a category; schema in docs/criteria.md): the fitted preprocessing, the rule (centres, mixture parameters or
/// tree) and the segments with names and
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
  /// - Throws: ``SegmentaError/notReady(_:)`` for a density variant's own rule (it would need every core point;
  ///   its surrogate tree has a JSON form).
  /// - Complexity: O(size of the recipe and rule).
  public static func document(_ criteria: SegmentCriteria, _ context: Context) throws(SegmentaError) -> JSONText {
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
      members.append(("tree", node(tree.root, tree, noiseClass: criteria.noiseClass)))
    case .model(.mixture(let mixture)):
      members.append(("rule", .string("gaussian-mixture")))
      members.append(("mixture", Self.mixture(mixture)))
    case .model(.dbscan), .model(.hdbscan):
      throw .notReady(
        "a density variant's own rule needs every core point; export its surrogate tree with `using tree` (it has "
          + "a noise class)")
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

  /// A tree node; a leaf of the noise class is `{segment: null, noise: true, rows}`, so a reader of plain leaves
  /// sees no segment there.
  private static func node(_ n: SurrogateTree.Node, _ tree: SurrogateTree, noiseClass: Int?) -> JSONText {
    switch n {
    case .leaf(let segment, let rows) where segment == noiseClass:
      .object([("segment", .null), ("noise", .bool(true)), ("rows", .int(rows))])
    case .leaf(let segment, let rows): .object([("segment", .int(segment + 1)), ("rows", .int(rows))])
    case .split(let f, let t, let left, let right):
      .object([
        ("feature", .string(tree.features[f])), ("threshold", .number(t)),
        ("left_if_le", node(left, tree, noiseClass: noiseClass)), ("right", node(right, tree, noiseClass: noiseClass)),
      ])
    case .subset(let f, let levels, let left, let right):
      .object([
        ("feature", .string(tree.features[f])), ("levels", .array(levels.map { .string($0) })),
        ("left_if_in", node(left, tree, noiseClass: noiseClass)), ("right", node(right, tree, noiseClass: noiseClass)),
      ])
    }
  }

  /// A mixture's parameters: `covariance_type`, `weights` (k), `means` (k × features), `covariances` in
  /// scikit-learn's `covariances_` shape, `precisions_cholesky` (k × d × d upper-triangular Uⱼ, Σⱼ⁻¹ = UⱼUⱼᵀ, also
  /// for diag, tied and spherical) and `log_constants` cⱼ = log wⱼ + log det Uⱼ − d/2 log 2π.
  private static func mixture(_ rule: MixtureRule) -> JSONText {
    let d = rule.means.columns
    func rows(_ values: some Collection<Double>, _ width: Int) -> JSONText {
      let array = Array(values)
      return .array(
        stride(from: 0, to: array.count, by: width).map { .array(array[$0..<($0 + width)].map { .number($0) }) })
    }
    let covariances: JSONText =
      switch rule.covarianceType {
      case .full: .array((0..<rule.k).map { j in rows(rule.covariances[(j * d * d)..<((j + 1) * d * d)], d) })
      case .tied, .diag: rows(rule.covariances, d)
      case .spherical: .array(rule.covariances.map { .number($0) })
      }
    return .object([
      ("covariance_type", .string(rule.covarianceType.rawValue)),
      ("weights", .array(rule.weights.map { .number($0) })),
      ("means", rows(rule.means.values, d)),
      ("covariances", covariances),
      (
        "precisions_cholesky",
        .array((0..<rule.k).map { j in rows(rule.precisionFactors[(j * d * d)..<((j + 1) * d * d)], d) })
      ),
      ("log_constants", .array(rule.constants.map { .number($0) })),
    ])
  }
}
