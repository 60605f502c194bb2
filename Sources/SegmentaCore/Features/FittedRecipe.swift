/// A ``FeatureRecipe`` fitted on training data: the derivations, the input columns with their imputation values
/// and training ranges, and the operations with frozen parameters (winsorize bounds, one-hot levels, scaling
/// centre and spread). It turns new customers into exactly the model inputs the training rows got, and it is what
/// SQL and PMML exports inline.
public struct FittedRecipe: Sendable, Equatable {
  /// One selected column as the model reads it.
  public struct Input: Sendable, Equatable {
    /// The column name.
    public let name: String
    /// Whether the column holds numbers (else categories, which must be one-hot encoded).
    public let isNumeric: Bool
    /// The value a missing number is replaced by (`missing impute …`); `nil` = a missing value cannot be used.
    public let fill: Double?
    /// Smallest and largest training value (after imputation), for numeric inputs.
    public let range: ClosedRange<Double>?
  }

  /// Derived columns computed first, in the order they were made.
  public let derivations: [Derivation]
  /// The selected columns, in order.
  public let inputs: [Input]
  /// The fitted operations, in the order the user gave the steps.
  public let operations: [FittedOperation]
  /// The model's feature names (the matrix columns), in order.
  public let outputNames: [String]

  /// New data turned into model inputs.
  public struct Transformed: Sendable {
    /// One row per table row; rows that could not be transformed hold NaN.
    public let matrix: FeatureMatrix
    /// The inputs in original units after imputation (NaN where missing and not imputed), one per input.
    public let raw: [Column]
    /// Why a row cannot be assigned (`nil` = it can), per table row.
    public let rejected: [String?]
    /// Numeric inputs outside the training range, per table row (assigned, but extrapolated).
    public let outsideRange: [[String]]
  }

  /// Applies the recipe with its frozen parameters to `table` (which needs the source columns; derivations are
  /// computed here).
  ///
  /// Rows with a missing input that has no imputation value, a value outside a transform's domain or a category
  /// not seen in training are rejected with the reason — never guessed.
  /// - Throws: ``SegmentaError`` when a column is absent or has the wrong type, or a derivation fails.
  /// - Complexity: O(rows × (inputs + operations)), O(rows × levels) for one-hot columns.
  public func transform(_ table: Table) throws(SegmentaError) -> Transformed {
    let source = try applyingDerivations(to: table)
    let n = source.rowCount
    var rejected = [String?](repeating: nil, count: n)
    var outside = [[String]](repeating: [], count: n)
    func reject(_ row: Int, _ reason: String) { if rejected[row] == nil { rejected[row] = reason } }
    var working: [Column] = []
    for input in inputs {
      let column = try source.requireColumn(input.name)
      guard column.isNumeric == input.isNumeric else {
        throw .wrongColumnKind(
          column: input.name, actual: column.kind, expected: input.isNumeric ? "numeric" : "categorical")
      }
      guard input.isNumeric else {
        working.append(column)
        continue
      }
      var values = column.numbers
      for i in 0..<n where values[i].isNaN {
        if let fill = input.fill { values[i] = fill } else { reject(i, "\(input.name) missing") }
      }
      if let range = input.range {
        for i in 0..<n where !values[i].isNaN && !range.contains(values[i]) { outside[i].append(input.name) }
      }
      working.append(Column(name: input.name, kind: column.kind, numbers: values))
    }
    let raw = working
    for operation in operations {
      let step = operation.apply(to: working)
      working = step.columns
      for (row, reason) in step.rejected { reject(row, reason) }
    }
    var values = ContiguousArray<Double>(repeating: .nan, count: n * working.count)
    for (j, column) in working.enumerated() where column.isNumeric {
      for i in 0..<n where rejected[i] == nil { values[i * working.count + j] = column.numbers[i] }
    }
    let matrix = FeatureMatrix(rows: n, columns: working.count, names: working.map(\.name), values: values)
    return Transformed(matrix: matrix, raw: raw, rejected: rejected, outsideRange: outside)
  }

  /// The recorded derivations applied to `table` in order.
  func applyingDerivations(to table: Table) throws(SegmentaError) -> Table {
    try FeatureRecipe(derivations: derivations).applyingDerivations(to: table)
  }
}
