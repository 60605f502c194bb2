/// The readable parts of segment criteria, shared by the Markdown export and the HTML handbook: the rule
/// sentences and the preprocessing steps, in English or German.
public enum CriteriaProse {
  /// One preprocessing step on one column, e.g. `discount_rate` with ` (%), missing → 5` (unit, if declared).
  public struct Step: Sendable, Equatable {
    /// The column it applies to.
    public let column: String
    /// What happens, written to follow the column name (`, missing → 0.05`, ` → log1p`, ` → one-hot: `).
    public let detail: String
    /// The levels of a one-hot step (printed after `detail`), empty otherwise.
    public let levels: [String]
  }

  /// The rules as sentences: one per tree leaf, or one sentence for the nearest centre or the model's own rule.
  /// - Parameters:
  ///   - format: how other numbers (a density rule's eps) are printed.
  ///   - threshold: how a threshold of a tree feature (by index) is printed.
  public static func rules(
    _ criteria: SegmentCriteria, language: RuleText.Language, format: (Double) -> String,
    threshold: (Int, Double) -> String
  ) -> [String] {
    let de = language == .de
    switch criteria.rule {
    case .tree(let tree):
      return tree.rules.map {
        RuleText.sentence($0, tree: tree, labels: criteria.labels, language: language, threshold: threshold)
      }
    case .centroids:
      return [
        de
          ? "Jeder Kunde gehört zum Segment mit dem nächsten Zentrum, nachdem die Vorverarbeitung unten angewandt wurde."
          : "Each customer belongs to the segment with the nearest centre after the preprocessing below."
      ]
    case .model(.mixture):
      return [
        de
          ? "Jeder Kunde gehört zum Segment mit der größten A-posteriori-Wahrscheinlichkeit der Gauß-Mischung, "
            + "nachdem die Vorverarbeitung unten angewandt wurde."
          : "Each customer belongs to the segment with the largest posterior probability under the Gaussian "
            + "mixture after the preprocessing below."
      ]
    case .model(.dbscan(let rule)):
      return [
        de
          ? "Jeder Kunde gehört zum Segment des nächsten Kernpunkts im Abstand höchstens \(format(rule.eps)) nach der "
            + "Vorverarbeitung unten; ohne solchen Kernpunkt ist er Rauschen und wird keinem Segment zugeordnet."
          : "Each customer joins the segment of the nearest core point within distance \(format(rule.eps)) after the "
            + "preprocessing below; with none, the customer is noise and gets no segment."
      ]
    case .model(.hdbscan):
      return [
        de
          ? "Jeder Kunde gehört zum Segment seines nächsten Nachbarn nach gegenseitiger Erreichbarkeit, wenn er dicht "
            + "genug an diesem Segment liegt (approximate_predict des hdbscan-Pakets); sonst ist er Rauschen."
          : "Each customer joins the segment of its nearest neighbour by mutual reachability when it lies dense "
            + "enough to join it (the hdbscan package's approximate_predict); otherwise it is noise."
      ]
    }
  }

  /// What the rules do with a missing value or an unseen category (tree rules only).
  public static func missingNote(_ criteria: SegmentCriteria, language: RuleText.Language) -> String? {
    guard case .tree(let tree) = criteria.rule else { return nil }
    let categorical = tree.usedFeatures.contains(where: tree.isCategorical)
    switch (language, categorical) {
    case (.de, false): return "Fehlt ein Wert, den eine Regel braucht, wird der Kunde nicht zugeordnet."
    case (.de, true):
      return "Fehlt ein Wert, den eine Regel braucht, oder hat er eine im Training nicht gesehene Kategorie, wird der "
        + "Kunde nicht zugeordnet."
    case (.en, false): return "A customer missing a value a rule needs is not assigned."
    case (.en, true):
      return "A customer missing a value a rule needs, or with a category not seen in training, is not assigned."
    }
  }

  /// The recorded preprocessing: the inputs with their imputation values, then the operations in order.
  public static func steps(_ criteria: SegmentCriteria, language: RuleText.Language, format: (Double) -> String)
    -> [Step]
  {
    let missing = language == .de ? ", fehlend → " : ", missing → "
    var steps = criteria.recipe.inputs.map { input in
      Step(
        column: input.name,
        detail: (criteria.units[input.name].map { " (\($0))" } ?? "") + (input.fill.map { missing + format($0) } ?? ""),
        levels: [])
    }
    for op in criteria.recipe.operations {
      switch op {
      case .function(let f, let c): steps.append(Step(column: c, detail: " → \(f.rawValue)", levels: []))
      case .clip(let c, let lo, let hi):
        steps.append(Step(column: c, detail: " → [\(format(lo)), \(format(hi))]", levels: []))
      case .oneHot(let c, let levels): steps.append(Step(column: c, detail: " → one-hot: ", levels: levels))
      case .standardize(let c, let center, let spread):
        steps.append(Step(column: c, detail: " → (x − \(format(center))) / \(format(spread))", levels: []))
      }
    }
    return steps
  }
}
