/// Sentences for the terminal: notes and verdicts wrapped at word boundaries to fit `set width`.
enum Prose {
  /// `text` broken into lines no wider than `width` (a single longer word stays whole); continuation lines start
  /// with `indent`.
  static func wrap(_ text: String, width: Int, indent: String = "  ") -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let candidate = current.isEmpty ? String(word) : current + " " + word
      if candidate.count > width, !current.isEmpty, current != indent {
        lines.append(current)
        current = indent + word
      } else {
        current = candidate
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }
}

extension CommandContext {
  /// Prints a sentence wrapped to `set width`.
  mutating func printWrapped(_ text: String) { print(Prose.wrap(text, width: settings.width)) }
}
