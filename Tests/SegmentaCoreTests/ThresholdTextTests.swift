import Foundation
import Testing

@testable import SegmentaCore

/// Rule thresholds in units: the conventional German and English forms, and the guarantee that the printed
/// (rounded) threshold classifies every training value as the exact one does.
@Suite struct ThresholdTextTests {
  @Test(arguments: [
    (1.2e6, "€", RuleText.Language.de, 2, "1,2 Mio. €"), (1.2e6, "€", .en, 2, "€1.2M"),
    (850_000, "€", .de, 2, "850.000 €"), (850_000, "€", .en, 2, "€850,000"), (4, "%", .de, 2, "4 %"),
    (4, "%", .en, 2, "4%"), (3.5, "years", .de, 2, "3,5 years"), (3.5, "years", .en, 2, "3.5 years"),
    (2.46e9, "€", .de, 2, "2,5 Mrd. €"), (2.46e9, "€", .en, 3, "€2.46B"), (-1500, "€", .en, 2, "-€1,500"),
    (1_234_567.5, "€", .de, 7, "1,234568 Mio. €"), (0.0425, "%", .en, 2, "0.043%"), (999_999, "€", .en, 2, "€1M"),
  ])
  func quantitiesReadConventionally(
    _ x: Double, _ unit: String, _ language: RuleText.Language, _ digits: Int, _ text: String
  ) {
    #expect(ThresholdText.quantity(x, unit: unit, language: language, digits: digits).text == text)
  }

  /// Reads a printed quantity back (independently of the formatter): unit, magnitude word and separators.
  static func parse(_ text: String, unit: String, language: RuleText.Language) -> Double? {
    var body = text.replacingOccurrences(of: unit, with: "").trimmingCharacters(in: .whitespaces)
    var exponent = 0
    for (word, power) in [(" Mio.", 6), (" Mrd.", 9), ("M", 6), ("B", 9)] where body.hasSuffix(word) {
      body.removeLast(word.count)
      exponent = power
    }
    let (group, point) = language == .de ? (".", ",") : (",", ".")
    body = body.replacingOccurrences(of: group, with: "").replacingOccurrences(of: point, with: ".")
    return Double(body + "e\(exponent)")  // decimal scaling, exact as the text
  }

  /// For thresholds between neighbouring values of dense and sparse samples at many scales, the printed value
  /// puts every sample value on the side the exact threshold puts it — with as few digits as that allows.
  @Test func printedThresholdsNeverMoveATrainingRow() throws {
    var rng = SeededRandom(seed: 7)
    var roundedAway = 0
    for trial in 0..<300 {
      let scale = pow(10, Double(trial % 11) - 2)
      let dense = trial % 2 == 0
      let values = (0..<200).map { _ in
        (dense ? (rng.nextDouble() * 1000).rounded() / 1000 : rng.nextDouble()) * scale * 1000
      }.sorted()
      let distinct = Array(Set(values)).sorted()
      for i in stride(from: 0, to: distinct.count - 1, by: 17) {
        let threshold = distinct[i] + (distinct[i + 1] - distinct[i]) / 2
        for language in RuleText.Language.allCases {
          let text = ThresholdText.safe(threshold, sortedValues: values, minimum: 2) { digits in
            ThresholdText.quantity(threshold, unit: "€", language: language, digits: digits)
          }
          let printed = try #require(Self.parse(text, unit: "€", language: language), "cannot read \(text)")
          let moved = values.filter { ($0 <= printed) != ($0 <= threshold) }
          #expect(moved.isEmpty, "\(text) for \(threshold) moves \(moved.count) rows")
          if printed != threshold { roundedAway += 1 }
        }
      }
    }
    #expect(roundedAway > 0, "the check must see rounded thresholds, not only exact ones")
  }

  /// Rounding to two digits would move a row here, so more digits are printed.
  @Test func moreDigitsWhenFewerWouldMisclassify() {
    let values: [Double] = [1_190_000, 1_200_000, 1_210_000]
    let threshold = 1_195_000.0
    let text = ThresholdText.safe(threshold, sortedValues: values, minimum: 2) {
      ThresholdText.quantity(threshold, unit: "€", language: .de, digits: $0)
    }
    #expect(text == "1,195 Mio. €")
    #expect(ThresholdText.classifiesAlike(1_195_000, 1_200_000, values) == false)
    #expect(ThresholdText.classifiesAlike(1_195_000, 1_199_999, values))
  }
}
