/// Segment criteria as a Markdown page for people: segments with names and sizes, the rules (or what the
/// centres mean), the preprocessing, and the journey actions — in English or German.
public enum CriteriaMarkdown {
  /// The page.
  /// - Parameter format: how numbers are printed (the caller chooses the precision).
  /// - Complexity: O(size of the recipe and rule).
  public static func page(
    _ criteria: SegmentCriteria, _ context: CriteriaJSON.Context, language: RuleText.Language,
    format: (Double) -> String
  ) -> String {
    let de = language == .de
    var out = [
      de ? "# Zuordnungskriterien: \(context.variant)" : "# Assignment criteria: \(context.variant)", "",
      (de ? "Verfahren: " : "Method: ") + "`\(context.method)`", "",
      de ? "| Segment | Name | Kunden |" : "| Segment | Name | Customers |", "|---:|---|---:|",
    ]
    for (s, label) in criteria.labels.enumerated() {
      out.append("| \(s + 1) | \(label) | \(s < context.sizes.count ? context.sizes[s] : 0) |")
    }
    out += ["", de ? "## Regeln" : "## Rules", ""]
    switch criteria.rule {
    case .tree(let tree):
      for rule in tree.rules {
        out.append(
          "- " + RuleText.sentence(rule, tree: tree, labels: criteria.labels, language: language, format: format))
      }
      out.append("")
      out.append(
        de
          ? "Fehlt ein Wert, den eine Regel braucht, wird der Kunde nicht zugeordnet."
          : "A customer missing a value a rule needs is not assigned.")
    case .centroids:
      out.append(
        de
          ? "Jeder Kunde gehört zum Segment mit dem nächsten Zentrum, nachdem die Vorverarbeitung unten angewandt wurde."
          : "Each customer belongs to the segment with the nearest centre after the preprocessing below.")
    }
    out += ["", de ? "## Vorverarbeitung" : "## Preprocessing", ""]
    for input in criteria.recipe.inputs {
      let fill = input.fill.map { (de ? ", fehlend → " : ", missing → ") + format($0) } ?? ""
      out.append("- `\(input.name)`\(fill)")
    }
    for op in criteria.recipe.operations {
      switch op {
      case .function(let f, let c): out.append("- `\(c)` → \(f.rawValue)")
      case .clip(let c, let lo, let hi): out.append("- `\(c)` → [\(format(lo)), \(format(hi))]")
      case .oneHot(let c, let levels):
        out.append("- `\(c)` → one-hot: " + levels.map { "`\($0)`" }.joined(separator: ", "))
      case .standardize(let c, let center, let spread):
        out.append("- `\(c)` → (x − \(format(center))) / \(format(spread))")
      }
    }
    if !context.journey.isEmpty {
      out += ["", de ? "## Maßnahmen entlang der Customer Journey" : "## Actions along the customer journey", ""]
      out.append(de ? "| Segment | Phase | Maßnahme |" : "| Segment | Phase | Action |")
      out.append("|---|---|---|")
      for step in context.journey {
        out.append("| \(criteria.labels[step.segment]) | \(step.phase.rawValue) | \(step.action) |")
      }
    }
    return out.joined(separator: "\n") + "\n"
  }
}
