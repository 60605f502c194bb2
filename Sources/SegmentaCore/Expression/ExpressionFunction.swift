/// The functions an expression can call. Every function returns a missing value where an argument is missing
/// (except `missing` and `coalesce`, whose point is missing values, and `if`, which only looks at the branch its
/// condition picks).
public enum ExpressionFunction: String, CaseIterable, Sendable, Equatable {
  /// Natural logarithm; undefined (missing, with a warning) for x ≤ 0.
  case log
  /// Base-10 logarithm; undefined for x ≤ 0.
  case log10
  /// log(1 + x); undefined for x ≤ −1.
  case log1p
  /// eˣ.
  case exp
  /// Square root; undefined for x < 0.
  case sqrt
  /// Absolute value.
  case abs
  /// Rounded to the nearest whole number, halves away from zero.
  case round
  /// The smallest of two or more numbers (or dates).
  case min
  /// The largest of two or more numbers (or dates).
  case max
  /// `if(condition, a, b)`: a where the condition holds, b where it does not, missing where it is missing.
  case `if`
  /// The first of its arguments that is not missing.
  case coalesce
  /// Whether the argument is missing (true/false, never missing itself).
  case missing
  /// Calendar year of a date.
  case year
  /// Quarter 1…4 of a date.
  case quarter
  /// Month 1…12 of a date.
  case month
  /// Day of the month 1…31.
  case day
  /// ISO weekday of a date: Monday = 1 … Sunday = 7.
  case weekday
  /// A date from ISO text: `date("2025-06-30")`.
  case date

  /// The allowed number of arguments.
  public var arity: ClosedRange<Int> {
    switch self {
    case .min, .max, .coalesce: 2...64
    case .if: 3...3
    default: 1...1
    }
  }

  /// How it is called, for help texts: `log(x)`, `min(a, b, …)`.
  public var signature: String {
    switch self {
    case .min, .max, .coalesce: "\(rawValue)(a, b, …)"
    case .if: "if(condition, a, b)"
    case .year, .quarter, .month, .day, .weekday: "\(rawValue)(date)"
    case .date: "date(\"YYYY-MM-DD\")"
    default: "\(rawValue)(x)"
    }
  }
}
