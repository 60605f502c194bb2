import SegmentaCore

/// How the rules of a variant print their thresholds (`rules`, the Markdown export, the handbook): in the
/// column's unit with a readable magnitude when one is declared (`unit`), else with the session's digits (German
/// separators after `set language de`) — and in both cases with as many more digits as keep every training row on
/// its side of the exact threshold.
struct RuleThresholds {
  /// Each tree feature's training values, ascending; empty for categorical features.
  private let sortedValues: [[Double]]
  /// Each tree feature's unit, if declared.
  private let units: [String?]
  private let language: RuleText.Language
  private let numbers: NumberFormat

  /// The fewest significant digits a threshold with a unit starts from: `1,2 Mio. €` rather than `1,235 Mio. €`
  /// when no training row lies between the two.
  static let unitDigits = 2

  init(
    tree: SurrogateTree, variant: Variant, units: [String: String], language: RuleText.Language, numbers: NumberFormat
  ) {
    sortedValues = tree.features.map { name in
      guard let column = variant.features.rawColumns.first(where: { $0.name == name }), column.isNumeric else {
        return []
      }
      return column.numbers.filter { !$0.isNaN }.sorted()
    }
    self.units = tree.features.map { units[$0] }
    self.language = language
    self.numbers = numbers
  }

  /// The text of `threshold` on tree feature `feature`.
  func text(feature: Int, threshold: Double) -> String {
    let values = sortedValues[feature]
    if let unit = units[feature] {
      return ThresholdText.safe(threshold, sortedValues: values, minimum: Self.unitDigits) { digits in
        ThresholdText.quantity(threshold, unit: unit, language: language, digits: digits)
      }
    }
    return ThresholdText.safe(threshold, sortedValues: values, minimum: numbers.digits) { digits in
      let text = NumberFormat(digits: digits).format(threshold)
      let value = Double(text.replacingOccurrences(of: ",", with: "")) ?? threshold
      guard language == .de else { return (text, value) }
      // German sentences write 4,5 and 1.204.532, as the thresholds with a unit do.
      return (String(text.map { $0 == "," ? "." : $0 == "." ? "," : $0 }), value)
    }
  }
}
