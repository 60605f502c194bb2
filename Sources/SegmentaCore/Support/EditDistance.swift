/// Edit distance between two strings (by Unicode scalars) counting insertions, deletions, substitutions and
/// transpositions of neighbours as one edit each (optimal string alignment, Damerau 1964), so the commonest
/// typos (`widht`, `revnue`) are one or two edits away, for "did you mean" suggestions.
///
/// - Complexity: O(|a|·|b|) time, O(|b|) memory.
public func editDistance(_ a: String, _ b: String) -> Int {
  let s = Array(a.unicodeScalars)
  let t = Array(b.unicodeScalars)
  if s.isEmpty { return t.count }
  if t.isEmpty { return s.count }
  var beforePrevious = [Int](repeating: 0, count: t.count + 1)
  var previous = Array(0...t.count)
  var current = [Int](repeating: 0, count: t.count + 1)
  for i in 1...s.count {
    current[0] = i
    for j in 1...t.count {
      let cost = s[i - 1] == t[j - 1] ? 0 : 1
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
        current[j] = min(current[j], beforePrevious[j - 2] + 1)
      }
    }
    (beforePrevious, previous, current) = (previous, current, beforePrevious)
  }
  return previous[t.count]
}

/// The candidate closest to `word` if it is close enough to be a plausible typo (distance ≤ max(1, |word|/3)),
/// ties broken by candidate order; `nil` otherwise. A typo in the first part of a long name counts too
/// (`revnue` → `revenue_eur`): the distance to the candidate's prefix of the same length, plus one. Failing
/// that, a name with words left out (`service_share` → `service_revenue_share`, see ``wordsMatch(_:_:)``).
public func closestMatch(to word: String, among candidates: [String]) -> String? {
  closestSpelling(to: word, among: candidates) ?? closestByWords(to: word, among: candidates)
}

/// The candidate within a plausible number of edits of `word` (see ``closestMatch(to:among:)``).
private func closestSpelling(to word: String, among candidates: [String]) -> String? {
  let limit = max(1, word.count / 3)
  var best: (name: String, distance: Int)?
  let typed = word.lowercased()
  for c in candidates {
    let name = c.lowercased()
    let whole = editDistance(typed, name)
    let prefixes = word.count >= 4 ? Array((word.count - 1)...(word.count + 1)) : []
    let prefix = prefixes.filter { $0 < name.count }.map { editDistance(typed, String(name.prefix($0))) + 1 }.min()
    let d = min(whole, prefix ?? whole)
    if d <= limit, d < (best?.distance ?? .max) { best = (c, d) }
  }
  return best?.name
}

/// The candidate with the fewest words whose words contain `word`'s words in order, if no other has as few:
/// names in the data are often longer than the ones typed (`service_share`, `product_lines` for
/// `service_revenue_share`, `product_line_breadth`). Two equally short ones suggest nothing rather than a guess.
private func closestByWords(to word: String, among candidates: [String]) -> String? {
  let typed = words(of: word)
  guard typed.count >= 2 || typed.first.map({ $0.count >= 4 }) == true else { return nil }
  let matching = candidates.map { ($0, words(of: $0)) }.filter { $0.1.count > typed.count && wordsMatch(typed, $0.1) }
  guard let fewest = matching.map(\.1.count).min() else { return nil }
  let best = matching.filter { $0.1.count == fewest }
  return best.count == 1 ? best[0].0 : nil
}

/// Whether every typed word matches one of `name`'s words, in order: equal, or one edit away for words of four
/// letters or more (`lines` → `line`). Words of one or two letters are too unspecific and never match.
func wordsMatch(_ typed: [String], _ name: [String]) -> Bool {
  var next = name.startIndex
  for t in typed {
    guard t.count >= 3 else { return false }
    guard let found = name[next...].firstIndex(where: { $0 == t || (t.count >= 4 && editDistance(t, $0) <= 1) })
    else { return false }
    next = found + 1
  }
  return true
}

/// The lowercased words of a name, split at `_`, `-`, `.` and spaces.
private func words(of name: String) -> [String] {
  name.lowercased().split(whereSeparator: { "_-. ".contains($0) }).map(String.init)
}

/// ` (did you mean 'x'?)` for the closest plausible candidate, or `""` when none is close.
public func didYouMean(_ word: String, among candidates: [String]) -> String {
  closestMatch(to: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
}
