import Foundation

/// Evaluates an ``Expression`` on a table a column at a time: every node produces one vector of values for all
/// rows, so the tree is walked once per evaluation, not once per row.
///
/// Missing values propagate (an operation with a missing operand is missing); comparisons with a missing operand
/// are missing, which `filter` treats as false; `and`/`or` follow three-valued logic (`false and missing` is
/// false, `true or missing` is true). Where an operation is undefined for present values (division by zero,
/// `log` of 0, overflow) the result is missing and an ``ExpressionNote`` counts the rows — only rows whose value
/// matters, so `if(x > 0, log(x), 0)` reports nothing. Text literals compared with or subtracted from dates are
/// read as ISO dates (`order_date >= "2025-01-01"`).
public struct ExpressionEvaluator {
  let table: Table
  var notes: [ExpressionNote] = []

  /// Rows whose value matters (`nil`: all rows), narrowed inside the branches of `if`.
  typealias Mask = ContiguousArray<Bool>?

  /// Evaluates `expression` on every row of `table`.
  /// - Throws: ``SegmentaError/expression(column:problem:)`` for unknown columns and operands of the wrong type,
  ///   pointing at the column of the offending part.
  /// - Complexity: O(rows × nodes).
  public static func evaluate(_ expression: Expression, on table: Table) throws(SegmentaError) -> ExpressionResult {
    var evaluator = ExpressionEvaluator(table: table)
    let vector = try evaluator.evaluate(expression, mask: nil)
    return ExpressionResult(type: vector.type, vector: vector, notes: evaluator.notes)
  }

  var rowCount: Int { table.rowCount }

  mutating func evaluate(_ e: Expression, mask: Mask) throws(SegmentaError) -> ExpressionVector {
    switch e.node {
    case .number(let v): return ExpressionVector(.number, numbers: ContiguousArray(repeating: v, count: rowCount))
    case .boolean(let b):
      return ExpressionVector(.boolean, numbers: ContiguousArray(repeating: b ? 1 : 0, count: rowCount))
    case .text(let s): return ExpressionVector(text: [String?](repeating: s, count: rowCount))
    case .column(let name): return try columnVector(name, at: e.column)
    case .unary(let op, let x): return try unary(op, x, mask: mask)
    case .binary(let op, let a, let b): return try binary(op, a, b, at: e, mask: mask)
    case .membership(let x, let list, let negated): return try membership(x, list, negated: negated, mask: mask)
    case .call(let function, let arguments): return try call(function, arguments, at: e, mask: mask)
    }
  }

  private func columnVector(_ name: String, at column: Int) throws(SegmentaError) -> ExpressionVector {
    guard let c = table.column(named: name) else {
      let hint = didYouMean(name, among: table.columns.map(\.name))
      throw .expression(
        column: column,
        problem: "unknown column '\(name)'\(hint); names with spaces or symbols go in backquotes: `my column`")
    }
    switch c.kind {
    case .numeric: return ExpressionVector(.number, numbers: c.numbers)
    case .date: return ExpressionVector(.date, numbers: c.numbers)
    case .categorical, .identifier: return ExpressionVector(text: c.strings)
    }
  }

  // MARK: Operators

  private mutating func unary(_ op: Expression.UnaryOperator, _ x: Expression, mask: Mask) throws(SegmentaError)
    -> ExpressionVector
  {
    let v = try evaluate(x, mask: mask)
    switch op {
    case .negate:
      try require(v, .number, x, for: "'-'")
      return ExpressionVector(.number, numbers: ContiguousArray(v.numbers.map { -$0 }))
    case .not:
      try require(v, .boolean, x, for: "'not'")
      return ExpressionVector(.boolean, numbers: ContiguousArray(v.numbers.map { 1 - $0 }))
    }
  }

  private mutating func binary(
    _ op: Expression.BinaryOperator, _ a: Expression, _ b: Expression, at e: Expression, mask: Mask
  ) throws(SegmentaError) -> ExpressionVector {
    let (va, vb) = try evaluatePair(a, b, mask: mask)
    let symbol = "'\(op.rawValue)'"
    switch op {
    case .and, .or:
      try require(va, .boolean, a, for: symbol)
      try require(vb, .boolean, b, for: symbol)
      return ExpressionVector(.boolean, numbers: Self.logic(op == .and, va.numbers, vb.numbers))
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
      return try compare(op, va, vb, a, b)
    case .add, .subtract:
      return try addOrSubtract(op, va, vb, a, b, at: e, mask: mask)
    case .multiply, .divide, .power:
      try require(va, .number, a, for: symbol)
      try require(vb, .number, b, for: symbol)
      let problem =
        switch op {
        case .divide: "division by zero"
        case .power: "'^' is undefined (a negative number to a fractional power) or too large"
        default: "the product is too large"
        }
      let f: (Double, Double) -> Double =
        switch op {
        case .divide: { $1 == 0 ? .nan : $0 / $1 }
        case .power: { Foundation.pow($0, $1) }
        default: { $0 * $1 }
        }
      return ExpressionVector(.number, numbers: zipNumbers(va.numbers, vb.numbers, at: e, mask, problem, f))
    }
  }

