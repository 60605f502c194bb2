/// The rows of a table for which a condition holds (`filter EXPR`): a missing result (a comparison with a
/// missing value) counts as false, so those rows are dropped.
public enum RowFilter {
  /// The rows kept and how many were dropped because the condition was missing rather than false.
  public struct Result: Sendable, Equatable {
    /// Indices of the kept rows, ascending.
    public let rows: [Int]
    /// Dropped rows whose condition was missing (a missing value in a comparison).
    public let missing: Int
    /// Rows that became missing because an operation was undefined (division by zero, …).
    public let notes: [ExpressionNote]
  }

  /// Evaluates `condition` on `table`.
  /// - Throws: ``SegmentaError/expression(column:problem:)`` when the expression is not true/false or fails to
  ///   evaluate.
  public static func rows(matching condition: Expression, in table: Table) throws(SegmentaError) -> Result {
    let result = try ExpressionEvaluator.evaluate(condition, on: table)
    guard result.type == .boolean else {
      throw .expression(
        column: condition.column,
        problem: "filter needs a condition (true/false), but this is \(ExpressionEvaluator.article(result.type)); "
          + "compare it, e.g. `x > 0`")
    }
    let values = result.vector.numbers
    return Result(
      rows: values.indices.filter { values[$0] == 1 }, missing: values.filter(\.isNaN).count, notes: result.notes)
  }
}
