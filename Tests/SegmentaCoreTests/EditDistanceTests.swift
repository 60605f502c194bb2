import Testing

@testable import SegmentaCore

@Suite struct EditDistanceTests {
  @Test(arguments: [
    ("", "abc", 3), ("kitten", "sitting", 3), ("widht", "width", 1), ("ab", "ba", 1), ("same", "same", 0),
    ("ca", "abc", 3),
  ])
  func distances(a: String, b: String, expected: Int) {
    #expect(editDistance(a, b) == expected)
    #expect(editDistance(b, a) == expected)
  }

  @Test func suggestsPlausibleTyposOnly() {
    #expect(closestMatch(to: "widht", among: ["seed", "digits", "width", "threads"]) == "width")
    #expect(closestMatch(to: "revnue", among: ["employees", "revenue_eur"]) == "revenue_eur")
    #expect(closestMatch(to: "zzz", among: ["seed", "digits"]) == nil)
    #expect(didYouMean("compre", among: ["compare", "inspect"]) == " (did you mean 'compare'?)")
  }
}
