/// Which column names suggest a record identifier (`customer_id`, `KundenNr`, `Kundennummer`, `order-key`).
enum IdentifierNames {
  /// Whole words that mark an identifier.
  private static let words: Set<String> = [
    "id", "ids", "nr", "no", "num", "nummer", "number", "key", "code", "uuid", "guid", "ident", "identifier",
  ]
  /// Endings of compound words that mark an identifier (German compounds such as `kundennummer`, `kundennr`).
  private static let endings = ["nummer", "nr", "number", "code"]

  /// Whether `name` looks like an identifier's name.
  ///
  /// The name is split into words at non-letters/digits and at lower-to-upper case changes (`customerId` →
  /// `customer`, `id`); it qualifies when a word is one of `id nr no num nummer number key code uuid guid ident
  /// identifier`, or ends in `nummer`, `nr`, `number` or `code`. A bare `…id` ending inside a word does not
  /// count (`paid`, `valid`): write `customer_id` or pass the column explicitly.
  static func looksLikeIdentifier(_ name: String) -> Bool {
    splitWords(name).contains { word in words.contains(word) || endings.contains { word.hasSuffix($0) } }
  }

  private static func splitWords(_ name: String) -> [String] {
    var result: [String] = []
    var current = ""
    var previousWasLower = false
    for ch in name {
      guard ch.isLetter || ch.isNumber else {
        if !current.isEmpty { result.append(current.lowercased()) }
        current = ""
        previousWasLower = false
        continue
      }
      if ch.isUppercase && previousWasLower {
        result.append(current.lowercased())
        current = ""
      }
      current.append(ch)
      previousWasLower = ch.isLowercase || ch.isNumber
    }
    if !current.isEmpty { result.append(current.lowercased()) }
    return result
  }
}