  /// Three-valued `and`/`or` on 1/0/NaN.
  private static func logic(_ isAnd: Bool, _ a: ContiguousArray<Double>, _ b: ContiguousArray<Double>)
    -> ContiguousArray<Double>
  {
    var out = ContiguousArray<Double>(repeating: .nan, count: a.count)
    for i in 0..<a.count {
      let (x, y) = (a[i], b[i])
      if isAnd {
        out[i] = x == 0 || y == 0 ? 0 : (x.isNaN || y.isNaN ? .nan : 1)
      } else {
        out[i] = x == 1 || y == 1 ? 1 : (x.isNaN || y.isNaN ? .nan : 0)
      }
    }
    return out
  }

  private mutating func addOrSubtract(
    _ op: Expression.BinaryOperator, _ va: ExpressionVector, _ vb: ExpressionVector, _ a: Expression,
    _ b: Expression, at e: Expression, mask: Mask
  ) throws(SegmentaError) -> ExpressionVector {
    let sign: Double = op == .add ? 1 : -1
    let symbol = "'\(op.rawValue)'"
    switch (va.type, vb.type) {
    case (.number, .number):
      return ExpressionVector(
        .number, numbers: zipNumbers(va.numbers, vb.numbers, at: e, mask, "the result is too large") { $0 + sign * $1 })
    case (.date, .date) where op == .subtract:
      return ExpressionVector(.number, numbers: zipNumbers(va.numbers, vb.numbers, at: e, mask, "") { $0 - $1 })
    case (.date, .number):
      return ExpressionVector(
        .date,
        numbers: zipNumbers(va.numbers, vb.numbers, at: e, mask, Self.dateRangeProblem) {
          Self.day($0 + sign * $1)
        })
    case (.number, .date) where op == .add:
      return ExpressionVector(
        .date,
        numbers: zipNumbers(va.numbers, vb.numbers, at: e, mask, Self.dateRangeProblem) { Self.day($0 + $1) })
    default:
      let (bad, badType) = va.type == .number || va.type == .date ? (b, vb.type) : (a, va.type)
      throw .expression(
        column: bad.column,
        problem: "\(symbol) works on numbers and dates (date - date = days, date ± days = date), but "
          + "\(Self.describe(bad)) is \(Self.article(badType))")
    }
  }

  private func compare(
    _ op: Expression.BinaryOperator, _ va: ExpressionVector, _ vb: ExpressionVector, _ a: Expression,
    _ b: Expression
  ) throws(SegmentaError) -> ExpressionVector {
    guard va.type == vb.type else {
      throw .expression(
        column: b.column,
        problem: "cannot compare \(Self.article(va.type)) with \(Self.article(vb.type)): \(Self.describe(a)) is "
          + "\(va.type), \(Self.describe(b)) is \(vb.type)"
          + (va.type == .date || vb.type == .date ? "; write dates as \"YYYY-MM-DD\"" : ""))
    }
    var out = ContiguousArray<Double>(repeating: .nan, count: rowCount)
    if va.type == .text || va.type == .boolean {
      guard op == .equal || op == .notEqual else {
        throw .expression(
          column: b.column,
          problem: "\(va.type) values can only be tested with == and != (or `in (…)`), not '\(op.rawValue)'")
      }
    }
    if va.type == .text {
      for i in 0..<rowCount {
        guard let x = va.strings[i], let y = vb.strings[i] else { continue }
        out[i] = (x == y) == (op == .equal) ? 1 : 0
      }
      return ExpressionVector(.boolean, numbers: out)
    }
    let test: (Double, Double) -> Bool =
      switch op {
      case .equal: { $0 == $1 }
      case .notEqual: { $0 != $1 }
      case .less: { $0 < $1 }
      case .lessOrEqual: { $0 <= $1 }
      case .greater: { $0 > $1 }
      default: { $0 >= $1 }
      }
    for i in 0..<rowCount {
      let (x, y) = (va.numbers[i], vb.numbers[i])
      if !x.isNaN, !y.isNaN { out[i] = test(x, y) ? 1 : 0 }
    }
    return ExpressionVector(.boolean, numbers: out)
  }

  private mutating func membership(_ x: Expression, _ list: [Expression], negated: Bool, mask: Mask)
    throws(SegmentaError) -> ExpressionVector
  {
    let values = try evaluateAll([x] + list, mask: mask)
    let left = values[0]
    guard left.type != .boolean else {
      throw .expression(column: x.column, problem: "`in (…)` tests numbers, dates or text, but this is true/false")
    }
    for (item, v) in zip(list, values.dropFirst()) where v.type != left.type {
      throw .expression(
        column: item.column,
        problem: "every value in the list must be \(Self.article(left.type)) like \(Self.describe(x)), but "
          + "\(Self.describe(item)) is \(v.type)")
    }
    var out = ContiguousArray<Double>(repeating: .nan, count: rowCount)
    for i in 0..<rowCount where !left.isMissing(i) {
      let found: Bool =
        left.type == .text
        ? values.dropFirst().contains { $0.strings[i] == left.strings[i] }
        : values.dropFirst().contains { $0.numbers[i] == left.numbers[i] }
      out[i] = found != negated ? 1 : 0
    }
    return ExpressionVector(.boolean, numbers: out)
  }

