/// A column computed from others (`derive NAME = EXPR`), kept as data — the parsed expression and its text —
/// so the same column can be computed again on new customers when they are assigned to segments.
public struct Derivation: Sendable, Equatable {
  /// The new column's name.
  public let name: String
  /// The parsed expression.
  public let expression: Expression
  /// The expression as typed.
  public let text: String

  /// Parses `text` as the derivation of column `name`.
  /// - Parameter startColumn: the column of `text`'s first character in its line, for error positions.
  /// - Throws: ``SegmentaError/expression(column:problem:)`` for a name that is not a plain identifier (or is a
  ///   keyword) and for syntax errors.
  public init(name: String, text: String, startColumn: Int = 1) throws(SegmentaError) {
    guard Self.isValidName(name) else {
      throw .invalidParameter(
        name: "derive", value: "'\(name)'",
        expected: "a new column name of letters, digits and _ that starts with a letter and is not "
          + Self.reservedWords.joined(separator: "/"))
    }
    self.name = name
    self.text = text
    self.expression = try ExpressionParser.parse(text, startColumn: startColumn)
  }

  /// Words an expression reads as operators, so they cannot name a column.
  public static let reservedWords = ExpressionLexer.keywords.sorted()

  /// Whether `name` can name a derived column: letters, digits and `_`, starting with a letter or `_`, not one of
  /// ``reservedWords`` (so an expression can use it without backquotes).
  public static func isValidName(_ name: String) -> Bool {
    guard let first = name.first, first.isLetter || first == "_" else { return false }
    return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && !ExpressionLexer.keywords.contains(name)
  }

  /// `table` with the derived column added (or replaced), and what the evaluation noticed.
  /// - Throws: ``SegmentaError/expression(column:problem:)`` for unknown columns and type errors.
  /// - Complexity: O(rows × expression nodes).
  public func apply(to table: Table) throws(SegmentaError) -> (table: Table, result: ExpressionResult) {
    let result = try ExpressionEvaluator.evaluate(expression, on: table)
    var out = table
    out.setColumn(result.column(named: name))
    return (out, result)
  }
}

extension FeatureRecipe {
  /// `table` with every recorded derivation computed again, in the order they were made (a later one may use an
  /// earlier one). This is how derived features reach new data: call it before ``apply(to:)`` on a table that has
  /// only the source columns.
  /// - Throws: ``SegmentaError`` when a column a derivation needs is missing or has another type.
  public func applyingDerivations(to table: Table) throws(SegmentaError) -> Table {
    var out = table
    for derivation in derivations { out = try derivation.apply(to: out).table }
    return out
  }
}
