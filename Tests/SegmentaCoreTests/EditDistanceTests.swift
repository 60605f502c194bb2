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

  /// Names typed shorter than the data's: words left out, a plural; the shortest such name wins. Two equally
  /// short ones, too unspecific or out-of-order words suggest nothing.
  @Test func suggestsLongerNamesWithTheTypedWords() {
    let columns = [
      "customer_id", "service_revenue_share", "product_line_breadth", "annual_revenue_eur",
      "service_contract_revenue_share",
    ]
    #expect(closestMatch(to: "service_share", among: columns) == "service_revenue_share")
    #expect(closestMatch(to: "product_lines", among: columns) == "product_line_breadth")
    #expect(closestMatch(to: "revenue", among: columns) == nil, "annual_revenue_eur or service_revenue_share")
    #expect(closestMatch(to: "annual", among: columns) == "annual_revenue_eur")
    #expect(closestMatch(to: "share_service", among: columns) == nil)
    #expect(closestMatch(to: "id", among: columns) == nil)
    #expect(closestMatch(to: "eur", among: columns) == nil)
    #expect(closestMatch(to: "customer_id", among: ["customer_id_hash"]) == "customer_id_hash")
  }
}
