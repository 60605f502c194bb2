/// Fitting ``FeatureStep``s on training columns: each step becomes ``FittedOperation``s with frozen parameters,
/// which are then applied with ``FittedOperation/apply(to:)`` — the only place the arithmetic lives.
enum FeatureTransforms {
  /// Fits a per-column transform of the named columns.
  /// - Throws: ``SegmentaError`` for categorical columns under a numeric transform, values outside a function's
  ///   domain, or more than 200 one-hot levels.
  static func fit(_ transform: FeatureStep.Transform, to names: [String], in columns: [Column])
    throws(SegmentaError) -> [FittedOperation]
  {
    var operations: [FittedOperation] = []
    for column in columns where names.contains(column.name) {
      if transform == .onehot {
        operations.append(try oneHot(column))
        continue
      }
      guard column.kind == .numeric else {
        throw .wrongColumnKind(column: column.name, actual: column.kind, expected: "numeric for `\(transform.name)`")
      }
      switch transform {
      case .log1p, .log10, .sqrt:
        let function = FittedOperation.Function(rawValue: transform.name) ?? .sqrt
        let bad = column.numbers.filter { !$0.isNaN && function.value($0) == nil }
        if let first = bad.first {
          throw .outsideDomain(
            transform: transform.name, column: column.name, count: bad.count, example: first,
            requirement: function.requirement)
        }
        operations.append(.function(function, column: column.name))
      case .winsorize(let p):
        let sorted = column.numbers.sorted()
        operations.append(
          .clip(
            column: column.name, low: Statistics.quantile(sorted: sorted, p),
            high: Statistics.quantile(sorted: sorted, 1 - p)))
      case .onehot:
        preconditionFailure("one-hot is handled above")
      }
    }
    return operations
  }

  private static func oneHot(_ column: Column) throws(SegmentaError) -> FittedOperation {
    let levels = Array(Set((0..<column.count).map { FittedOperation.level(column, $0) })).sorted()
    guard levels.count <= 200 else {
      throw .invalidParameter(
        name: "transform onehot \(column.name)", value: "\(levels.count) levels",
        expected: "at most 200 levels; group rare levels first")
    }
    return .oneHot(column: column.name, levels: levels)
  }

  /// Fits a scaling of every numeric column; constant columns get spread 0 (scaled to 0) with a warning instead of
  /// a division by zero.
  static func fitScale(_ columns: [Column], _ scaling: FeatureStep.Scaling, warnings: inout [String])
    -> [FittedOperation]
  {
    columns.filter { $0.kind == .numeric }.map { column in
      let x = column.numbers
      var (center, spread): (Double, Double)
      switch scaling {
      case .zscore(let ddof):
        (center, spread) = (Statistics.mean(x), Statistics.standardDeviation(x, ddof: ddof))
      case .robust:
        let sorted = x.sorted()
        (center, spread) = (
          Statistics.quantile(sorted: sorted, 0.5),
          Statistics.quantile(sorted: sorted, 0.75) - Statistics.quantile(sorted: sorted, 0.25)
        )
      case .minmax:
        let lo = x.min() ?? 0
        (center, spread) = (lo, (x.max() ?? 0) - lo)
      }
      if !(spread > 0 && spread.isFinite) {
        warnings.append("column '\(column.name)' has no spread; scaled to 0")
        (center, spread) = (center.isFinite ? center : 0, 0)
      }
      return .standardize(column: column.name, center: center, spread: spread)
    }
  }
}
