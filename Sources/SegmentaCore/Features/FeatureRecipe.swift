/// The recorded way from a table's columns to the matrix a clustering sees: the selected columns, what to do
/// with missing values, and the transforms and scaling in the order the user gave them.
///
/// A recipe is data, so it can be re-applied to new customers (assignment) and exported with the criteria.
public struct FeatureRecipe: Sendable, Equatable {
  /// Selected columns, in order.
  public var columns: [String]
  /// How missing values are handled; `nil` = not decided yet (an error if any are present).
  public var missing: MissingPolicy?
  /// Transforms and scaling, in the order given.
  public var steps: [FeatureStep]
  /// Columns derived from others (`derive`), in the order made; new data gets them from
  /// ``applyingDerivations(to:)`` before ``apply(to:)``.
  public var derivations: [Derivation]

  public init(
    columns: [String] = [], missing: MissingPolicy? = nil, steps: [FeatureStep] = [], derivations: [Derivation] = []
  ) {
    self.columns = columns
    self.missing = missing
    self.steps = steps
    self.derivations = derivations
  }

  /// Applies the recipe to `table`, fitting scaling parameters on it.
  ///
  /// - Returns: the feature matrix, the rows it holds, and the per-column raw values for profiles.
  /// - Throws: ``SegmentaError`` for unknown columns, unhandled missing values, transforms outside their domain,
  ///   or categorical columns that were not one-hot encoded.
  /// - Complexity: O(rows × columns) plus sorting for quantile-based steps.
  public func apply(to table: Table) throws(SegmentaError) -> PreparedFeatures {
    guard !columns.isEmpty else { throw .notReady("no features selected; use `features COL…` first") }
    var working = try table.requireColumns(columns)
    let rows = try keptRows(working, rowCount: table.rowCount)
    working = working.map { $0.selecting(rows.lazy.map { Optional($0) }) }
    var fills = [Double?](repeating: nil, count: working.count)
    if let policy = missing, policy != .drop {
      for j in working.indices {
        (working[j], fills[j]) = try impute(working[j], policy)
      }
    }
    let raw = working
    var warnings: [String] = []
    var operations: [FittedOperation] = []
    for step in steps {
      let fitted: [FittedOperation]
      switch step {
      case .transform(let transform, let names):
        fitted = try FeatureTransforms.fit(transform, to: names, in: working)
      case .scale(let scaling):
        fitted = FeatureTransforms.fitScale(working, scaling, warnings: &warnings)
      }
      for operation in fitted { working = operation.apply(to: working).columns }
      operations += fitted
    }
    if let categorical = working.first(where: { !$0.isNumeric }) {
      throw .wrongColumnKind(
        column: categorical.name, actual: categorical.kind,
        expected: "numeric (use `transform onehot \(categorical.name)` to encode it)")
    }
    var values = ContiguousArray<Double>(repeating: 0, count: rows.count * working.count)
    for (j, column) in working.enumerated() {
      for i in 0..<rows.count { values[i * working.count + j] = column.numbers[i] }
    }
    let matrix = FeatureMatrix(rows: rows.count, columns: working.count, names: working.map(\.name), values: values)
    let inputs = zip(raw, fills).map { column, fill in
      FittedRecipe.Input(
        name: column.name, isNumeric: column.isNumeric, fill: fill,
        range: column.isNumeric ? column.numbers.min().flatMap { lo in column.numbers.max().map { lo...$0 } } : nil)
    }
    let fitted = FittedRecipe(
      derivations: derivations, inputs: inputs, operations: operations, outputNames: matrix.names)
    return PreparedFeatures(matrix: matrix, rowIndices: rows, rawColumns: raw, warnings: warnings, fitted: fitted)
  }

  /// Missing-value counts of the selected columns (only those with any), for the `features` command's warning.
  public func missingCounts(in table: Table) -> [SegmentaError.MissingCount] {
    columns.compactMap { table.column(named: $0) }.compactMap { c in
      let m = c.missingCount
      return m > 0 ? SegmentaError.MissingCount(column: c.name, missing: m, rows: c.count) : nil
    }
  }

  private func keptRows(_ columns: [Column], rowCount: Int) throws(SegmentaError) -> [Int] {
    let counts = columns.compactMap { c -> SegmentaError.MissingCount? in
      let m = c.missingCount
      return m > 0 ? SegmentaError.MissingCount(column: c.name, missing: m, rows: rowCount) : nil
    }
    if counts.isEmpty { return Array(0..<rowCount) }
    guard let policy = missing else { throw .missingValues(counts: counts) }
    guard policy == .drop else { return Array(0..<rowCount) }
    let kept = (0..<rowCount).filter { i in
      columns.allSatisfy { c in c.isNumeric ? !c.numbers[i].isNaN : c.string(at: i) != nil }
    }
    if kept.isEmpty { throw .insufficientData("every row has a missing feature value; nothing left to cluster") }
    return kept
  }

  /// The column with missing numbers filled, and the fill value, kept for new data even when training had no gap
  /// (`nil` for categorical columns: a missing category in new data cannot be assigned).
  private func impute(_ c: Column, _ policy: MissingPolicy) throws(SegmentaError) -> (Column, Double?) {
    guard c.isNumeric else { return (c, nil) }
    let present = c.numbers.filter { !$0.isNaN }
    guard !present.isEmpty else {
      throw .insufficientData(
        "column '\(c.name)' has no values to \(policy.name) from; remove it with `features -\(c.name)`")
    }
    let fill =
      policy == .imputeMean ? Statistics.mean(present) : Statistics.quantile(sorted: present.sorted(), 0.5)
    guard c.missingCount > 0 else { return (c, fill) }
    return (
      Column(name: c.name, kind: .numeric, numbers: ContiguousArray(c.numbers.map { $0.isNaN ? fill : $0 })), fill
    )
  }
}

/// A recipe applied to a table: the model's matrix plus what is needed to explain it in original units.
public struct PreparedFeatures: Sendable, Equatable {
  /// The transformed, scaled matrix the algorithms see.
  public let matrix: FeatureMatrix
  /// The table rows the matrix rows come from (rows dropped for missing values are absent).
  public let rowIndices: [Int]
  /// The selected columns in original units, restricted to ``rowIndices`` (after imputation).
  public let rawColumns: [Column]
  /// Notes produced while fitting (e.g. a constant column left unscaled).
  public let warnings: [String]
  /// The recipe with its fitted parameters, to prepare new data the same way.
  public let fitted: FittedRecipe
}
