import Foundation

/// One step of a fitted recipe with its parameters frozen: what turns a column of training or new data into model
/// inputs. The same ``apply(to:)`` runs when a variant is fitted and when new customers are assigned, so the two
/// can never drift apart; SQL and PMML exports are generated from the same values.
public enum FittedOperation: Sendable, Equatable {
  /// A monotone function of one numeric column.
  case function(Function, column: String)
  /// Clip one numeric column to `[low, high]` (winsorizing with the training quantiles).
  case clip(column: String, low: Double, high: Double)
  /// Replace a column by one 0/1 indicator column per training level, named `column=level`.
  case oneHot(column: String, levels: [String])
  /// `(x − center) / spread`; a spread of 0 (a constant training column) maps every value to 0.
  case standardize(column: String, center: Double, spread: Double)

  /// The functions a `transform` step can apply, each with its domain.
  public enum Function: String, Sendable, Equatable {
    case log1p, log10, sqrt

    /// f(x), or `nil` outside the domain (log1p needs x > −1, log10 x > 0, sqrt x ≥ 0).
    public func value(_ x: Double) -> Double? {
      switch self {
      case .log1p: x > -1 ? Foundation.log1p(x) : nil
      case .log10: x > 0 ? Foundation.log10(x) : nil
      case .sqrt: x >= 0 ? x.squareRoot() : nil
      }
    }

    /// The domain in words, for messages.
    public var requirement: String {
      switch self {
      case .log1p: "values > -1"
      case .log10: "values > 0"
      case .sqrt: "values ≥ 0"
      }
    }
  }

  /// The column the operation reads.
  public var column: String {
    switch self {
    case .function(_, let c), .clip(let c, _, _), .oneHot(let c, _), .standardize(let c, _, _): c
    }
  }

  /// The scaled value of a standardisation (0 when the training column had no spread).
  public static func standardized(_ x: Double, center: Double, spread: Double) -> Double {
    spread > 0 ? (x - center) / spread : 0
  }

  /// The label one-hot encoding uses for row `row` of `column` (missing → empty text, as in training).
  static func level(_ column: Column, _ row: Int) -> String {
    column.isNumeric ? column.text(at: row) : column.string(at: row) ?? ""
  }

  /// Applies the operation to `columns` (other columns pass through in place).
  ///
  /// - Returns: the new columns and, per rejected row, why (a value outside a function's domain, a level not
  ///   seen in training); rejected rows hold NaN in the affected columns.
  /// - Complexity: O(rows) for the affected column (O(rows × levels) for one-hot).
  public func apply(to columns: [Column]) -> (columns: [Column], rejected: [(row: Int, reason: String)]) {
    var out: [Column] = []
    var rejected: [(row: Int, reason: String)] = []
    for c in columns {
      guard c.name == column else {
        out.append(c)
        continue
      }
      switch self {
      case .function(let f, _):
        let values = c.numbers.enumerated().map { i, x -> Double in
          if x.isNaN { return .nan }
          guard let y = f.value(x) else {
            rejected.append((i, "\(c.name) outside the domain of \(f.rawValue) (\(f.requirement))"))
            return .nan
          }
          return y
        }
        out.append(Column(name: c.name, numbers: ContiguousArray(values)))
      case .clip(_, let low, let high):
        out.append(Column(name: c.name, numbers: ContiguousArray(c.numbers.map { min(max($0, low), high) })))
      case .standardize(_, let center, let spread):
        out.append(
          Column(
            name: c.name,
            numbers: ContiguousArray(c.numbers.map { Self.standardized($0, center: center, spread: spread) })))
      case .oneHot(_, let levels):
        let labels = (0..<c.count).map { Self.level(c, $0) }
        for (i, label) in labels.enumerated() where !levels.contains(label) {
          rejected.append((i, label.isEmpty ? "\(c.name) missing" : "\(c.name) = '\(label)' not seen in training"))
        }
        let known = Set(levels)
        for level in levels {
          out.append(
            Column(
              name: "\(c.name)=\(level)",
              numbers: ContiguousArray(labels.map { known.contains($0) ? ($0 == level ? 1.0 : 0.0) : .nan })))
        }
      }
    }
    return (out, rejected)
  }
}
