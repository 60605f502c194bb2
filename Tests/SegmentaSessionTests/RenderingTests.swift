import Testing

@testable import SegmentaSession

@Suite struct RenderingTests {
  @Test(arguments: [
    (0.41234567, "0.4123"), (1204.56, "1205"), (12_045.5, "12,046"), (-0.00012345, "-0.0001234"),
    (0.000012345, "1.234e-05"), (0.0, "0"), (3.0, "3.000"), (-0.00001, "-1.000e-05"),
  ])
  func significantDigits(value: Double, expected: String) {
    #expect(NumberFormat(digits: 4).format(value) == expected)
  }

  @Test func groupsThousands() {
    #expect(NumberFormat.grouped(2000) == "2,000")
    #expect(NumberFormat.grouped(-1_234_567) == "-1,234,567")
    #expect(NumberFormat.grouped(999) == "999")
  }

  @Test func tableAlignsAndWrapsColumnsThatDoNotFitIntoBlocks() {
    var t = TextTable(header: ["name", "value", "other"], alignments: [.left, .right, .right])
    t.append(["a", "1", String(repeating: "x", count: 20)])
    t.append(["bbb", "22", "y"])
    #expect(
      t.render(width: 80) == [
        "name  value                 other", "a         1  xxxxxxxxxxxxxxxxxxxx", "bbb      22                     y",
      ])
    #expect(
      t.render(width: 12) == [
        "name  value", "a         1", "bbb      22", "", "name                 other", "a     xxxxxxxxxxxxxxxxxxxx",
        "bbb                      y",
      ])
  }
}
