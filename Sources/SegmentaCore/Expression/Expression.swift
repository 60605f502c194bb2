/// A parsed `derive`/`filter` expression: a tree whose nodes remember the column they were written at.
///
/// An expression is data: it is stored in a ``Derivation`` so a derived column can be computed again on new
/// customers. Parse one with ``ExpressionParser/parse(_:startColumn:)``, evaluate it with
/// ``ExpressionEvaluator``.
public struct Expression: Sendable, Equatable {
  /// What the node is.
  public let node: Node
  /// The 1-based column in the line it was typed in (for messages): of the operator for `a + b` and `x in (…)`, of
  /// the function name for calls, else of the node's first character.
  public let column: Int

  public init(_ node: Node, column: Int) {
    self.node = node
    self.column = column
  }

  /// The kinds of node.
  public indirect enum Node: Sendable, Equatable {
    /// A number literal.
    case number(Double)
    /// A text literal (`"A"` or `'A'`).
    case text(String)
    /// `true` or `false`.
    case boolean(Bool)
    /// A column of the table, by name.
    case column(String)
    /// `-x` or `not x`.
    case unary(UnaryOperator, Expression)
    /// `a + b`, `a < b`, `a and b`, …
    case binary(BinaryOperator, Expression, Expression)
    /// `x in (a, b, …)`, or `x not in (…)` when `negated`.
    case membership(Expression, [Expression], negated: Bool)
    /// A function call such as `log(x)`.
    case call(ExpressionFunction, [Expression])
  }

  /// Prefix operators.
  public enum UnaryOperator: String, Sendable, Equatable {
    case negate = "-"
    case not
  }

  /// Infix operators.
  public enum BinaryOperator: String, Sendable, Equatable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case power = "^"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case and
    case or

  }

  /// Names of the columns the expression reads, in order of first use.
  public var columnNames: [String] {
    var names: [String] = []
    func visit(_ e: Expression) {
      switch e.node {
      case .number, .text, .boolean: break
      case .column(let name): if !names.contains(name) { names.append(name) }
      case .unary(_, let x): visit(x)
      case .binary(_, let a, let b):
        visit(a)
        visit(b)
      case .membership(let x, let list, _):
        visit(x)
        list.forEach(visit)
      case .call(_, let arguments): arguments.forEach(visit)
      }
    }
    visit(self)
    return names
  }
}
