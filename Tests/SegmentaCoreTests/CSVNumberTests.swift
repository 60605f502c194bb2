import Foundation
import Testing

@testable import SegmentaCore

/// Number parsing from bytes, decimal comma and thousands separators.
@Suite struct CSVNumberTests {
  private func parse(_ text: String, decimalComma: Bool = false) -> NumberParsing.Outcome {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { NumberParsing.parse($0, 0..<$0.count, decimalComma: decimalComma) }
  }

  @Test(arguments: [
    ("0", 0.0), ("42", 42), ("-7", -7), ("+3.5", 3.5), ("  12.25 ", 12.25), ("\t1\t", 1), (".5", 0.5),
    ("5.", 5), ("1e3", 1000), ("1.5E-3", 0.0015), ("-2.5e+2", -250), ("0.1", 0.1), ("1,234.56", 1234.56),
    ("1,000,000", 1_000_000), ("123456789012345678901234567890", 1.2345678901234568e29),
    ("0.30000000000000004", 0.30000000000000004), ("2.2250738585072014e-308", 2.2250738585072014e-308),
    ("9007199254740993", 9_007_199_254_740_992), ("1e-400", 0), ("000123", 123),
  ])
  func parsesDecimalPointNumbers(text: String, expected: Double) {
    #expect(parse(text) == .number(expected))
  }

  @Test(arguments: [
    ("1.234,56", 1234.56), ("-0,5", -0.5), ("12,5", 12.5), ("1.000.000", 1_000_000), ("+1,25e2", 125),
    ("12.000", 12000), (",75", 0.75),
  ])
  func parsesDecimalCommaNumbers(text: String, expected: Double) {
    #expect(parse(text, decimalComma: true) == .number(expected))
  }

  @Test(arguments: ["1,5", "12,34.5", "0,123", "1,2345", "1.2.3", "abc", "1e", "e5", "--1", "1 2", "1,234,56", ""])
  func rejectsAmbiguousOrMalformedWithDecimalPoint(text: String) {
    #expect(parse(text) == .notANumber)
  }

  @Test(arguments: ["1.5", "1,5,5", "0.123", "1.23,4"])
  func rejectsPointDecimalsWithDecimalComma(text: String) {
    #expect(parse(text, decimalComma: true) == .notANumber)
  }

  @Test(arguments: ["inf", "-Inf", "+infinity", "NaN", "nan", "1e309", "-1.8e308"])
  func recognisesNonFiniteValues(text: String) {
    #expect(parse(text) == .nonFinite)
  }

  @Test func everyShortDecimalRoundTripsExactly() {
    // Clinger's fast path must agree with the standard library's correctly rounded parser.
    var rng = SeededRandom(seed: 7)
    for _ in 0..<20_000 {
      let mantissa = rng.next() % 1_000_000_000_000_000
      let exponent = Int(rng.next() % 45) - 22
      let text = "\(mantissa)e\(exponent)"
      guard let expected = Double(text) else { continue }
      #expect(parse(text) == .number(expected), "\(text)")
    }
  }

  @Test func plainDecimalsAreCorrectlyRoundedAndAgreeWithTheFullParser() {
    // The short path (`-`? digits with one decimal mark, at most 15 digits) against the standard library's correctly
    // rounded parser, for both decimal marks; longer or other forms must be left to the full parser.
    var rng = SeededRandom(seed: 11)
    var taken = 0
    for _ in 0..<40_000 {
      let digitCount = 1 + Int(rng.next() % 18)
      var digits = (0..<digitCount).map { _ in Character(String(rng.next() % 10)) }
      if rng.next() % 4 != 0 && digits.count > 1 && digits[0] == "0" { digits[0] = "7" }
      let mark = Int(rng.next() % UInt64(digitCount + 2))
      if mark <= digitCount { digits.insert(".", at: mark) }
      let text = (rng.next() % 2 == 0 ? "-" : "") + String(digits)
      for decimalComma in [false, true] {
        let written = decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
        let bytes = Array(written.utf8)
        let short = bytes.withUnsafeBufferPointer {
          NumberParsing.plainDecimal($0, 0..<$0.count, decimalComma: decimalComma)
        }
        let full = parse(written, decimalComma: decimalComma)
        let leadingZero = bytes.withUnsafeBufferPointer { FieldText.hasLeadingZero($0, 0..<$0.count) }
        if digitCount > 15 || leadingZero {
          #expect(short == nil, "\(written)")
          continue
        }
        guard let expected = Double(text) else { continue }
        #expect(short == expected, "\(written)")
        #expect(short?.sign == expected.sign, "\(written)")
        #expect(full == .number(expected), "\(written)")
        taken += 1
      }
    }
    #expect(taken > 20_000)
  }

  @Test func detectsDecimalComma() throws {
    let load = try CSVFixture.load("decimal_comma.csv")
    #expect(load.separator == UInt8(ascii: ";"))
    #expect(load.decimalComma)
    #expect(load.table.column(named: "umsatz")?.numbers == [1234.56, 12.5, 1_000_000])
    #expect(load.table.column(named: "rabatt")?.numbers == [-0.5, 0, 125])
  }

  @Test func ambiguousMarksKeepADecimalPointUnlessForced() throws {
    let detected = try CSVFixture.load("ambiguous_comma.tsv")
    #expect(!detected.decimalComma)
    #expect(detected.table.column(named: "weight")?.numbers == [1250, 2500])
    let forced = try CSVFixture.load("ambiguous_comma.tsv", options: CSVOptions(decimalComma: true))
    #expect(forced.decimalComma)
    #expect(forced.table.column(named: "weight")?.numbers == [1.25, 2.5])
  }

  @Test func forcingDecimalPointOnAGermanFileLeavesTextNotWrongNumbers() throws {
    let load = try CSVFixture.load("decimal_comma.csv", options: CSVOptions(decimalComma: false))
    #expect(load.table.column(named: "rabatt")?.kind == .categorical)
  }

  @Test func quotedThousandsSeparatorsInCommaFiles() throws {
    let load = try CSVFixture.load("thousands.csv")
    #expect(!load.decimalComma)
    #expect(load.table.column(named: "price")?.numbers == [1234.56, 1_000_000, 12.5])
  }

  @Test func mixedDecimalMarksStayText() throws {
    let table = try CSVFixture.load("mixed_marks.csv").table
    #expect(table.column(named: "value")?.kind == .categorical)
    #expect(table.texts("value") == ["1.5", "2,5"])
  }

  @Test func overflowInANumericColumnIsAnError() {
    CSVFixture.expectError(
      "nonfinite.csv", line: 4, column: 2, problem: "'1e309' in numeric column 'value' is not a finite number",
      hint: "leave the field empty")
  }

  @Test func nanTextInANumericColumnIsAnError() {
    CSVFixture.expectError("nan_text.csv", line: 3, column: 2, problem: "'NaN'")
  }

  @Test func nonFiniteWordsInATextColumnAreText() throws {
    let table = try CSVFixture.load("inf_in_text.csv").table
    #expect(table.texts("label") == ["inf", "high"])
  }
}
