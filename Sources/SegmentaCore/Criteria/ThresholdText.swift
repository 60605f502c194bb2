import Foundation

/// Rule thresholds as readers want them — in the column's unit with a readable magnitude (`1,2 Mio. €`, `€1.2M`,
/// `4 %`) — without ever changing what a rule says about the training rows: a threshold is printed with the
/// fewest significant digits at which the printed value puts every training value on the same side as the exact
/// threshold (`x ≤ printed` ⇔ `x ≤ threshold`), more digits when fewer would move a row.
public enum ThresholdText {
  /// Currency symbols English writes before the number (`€1.2M`); German writes every unit after it (`1,2 Mio. €`).
  public static let leadingSymbols: Set<String> = ["€", "$", "£", "¥"]

  /// The fewest significant digits from `minimum` up at which `render` keeps every training value on its side.
  ///
  /// - Parameters:
  ///   - threshold: the exact threshold.
  ///   - sortedValues: the feature's training values, ascending (NaN removed).
  ///   - render: the text and the exact value it denotes for a number of significant digits.
  /// - Returns: the text of the first safe rendering (17 digits always are: they denote the threshold itself).
  /// - Complexity: O(17 × (render + log n)).
  public static func safe(
    _ threshold: Double, sortedValues: [Double], minimum: Int, render: (Int) -> (text: String, value: Double)
  ) -> String {
    var digits = max(1, minimum)
    while true {
      let candidate = render(digits)
      if digits >= 17 || classifiesAlike(threshold, candidate.value, sortedValues) { return candidate.text }
      digits += 1
    }
  }

  /// Whether `x ≤ printed` ⇔ `x ≤ threshold` for every `x` in `sortedValues`: no value lies in the half-open gap
  /// between the two.
  /// - Complexity: O(log n).
  public static func classifiesAlike(_ threshold: Double, _ printed: Double, _ sortedValues: [Double]) -> Bool {
    let (low, high) = (min(threshold, printed), max(threshold, printed))
    // The first value > low must also be > high.
    var lo = 0
    var hi = sortedValues.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if sortedValues[mid] > low { hi = mid } else { lo = mid + 1 }
    }
    return lo == sortedValues.count || sortedValues[lo] > high
  }

  /// `x` rounded to `digits` significant digits (correctly rounded in decimal), and its text in `unit`:
  /// English `€1.2M`, `€850,000`, `4%`, `3.5 years`; German `1,2 Mio. €`, `850.000 €`, `4 %`, `3,5 years`.
  /// Millions and billions are abbreviated (`M`/`B`, `Mio.`/`Mrd.`), trailing zeros dropped; `%` means the values
  /// already are percentages.
  public static func quantity(_ x: Double, unit: String, language: RuleText.Language, digits: Int)
    -> (text: String, value: Double)
  {
    let value = Double(String(format: "%.\(max(0, digits - 1))e", x)) ?? x
    let magnitude = abs(value)
    let (scale, suffix): (Double, String) =
      magnitude >= 1e9
      ? (1e9, language == .de ? " Mrd." : "B") : magnitude >= 1e6 ? (1e6, language == .de ? " Mio." : "M") : (1, "")
    let number = decimal(magnitude / scale, digits: digits, language: language) + suffix
    let sign = value < 0 ? "-" : ""
    let text: String
    switch language {
    case .en where leadingSymbols.contains(unit): text = sign + unit + number
    case .en where unit == "%": text = sign + number + "%"
    default: text = sign + number + " " + unit
    }
    return (text, value)
  }

  /// A non-negative number with at most `digits` significant digits, trailing zeros dropped, digits grouped in
  /// threes (`,` and `.` in English, `.` and `,` in German).
  private static func decimal(_ x: Double, digits: Int, language: RuleText.Language) -> String {
    let exponent = x > 0 ? Int(floor(log10(x))) : 0
    var text = String(format: "%.\(max(0, digits - 1 - exponent))f", x)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    let integer = String(parts[0])
    let (group, point) = language == .de ? (".", ",") : (",", ".")
    var grouped = ""
    for (i, ch) in integer.enumerated() {
      if i > 0, (integer.count - i) % 3 == 0 { grouped += group }
      grouped.append(ch)
    }
    return parts.count > 1 ? grouped + point + parts[1] : grouped
  }
}
