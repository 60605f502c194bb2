/// A word of a command line with its 1-based column, for error messages that point at it.
public struct Token: Equatable, Sendable {
  public let text: String
  public let column: Int
  /// Whether the word was written in quotes (then it is never an option or a keyword).
  public let quoted: Bool
}

/// Splits a command line into words: blanks separate, `"…"` quotes (with `\"` and `\\` escapes), and
/// `key="quoted value"` stays one word.
enum Lexer {
  /// The words of `line`.
  /// - Throws: ``SessionError/usage(_:column:)`` for an unterminated quote, pointing at where it opened.
  static func words(_ line: String) throws(SessionError) -> [Token] {
    var tokens: [Token] = []
    var current = ""
    var start = 0
    var quoted = false
    var inQuote = false
    var quoteColumn = 0
    var escaping = false
    var column = 0
    func flush() {
      if !current.isEmpty || quoted { tokens.append(Token(text: current, column: start, quoted: quoted)) }
      current = ""
      quoted = false
      start = 0
    }
    for ch in line {
      column += 1
      if escaping {
        current.append(ch)
        escaping = false
        continue
      }
      if inQuote {
        if ch == "\\" {
          escaping = true
        } else if ch == "\"" {
          inQuote = false
        } else {
          current.append(ch)
        }
        continue
      }
      if ch == " " || ch == "\t" {
        flush()
        continue
      }
      if start == 0 { start = column }
      if ch == "\"" {
        inQuote = true
        quoted = true
        quoteColumn = column
      } else {
        current.append(ch)
      }
    }
    if inQuote { throw .usage("unterminated quote (opened here); close it with \"", column: quoteColumn) }
    flush()
    return tokens
  }
}
