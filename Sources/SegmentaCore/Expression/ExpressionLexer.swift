/// One token of an expression with the 1-based column it starts at.
struct ExpressionToken: Equatable, Sendable {
  enum Kind: Equatable, Sendable {
    case number(Double)
    case text(String)
    /// A name: a column or, before `(`, a function. Backquoted names (`` `revenue eur` ``) are names too.
    case name(String, quoted: Bool)
    /// `and`, `or`, `not`, `in`, `true`, `false`.
    case keyword(String)
    /// `+ - * / ^ == != < <= > >= ( ) ,`
    case symbol(String)
    case end
  }

  let kind: Kind
  let column: Int
}

/// Splits an expression into tokens, remembering where each starts so errors can point at it.
enum ExpressionLexer {
  static let keywords: Set<String> = ["and", "or", "not", "in", "true", "false"]

  /// The tokens of `text`, ending with `.end`. `startColumn` is the column of `text`'s first character in its line.
  /// - Throws: ``SegmentaError/expression(column:problem:)`` for characters that start no token, unterminated text
  ///   or names, and malformed numbers; symbols from other languages (`=`, `&&`, `||`, `!`, `<>`) get a hint.
  static func tokens(_ text: String, startColumn: Int) throws(SegmentaError) -> [ExpressionToken] {
    let chars = Array(text)
    var tokens: [ExpressionToken] = []
    var i = 0
    func fail(_ at: Int, _ problem: String) -> SegmentaError { .expression(column: startColumn + at, problem: problem) }
    while i < chars.count {
      let c = chars[i]
      let start = i
      if c == " " || c == "\t" {
        i += 1
        continue
      }
      if c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
        i = scanNumber(chars, from: i)
        let literal = String(chars[start..<i])
        guard let value = Double(literal), value.isFinite else {
          throw fail(start, "'\(literal)' is not a number")
        }
        if i < chars.count, chars[i].isLetter || chars[i] == "_" {
          throw fail(i, "a name cannot start right after the number \(literal); put an operator between them")
        }
        tokens.append(ExpressionToken(kind: .number(value), column: startColumn + start))
      } else if c.isLetter || c == "_" {
        while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" { i += 1 }
        let word = String(chars[start..<i])
        let kind: ExpressionToken.Kind = keywords.contains(word) ? .keyword(word) : .name(word, quoted: false)
        tokens.append(ExpressionToken(kind: kind, column: startColumn + start))
      } else if c == "\"" || c == "'" || c == "`" {
        let (value, next) = try scanQuoted(chars, from: i, startColumn: startColumn)
        i = next
        let kind: ExpressionToken.Kind = c == "`" ? .name(value, quoted: true) : .text(value)
        tokens.append(ExpressionToken(kind: kind, column: startColumn + start))
      } else {
        let two = i + 1 < chars.count ? String(chars[i...(i + 1)]) : ""
        if ["==", "!=", "<=", ">="].contains(two) {
          tokens.append(ExpressionToken(kind: .symbol(two), column: startColumn + start))
          i += 2
        } else if let hint = foreignSymbolHint(two.isEmpty ? String(c) : two, single: String(c)) {
          throw fail(start, hint)
        } else if "+-*/^<>(),".contains(c) {
          tokens.append(ExpressionToken(kind: .symbol(String(c)), column: startColumn + start))
          i += 1
        } else {
          throw fail(
            start,
            "unexpected character '\(c)'; an expression uses column names, numbers, \"text\", "
              + "operators (+ - * / ^ == != < <= > >= and or not in) and functions")
        }
      }
    }
    tokens.append(ExpressionToken(kind: .end, column: startColumn + chars.count))
    return tokens
  }

  /// The end of a number literal (digits, one decimal point, an optional exponent) starting at `from`.
  private static func scanNumber(_ chars: [Character], from: Int) -> Int {
    var i = from
    while i < chars.count, chars[i].isNumber || chars[i] == "." { i += 1 }
    if i < chars.count, chars[i] == "e" || chars[i] == "E" {
      var j = i + 1
      if j < chars.count, chars[j] == "+" || chars[j] == "-" { j += 1 }
      if j < chars.count, chars[j].isNumber {
        i = j
        while i < chars.count, chars[i].isNumber { i += 1 }
      }
    }
    return i
  }

  /// A quoted text or name starting at the quote `from`; `\` escapes the next character.
  private static func scanQuoted(_ chars: [Character], from: Int, startColumn: Int) throws(SegmentaError)
    -> (String, Int)
  {
    let quote = chars[from]
    var value = ""
    var i = from + 1
    while i < chars.count {
      if chars[i] == "\\", i + 1 < chars.count {
        value.append(chars[i + 1])
        i += 2
      } else if chars[i] == quote {
        return (value, i + 1)
      } else {
        value.append(chars[i])
        i += 1
      }
    }
    let what = quote == "`" ? "name" : "text"
    throw .expression(
      column: startColumn + from, problem: "unterminated \(what) (opened here); close it with \(quote)")
  }

  /// What to write instead of a symbol borrowed from SQL or C, or `nil` when the symbol is not one of those.
  private static func foreignSymbolHint(_ two: String, single: String) -> String? {
    switch two {
    case "&&": return "'&&' is not an operator here; write 'and'"
    case "||": return "'||' is not an operator here; write 'or'"
    case "<>": return "'<>' is not an operator here; write '!='"
    default: break
    }
    switch single {
    case "=": return "'=' does not compare; write '==' to test equality"
    case "!": return "'!' alone is not an operator here; write 'not' (or '!=' to test inequality)"
    default: return nil
    }
  }
}
