import Foundation

extension ExpressionEvaluator {
  /// Evaluates a call of one of the ``ExpressionFunction``s (the parser has checked the argument count).
  mutating func call(_ function: ExpressionFunction, _ arguments: [Expression], at e: Expression, mask: Mask)
    throws(SegmentaError) -> ExpressionVector
  {
    let name = function.rawValue
    switch function {
    case .log, .log10, .log1p, .exp, .sqrt, .abs, .round:
      let v = try evaluate(arguments[0], mask: mask)
      try require(v, .number, arguments[0], for: name)
      let (f, problem) = Self.math(function)
      return ExpressionVector(.number, numbers: mapNumbers(v.numbers, at: e, mask, problem, f))
    case .min, .max:
      let values = try evaluateAll(arguments, mask: mask)
      let type = try sameType(values, arguments, for: name, allowed: [.number, .date])
      var out = values[0].numbers
      for v in values.dropFirst() {
        for i in 0..<out.count {
          out[i] = function == .min ? Swift.min(out[i], v.numbers[i]) : Swift.max(out[i], v.numbers[i])
          if v.numbers[i].isNaN { out[i] = .nan }
        }
      }
      return ExpressionVector(type, numbers: out)
    case .if:
      return try conditional(arguments, mask: mask)
    case .coalesce:
      let values = try evaluateAll(arguments, mask: mask)
      let type = try sameType(values, arguments, for: name, allowed: [.number, .date, .boolean, .text])
      if type == .text {
        return ExpressionVector(text: (0..<rowCount).map { i in values.lazy.compactMap { $0.strings[i] }.first })
      }
      return ExpressionVector(
        type,
        numbers: ContiguousArray(
          (0..<rowCount).map { i in values.lazy.map { $0.numbers[i] }.first { !$0.isNaN } ?? .nan }))
    case .missing:
      let v = try evaluate(arguments[0], mask: mask)
      return ExpressionVector(.boolean, numbers: ContiguousArray((0..<rowCount).map { v.isMissing($0) ? 1 : 0 }))
    case .year, .quarter, .month, .day, .weekday:
      let v = try evaluate(arguments[0], mask: mask)
      try require(v, .date, arguments[0], for: name)
      return ExpressionVector(.number, numbers: ContiguousArray(v.numbers.map { Self.datePart(function, $0) }))
    case .date:
      let v = try evaluate(arguments[0], mask: mask)
      try require(v, .text, arguments[0], for: name)
      var out = ContiguousArray<Double>(repeating: .nan, count: rowCount)
      var bad = 0
      for i in 0..<rowCount {
        guard let text = v.strings[i] else { continue }
        if let day = Self.isoDay(text) {
          out[i] = Double(day)
        } else if mask?[i] ?? true {
          bad += 1
        }
      }
      if bad > 0 {
        notes.append(ExpressionNote(column: e.column, rows: bad, problem: "date needs \"YYYY-MM-DD\" text"))
      }
      return ExpressionVector(.date, numbers: out)
    }
  }

  /// `if(condition, a, b)`: each branch is evaluated only for the rows whose value it decides, so notes count
  /// only those rows.
  private mutating func conditional(_ arguments: [Expression], mask: Mask) throws(SegmentaError) -> ExpressionVector {
    let condition = try evaluate(arguments[0], mask: mask)
    try require(condition, .boolean, arguments[0], for: "if")
    let c = condition.numbers
    let yes = ContiguousArray((0..<rowCount).map { c[$0] == 1 && (mask?[$0] ?? true) })
    let no = ContiguousArray((0..<rowCount).map { c[$0] == 0 && (mask?[$0] ?? true) })
    let branches = Array(arguments.dropFirst())
    let values = try evaluateAll(branches, mask: mask, masks: [yes, no])
    let type = try sameType(values, branches, for: "if", allowed: [.number, .date, .boolean, .text])
    if type == .text {
      return ExpressionVector(
        text: (0..<rowCount).map { c[$0].isNaN ? nil : (c[$0] == 1 ? values[0].strings[$0] : values[1].strings[$0]) })
    }
    return ExpressionVector(
      type,
      numbers: ContiguousArray(
        (0..<rowCount).map { c[$0].isNaN ? .nan : (c[$0] == 1 ? values[0].numbers[$0] : values[1].numbers[$0]) }))
  }

  /// The common type of a function's arguments, which must be one of `allowed`.
  private func sameType(
    _ values: [ExpressionVector], _ arguments: [Expression], for name: String, allowed: [ExpressionType]
  ) throws(SegmentaError) -> ExpressionType {
    let type = values[0].type
    guard allowed.contains(type) else {
      throw .expression(
        column: arguments[0].column,
        problem: "\(name) needs " + allowed.map(Self.article).joined(separator: " or ")
          + ", but \(Self.describe(arguments[0])) is \(type)")
    }
    for (argument, v) in zip(arguments, values) where v.type != type {
      throw .expression(
        column: argument.column,
        problem: "the values given to \(name) must all be \(Self.article(type)), but \(Self.describe(argument)) is "
          + "\(v.type)")
    }
    return type
  }

  /// The function and the note text for values outside its domain.
  private static func math(_ function: ExpressionFunction) -> ((Double) -> Double, String) {
    switch function {
    case .log: ({ Foundation.log($0) }, "log is undefined for values ≤ 0")
    case .log10: ({ Foundation.log10($0) }, "log10 is undefined for values ≤ 0")
    case .log1p: ({ Foundation.log1p($0) }, "log1p is undefined for values ≤ -1")
    case .exp: ({ Foundation.exp($0) }, "exp is too large for values > 709")
    case .sqrt: ({ $0.squareRoot() }, "sqrt is undefined for values < 0")
    case .abs: ({ Swift.abs($0) }, "")
    default: ({ $0.rounded(.toNearestOrAwayFromZero) }, "")
    }
  }

  /// Element-wise `f`; a non-finite result from a present value becomes missing and is counted in a note.
  private mutating func mapNumbers(
    _ x: ContiguousArray<Double>, at e: Expression, _ mask: Mask, _ problem: String, _ f: (Double) -> Double
  ) -> ContiguousArray<Double> {
    var out = ContiguousArray<Double>(repeating: .nan, count: x.count)
    var bad = 0
    for i in 0..<x.count where !x[i].isNaN {
      let r = f(x[i])
      if r.isFinite {
        out[i] = r
      } else if mask?[i] ?? true {
        bad += 1
      }
    }
    if bad > 0 { notes.append(ExpressionNote(column: e.column, rows: bad, problem: problem)) }
    return out
  }

  /// A part of the date `days` days after 1970-01-01 (missing stays missing).
  private static func datePart(_ function: ExpressionFunction, _ days: Double) -> Double {
    guard !days.isNaN else { return .nan }
    let day = Int(days)
    let date = CivilDate(daysSinceEpoch: day)
    switch function {
    case .year: return Double(date.year)
    case .quarter: return Double((date.month - 1) / 3 + 1)
    case .month: return Double(date.month)
    case .day: return Double(date.day)
    default:
      // 1970-01-01 was a Thursday (ISO weekday 4).
      return Double(((day % 7) + 7 + 3) % 7 + 1)
    }
  }
}
