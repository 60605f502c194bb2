/// Segment criteria as a Markdown page for people: segments with names and sizes, the rules (or what the
/// centres mean), the preprocessing, and the journey actions — in English or German.
public enum CriteriaMarkdown {
  /// The page.
  /// - Parameters:
  ///   - format: how numbers are printed (the caller chooses the precision).
  ///   - threshold: how a rule threshold of a tree feature (by index) is printed (unit, precision).
  /// - Complexity: O(size of the recipe and rule).
  public static func page(
    _ criteria: SegmentCriteria, _ context: CriteriaJSON.Context, language: RuleText.Language,
    format: (Double) -> String, threshold: (Int, Double) -> String
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
    let rules = CriteriaProse.rules(criteria, language: language, format: format, threshold: threshold)
    if let note = CriteriaProse.missingNote(criteria, language: language) {
      out += rules.map { "- " + $0 } + ["", note]
    } else {
      out += rules
    }
    out += ["", de ? "## Vorverarbeitung" : "## Preprocessing", ""]
    for step in CriteriaProse.steps(criteria, language: language, format: format) {
      out.append("- `\(step.column)`\(step.detail)" + step.levels.map { "`\($0)`" }.joined(separator: ", "))
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
