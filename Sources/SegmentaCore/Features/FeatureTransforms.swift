import Foundation

/// The arithmetic of ``FeatureStep``s on columns (restricted to the rows being clustered).
enum FeatureTransforms {
  /// Applies a per-column transform to the named columns of `columns`.
  static func apply(_ transform: FeatureStep.Transform, to names: [String], in columns: [Column])
    throws(SegmentaError) -> [Column]
  {
    var result: [Column] = []
    for column in columns {
      guard names.contains(column.name) else {
        result.append(column)
        continue
      }
      if transform == .onehot {
        result.append(contentsOf: try oneHot(column))
        continue
      }
      guard column.kind == .numeric else {
        throw .wrongColumnKind(column: column.name, actual: column.kind, expected: "numeric for `\(transform.name)`")
      }
      result.append(Column(name: column.name, kind: .numeric, numbers: try map(column, transform)))
    }
    return result
  }

  private static func map(_ column: Column, _ transform: FeatureStep.Transform) throws(SegmentaError)
    -> ContiguousArray<Double>
  {
    let x = column.numbers
    func requireAll(_ ok: (Double) -> Bool, _ domain: String) throws(SegmentaError) {
      let bad = x.filter { !ok($0) }
      if let first = bad.first {
        throw .outsideDomain(
          transform: transform.name, column: column.name, count: bad.count, example: first, requirement: domain)
      }
    }
    switch transform {
    case .log1p:
      try requireAll({ $0 > -1 }, "values > -1")
      return ContiguousArray(x.map { log1p($0) })
    case .log10:
      try requireAll({ $0 > 0 }, "values > 0")
      return ContiguousArray(x.map { log10($0) })
    case .sqrt:
      try requireAll({ $0 >= 0 }, "values ≥ 0")
      return ContiguousArray(x.map { $0.squareRoot() })
    case .winsorize(let p):
      let sorted = x.sorted()
      let low = Statistics.quantile(sorted: sorted, p)
      let high = Statistics.quantile(sorted: sorted, 1 - p)
      return ContiguousArray(x.map { min(max($0, low), high) })
    case .onehot:
      preconditionFailure("one-hot is handled by oneHot(_:)")
    }
  }

  private static func oneHot(_ column: Column) throws(SegmentaError) -> [Column] {
    let labels: [String] =
      column.isNumeric ? (0..<column.count).map { column.text(at: $0) } : column.strings.map { $0 ?? "" }
    let levels = Array(Set(labels)).sorted()
    guard levels.count <= 200 else {
      throw .invalidParameter(
        name: "transform onehot \(column.name)", value: "\(levels.count) levels",
        expected: "at most 200 levels; group rare levels first")
    }
    return levels.map { level in
      Column(
        name: "\(column.name)=\(level)", kind: .numeric,
        numbers: ContiguousArray(labels.map { $0 == level ? 1.0 : 0.0 }))
    }
  }

  /// Scales every column; constant columns become 0 with a warning instead of dividing by zero.
  static func scale(_ columns: [Column], _ scaling: FeatureStep.Scaling, warnings: inout [String]) -> [Column] {
    columns.map { column in
      guard column.kind == .numeric else { return column }
      let x = column.numbers
      let (center, spread): (Double, Double)
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
      guard spread > 0, spread.isFinite else {
        warnings.append("column '\(column.name)' has no spread; scaled to 0")
        return Column(name: column.name, kind: .numeric, numbers: ContiguousArray(repeating: 0, count: x.count))
      }
      return Column(name: column.name, kind: .numeric, numbers: ContiguousArray(x.map { ($0 - center) / spread }))
    }
  }
}
