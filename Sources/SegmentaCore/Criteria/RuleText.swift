/// Rules as sentences in English or German, shared by the `rules` command and the Markdown export.
public enum RuleText {
  /// The languages rule texts are written in (`set language de|en`).
  public enum Language: String, Sendable, Equatable, CaseIterable {
    case en, de
  }

  /// `IF a ≤ 3 AND 0.1 < b ≤ 0.4 AND region IN ('Nord', 'Süd') THEN segment 2 (311 rows)` (German:
  /// `WENN … UND … DANN Segment 2 (311 Zeilen)`; `IN` and the levels, quoted as SQL literals, read the same in both).
  /// - Parameter threshold: how a threshold of a feature (by index) is printed (the caller chooses precision and
  ///   unit).
  public static func sentence(
    _ rule: SurrogateTree.Rule, tree: SurrogateTree, labels: [String], language: Language,
    threshold: (Int, Double) -> String
  ) -> String {
    let (ifWord, andWord, thenWord, segmentWord, rowsWord, always) =
      language == .de
      ? ("WENN", "UND", "DANN", "Segment", "Zeilen", "IMMER")
      : ("IF", "AND", "THEN", "segment", "rows", "ALWAYS")
    let conditions = rule.conditions.map { c -> String in
      let name = tree.features[c.feature]
      if let levels = c.levels {
        return "\(name) IN (" + levels.map { CriteriaSQL.string($0) }.joined(separator: ", ") + ")"
      }
      switch (c.lower, c.upper) {
      case (let lo?, let hi?): return "\(threshold(c.feature, lo)) < \(name) ≤ \(threshold(c.feature, hi))"
      case (let lo?, nil): return "\(name) > \(threshold(c.feature, lo))"
      case (nil, let hi?): return "\(name) ≤ \(threshold(c.feature, hi))"
      case (nil, nil): return name
      }
    }
    let head = conditions.isEmpty ? always : "\(ifWord) " + conditions.joined(separator: " \(andWord) ")
    return "\(head) \(thenWord) \(segmentWord) \(labels[rule.segment]) (\(rule.rows) \(rowsWord))"
  }
}
