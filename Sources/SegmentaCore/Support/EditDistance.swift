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
/// (`revnue` → `revenue_eur`): the distance to the candidate's prefix of the same length, plus one.
public func closestMatch(to word: String, among candidates: [String]) -> String? {
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

/// ` (did you mean 'x'?)` for the closest plausible candidate, or `""` when none is close.
public func didYouMean(_ word: String, among candidates: [String]) -> String {
  closestMatch(to: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
}
