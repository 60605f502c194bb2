/// Parses `derive`/`filter` expressions by precedence climbing (Pratt 1973, "Top down operator precedence").
///
/// From loosest to tightest: `or` · `and` · `not` · comparisons `== != < <= > >=` and `in (…)`/`not in (…)`
/// (which do not chain) · `+ -` · `* /` · unary `-` · `^` (right-associative, so `-x^2` is `-(x^2)`) · calls,
/// names, literals and parentheses.
public enum ExpressionParser {
  /// The expression in `text`.
  /// - Parameters:
  ///   - text: the expression.
  ///   - startColumn: the 1-based column of `text`'s first character in the line it came from, so errors and
  ///     node positions point into that line.
  /// - Throws: ``SegmentaError/expression(column:problem:)`` naming the column of the offending token.
  public static func parse(_ text: String, startColumn: Int = 1) throws(SegmentaError) -> Expression {
    var parser = Parser(tokens: try ExpressionLexer.tokens(text, startColumn: startColumn))
    if case .end = parser.peek.kind {
      throw .expression(column: startColumn, problem: "the expression is empty; write e.g. `revenue / employees`")
    }
    let expression = try parser.parse(minimumPower: 0)
    guard case .end = parser.peek.kind else {
      throw .expression(
        column: parser.peek.column,
        problem: "unexpected \(Parser.describe(parser.peek)) after a complete expression; is an operator missing?")
    }
    return expression
  }
}

/// The parser's state: the tokens and the position in them.
private struct Parser {
  let tokens: [ExpressionToken]
  var index = 0

  var peek: ExpressionToken { tokens[index] }

  mutating func advance() -> ExpressionToken {
    let token = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  /// Binding powers of infix operators (higher binds tighter).
  static func infixPower(_ kind: ExpressionToken.Kind) -> Int? {
    switch kind {
    case .keyword("or"): 1
    case .keyword("and"): 2
    case .keyword("in"), .keyword("not"): 4
    case .symbol("=="), .symbol("!="), .symbol("<"), .symbol("<="), .symbol(">"), .symbol(">="): 4
    case .symbol("+"), .symbol("-"): 5
    case .symbol("*"), .symbol("/"): 6
    case .symbol("^"): 8
    default: nil
    }
  }

  mutating func parse(minimumPower: Int) throws(SegmentaError) -> Expression {
    var left = try prefix()
    var comparedAt: Int?
    while let power = Self.infixPower(peek.kind), power > minimumPower {
      let token = advance()
      if power == 4 {
        if let first = comparedAt {
          throw .expression(
            column: token.column,
            problem: "comparisons do not chain (the first is at column \(first)); combine them with `and`")
        }
        comparedAt = token.column
      }
      switch token.kind {
      case .keyword("in"):
        left = Expression(.membership(left, try list(after: token), negated: false), column: token.column)
      case .keyword("not"):
        let inToken = advance()
        guard case .keyword("in") = inToken.kind else {
          throw .expression(
            column: token.column, problem: "'not' here must be followed by 'in (…)'; to negate, put 'not' first")
        }
        left = Expression(.membership(left, try list(after: inToken), negated: true), column: token.column)
      case .keyword(let word), .symbol(let word):
        guard let op = Expression.BinaryOperator(rawValue: word) else {
          preconditionFailure("infixPower only matches operators")
        }
        let right = try parse(minimumPower: op == .power ? power - 1 : power)
        left = Expression(.binary(op, left, right), column: token.column)
      default:
        preconditionFailure("infixPower only matches keywords and symbols")
      }
    }
    return left
  }

  /// A value: literal, name, call, parenthesised expression, or a prefix operator applied to one.
  mutating func prefix() throws(SegmentaError) -> Expression {
    let token = advance()
    switch token.kind {
    case .number(let v): return Expression(.number(v), column: token.column)
    case .text(let s): return Expression(.text(s), column: token.column)
    case .keyword("true"): return Expression(.boolean(true), column: token.column)
    case .keyword("false"): return Expression(.boolean(false), column: token.column)
    case .keyword("not"): return Expression(.unary(.not, try parse(minimumPower: 3)), column: token.column)
    case .symbol("-"): return Expression(.unary(.negate, try parse(minimumPower: 7)), column: token.column)
    case .symbol("("):
      let inner = try parse(minimumPower: 0)
      try expect(")", opened: token)
      return inner
    case .name(let name, let quoted):
      if !quoted, case .symbol("(") = peek.kind { return try call(name, at: token) }
      return Expression(.column(name), column: token.column)
    case .end:
      throw .expression(column: token.column, problem: "the expression ends too early: expected a value")
    default:
      throw .expression(column: token.column, problem: "expected a value, found \(Self.describe(token))")
    }
  }

  /// A call `name(arg, …)`, the name already read.
  mutating func call(_ name: String, at token: ExpressionToken) throws(SegmentaError) -> Expression {
    guard let function = ExpressionFunction(rawValue: name) else {
      let names = ExpressionFunction.allCases.map(\.rawValue)
      throw .expression(
        column: token.column,
        problem: "unknown function '\(name)'\(didYouMean(name, among: names)); functions: "
          + names.joined(separator: ", "))
    }
    let open = advance()
    var arguments: [Expression] = []
    if case .symbol(")") = peek.kind {
      _ = advance()
    } else {
      arguments = try commaSeparated(opened: open)
    }
    guard function.arity.contains(arguments.count) else {
      let expected =
        function.arity.count == 1
        ? "\(function.arity.lowerBound) argument\(function.arity.lowerBound == 1 ? "" : "s")"
        : "at least \(function.arity.lowerBound) arguments"
      throw .expression(
        column: token.column,
        problem: "\(name) takes \(expected), got \(arguments.count): \(function.signature)")
    }
    return Expression(.call(function, arguments), column: token.column)
  }

  /// The parenthesised list after `in`.
  mutating func list(after inToken: ExpressionToken) throws(SegmentaError) -> [Expression] {
    let open = advance()
    guard case .symbol("(") = open.kind else {
      throw .expression(column: open.column, problem: "'in' must be followed by a list such as (\"A\", \"B\")")
    }
    if case .symbol(")") = peek.kind {
      throw .expression(column: peek.column, problem: "the list after 'in' is empty; name at least one value")
    }
    return try commaSeparated(opened: open)
  }

  /// `a, b, …)` after an opening parenthesis.
  mutating func commaSeparated(opened: ExpressionToken) throws(SegmentaError) -> [Expression] {
    var items: [Expression] = []
    while true {
      items.append(try parse(minimumPower: 0))
      if case .symbol(",") = peek.kind {
        _ = advance()
        continue
      }
      try expect(")", opened: opened)
      return items
    }
  }

  mutating func expect(_ symbol: String, opened: ExpressionToken) throws(SegmentaError) {
    let token = advance()
    guard token.kind == .symbol(symbol) else {
      throw .expression(
        column: token.column,
        problem: "expected '\(symbol)' to close the '(' at column \(opened.column), found \(Self.describe(token))")
    }
  }

  /// A token as named in messages.
  static func describe(_ token: ExpressionToken) -> String {
    switch token.kind {
    case .number(let v): "the number \(v)"
    case .text(let s): "the text \"\(s)\""
    case .name(let n, _): "'\(n)'"
    case .keyword(let k), .symbol(let k): "'\(k)'"
    case .end: "the end"
    }
  }
}
