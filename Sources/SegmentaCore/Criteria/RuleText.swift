/// Rules as sentences in English or German, shared by the `rules` command and the Markdown export.
public enum RuleText {
  /// The languages rule texts are written in (`set language de|en`).
  public enum Language: String, Sendable, Equatable, CaseIterable {
    case en, de
  }

  /// `IF a ≤ 3 AND 0.1 < b ≤ 0.4 THEN segment 2 (311 rows)` (German: `WENN … UND … DANN Segment 2 (311 Zeilen)`).
  /// - Parameter format: how thresholds are printed (the caller chooses the precision).
  public static func sentence(
    _ rule: SurrogateTree.Rule, tree: SurrogateTree, labels: [String], language: Language,
    format: (Double) -> String
  ) -> String {
    let (ifWord, andWord, thenWord, segmentWord, rowsWord, always) =
      language == .de
      ? ("WENN", "UND", "DANN", "Segment", "Zeilen", "IMMER")
      : ("IF", "AND", "THEN", "segment", "rows", "ALWAYS")
    let conditions = rule.conditions.map { c -> String in
      let name = tree.features[c.feature]
      switch (c.lower, c.upper) {
      case (let lo?, let hi?): return "\(format(lo)) < \(name) ≤ \(format(hi))"
      case (let lo?, nil): return "\(name) > \(format(lo))"
      case (nil, let hi?): return "\(name) ≤ \(format(hi))"
      case (nil, nil): return name
      }
    }
    let head = conditions.isEmpty ? always : "\(ifWord) " + conditions.joined(separator: " \(andWord) ")
    return "\(head) \(thenWord) \(segmentWord) \(labels[rule.segment]) (\(rule.rows) \(rowsWord))"
  }
}