  // MARK: Helpers shared with the functions

  /// Both operands, reading a text literal as a date when the other operand is a date.
  mutating func evaluatePair(_ a: Expression, _ b: Expression, mask: Mask) throws(SegmentaError)
    -> (ExpressionVector, ExpressionVector)
  {
    let values = try evaluateAll([a, b], mask: mask)
    return (values[0], values[1])
  }

  /// Several operands, reading text literals as dates when any other operand is a date.
  mutating func evaluateAll(_ items: [Expression], mask: Mask, masks: [Mask]? = nil) throws(SegmentaError)
    -> [ExpressionVector]
  {
    var values: [ExpressionVector?] = Array(repeating: nil, count: items.count)
    for (i, item) in items.enumerated() where Self.textLiteral(item) == nil {
      values[i] = try evaluate(item, mask: masks?[i] ?? mask)
    }
    let anyDate = values.contains { $0?.type == .date }
    var result: [ExpressionVector] = []
    for (i, item) in items.enumerated() {
      if let v = values[i] {
        result.append(v)
      } else if anyDate, let text = Self.textLiteral(item) {
        result.append(try dateVector(text, at: item))
      } else {
        result.append(try evaluate(item, mask: masks?[i] ?? mask))
      }
    }
    return result
  }

  /// A date literal repeated for every row.
  func dateVector(_ text: String, at e: Expression) throws(SegmentaError) -> ExpressionVector {
    guard let day = Self.isoDay(text) else {
      throw .expression(column: e.column, problem: "\"\(text)\" is not a date; write dates as \"YYYY-MM-DD\"")
    }
    return ExpressionVector(.date, numbers: ContiguousArray(repeating: Double(day), count: rowCount))
  }

  /// The note for dates outside the years 1…9999.
  static let dateRangeProblem = "the date falls outside the years 1…9999"

  /// A whole day number (fractions of days dropped), or NaN outside the years 1…9999 (0001-01-01 is day −719,162,
  /// 9999-12-31 day 2,932,896), so dates always print and split into parts.
  static func day(_ value: Double) -> Double {
    let day = value.rounded(.down)
    return day >= -719_162 && day <= 2_932_896 ? day : .nan
  }

  /// Days since 1970-01-01 of an ISO `YYYY-MM-DD` text, or `nil`.
  static func isoDay(_ text: String) -> Int? { CivilDate(iso: text)?.daysSinceEpoch }

  static func textLiteral(_ e: Expression) -> String? {
    if case .text(let s) = e.node { return s }
    return nil
  }

  /// Element-wise `f`; a non-finite result from present operands becomes missing and is counted in a note.
  mutating func zipNumbers(
    _ a: ContiguousArray<Double>, _ b: ContiguousArray<Double>, at e: Expression, _ mask: Mask,
    _ problem: String, _ f: (Double, Double) -> Double
  ) -> ContiguousArray<Double> {
    var out = ContiguousArray<Double>(repeating: .nan, count: a.count)
    var bad = 0
    for i in 0..<a.count where !a[i].isNaN && !b[i].isNaN {
      let r = f(a[i], b[i])
      if r.isFinite {
        out[i] = r
      } else if mask?[i] ?? true {
        bad += 1
      }
    }
    if bad > 0 { notes.append(ExpressionNote(column: e.column, rows: bad, problem: problem)) }
    return out
  }

  /// Throws unless `v` has `type`, naming the operator or function that needs it.
  func require(_ v: ExpressionVector, _ type: ExpressionType, _ e: Expression, for what: String)
    throws(SegmentaError)
  {
    guard v.type != type else { return }
    throw .expression(
      column: e.column, problem: "\(what) needs \(Self.article(type)), but \(Self.describe(e)) is \(v.type)")
  }

  /// How a part of an expression is named in messages.
  static func describe(_ e: Expression) -> String {
    switch e.node {
    case .column(let name): "'\(name)'"
    case .text(let s): "\"\(s)\""
    case .number(let v): v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    case .boolean(let b): String(b)
    case .call(let f, _): "\(f.rawValue)(…)"
    case .binary(let op, _, _): "the result of '\(op.rawValue)' at column \(e.column)"
    default: "the part at column \(e.column)"
    }
  }

  static func article(_ type: ExpressionType) -> String {
    switch type {
    case .number: "a number"
    case .date: "a date"
    case .boolean: "true/false"
    case .text: "text"
    }
  }
}
