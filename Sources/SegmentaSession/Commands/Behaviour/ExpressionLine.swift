import SegmentaCore

/// The expression part of a `derive`/`filter` line, read from the raw text so `a==b`, quotes and parentheses
/// reach the expression parser unchanged, with the column it starts at so errors point into the typed line.
struct ExpressionLine {
  /// The expression text.
  let text: String
  /// The 1-based column of the expression's first character in the line.
  let column: Int

  /// For `filter EXPR [as NAME]`: everything after the verb, up to a trailing `as NAME`.
  static func afterVerb(_ command: ParsedCommand) throws(SessionError) -> ExpressionLine {
    let chars = Array(command.text)
    var i = skipBlanks(chars, from: 0)
    while i < chars.count, chars[i] != " ", chars[i] != "\t" { i += 1 }
    var end = chars.count
    if command.alias != nil {
      let words = try Lexer.words(command.text)
      end = words[words.count - 2].column - 1
    }
    return ExpressionLine(chars, from: skipBlanks(chars, from: i), to: end)
  }

  /// For `derive NAME = EXPR`: the name and the expression after the first `=`.
  static func assignment(_ command: ParsedCommand) throws(SessionError) -> (
    name: String, nameColumn: Int, ExpressionLine
  ) {
    let chars = Array(command.text)
    var i = skipBlanks(chars, from: 0)
    while i < chars.count, chars[i] != " ", chars[i] != "\t" { i += 1 }
    i = skipBlanks(chars, from: i)
    let nameStart = i
    while i < chars.count, chars[i] != " ", chars[i] != "\t", chars[i] != "=" { i += 1 }
    let name = String(chars[nameStart..<i])
    i = skipBlanks(chars, from: i)
    guard !name.isEmpty, i < chars.count, chars[i] == "=", i + 1 >= chars.count || chars[i + 1] != "=" else {
      throw .usage("expected `derive NAME = EXPR`, e.g. `derive aov = monetary / frequency`", column: i + 1)
    }
    return (name, nameStart + 1, ExpressionLine(chars, from: skipBlanks(chars, from: i + 1), to: chars.count))
  }

  private init(_ chars: [Character], from start: Int, to end: Int) {
    var stop = max(start, end)
    while stop > start, chars[stop - 1] == " " || chars[stop - 1] == "\t" { stop -= 1 }
    text = String(chars[start..<stop])
    column = start + 1
  }

  private static func skipBlanks(_ chars: [Character], from: Int) -> Int {
    var i = from
    while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
    return i
  }
}

extension CommandSpec {
  /// The expression vocabulary for the usage of `derive` and `filter` (docs/expressions.md has the details).
  static let expressionVocabulary =
    "(EXPR: columns, numbers, \"text\", + - * / ^ == != < <= > >= and or not in (…); "
    + ExpressionFunction.allCases.map(\.rawValue).joined(separator: " ") + "; see docs/expressions.md)"
}
