import SegmentaCore

extension CommandSpec {
  /// `expect EXPR`: the assertion that makes a session a CI test.
  static let expect = CommandSpec(
    name: "expect",
    usage: "expect VALUE OP NUMBER   (VALUE: VARIANT.silhouette|calinski_harabasz|davies_bouldin|dunn|"
      + "inertia|within_ss|k|rows|noise, size(VARIANT), rows(DATASET); OP: == != < <= > >=)",
    summary: "assert a value (exit code 4 when it does not hold, showing the actual value)",
    example: "expect km.k4.silhouette >= 0.3", arguments: [.variants]
  ) { command, context throws(SessionError) in
    let expression = command.text.drop { $0 != " " }.trimmingCharacters(in: .whitespaces)
    let operators = [">=", "<=", "==", "!=", ">", "<"]
    guard let op = operators.first(where: { expression.contains($0) }),
      let range = expression.range(of: op)
    else { throw .usage("expected a comparison such as `km.k4.silhouette >= 0.3`", column: nil) }
    let lhs = expression[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
    let rhsText = expression[range.upperBound...].trimmingCharacters(in: .whitespaces)
    guard let rhs = Double(rhsText) else {
      throw .usage("'\(rhsText)' is not a number; the right side of `expect` is a number", column: nil)
    }
    let actual = try expectValue(lhs, &context)
    let holds: Bool =
      switch op {
      case ">=": actual >= rhs
      case "<=": actual <= rhs
      case "==": actual == rhs
      case "!=": actual != rhs
      case ">": actual > rhs
      default: actual < rhs
      }
    let integral = actual == actual.rounded() && abs(actual) < 1e15
    let shown = "\(lhs) = \(integral ? NumberFormat.grouped(Int64(actual)) : context.numbers.format(actual))"
    guard holds else { throw .expectationFailed("\(shown), expected \(op) \(rhsText)") }
    context.print("ok: \(shown) \(op) \(rhsText)")
  }

  private static func expectValue(_ text: String, _ context: inout CommandContext) throws(SessionError) -> Double {
    if text.hasSuffix(")"), let open = text.firstIndex(of: "(") {
      let function = String(text[..<open])
      let argument = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
      switch function {
      case "size", "k": return Double(try context.workspace.variant(named: argument).result.k)
      case "rows": return Double(try context.workspace.dataset(named: argument).table.rowCount)
      default: throw .usage("unknown function '\(function)'; use size(VARIANT) or rows(DATASET)", column: nil)
      }
    }
    guard let dot = text.lastIndex(of: ".") else {
      throw .usage("'\(text)' is not a value; write VARIANT.METRIC, size(VARIANT) or rows(DATASET)", column: nil)
    }
    let name = String(text[..<dot])
    let metric = String(text[text.index(after: dot)...])
    let variant = try context.workspace.variant(named: name)
    let undefined = SessionError.failed(.insufficientData("\(metric) is undefined for \(name)"))
    switch metric {
    case "k": return Double(variant.result.k)
    case "rows": return Double(variant.result.labels.count)
    case "noise": return Double(variant.noiseCount)
    case "inertia":
      guard let inertia = variant.result.inertia else { throw undefined }
      return inertia
    case "within_ss": return try context.metrics(of: name).withinSS
    case "silhouette":
      guard let v = try context.metrics(of: name).silhouette else { throw undefined }
      return v
    case "calinski_harabasz", "ch":
      guard let v = try context.metrics(of: name).calinskiHarabasz else { throw undefined }
      return v
    case "davies_bouldin", "db":
      guard let v = try context.metrics(of: name).daviesBouldin else { throw undefined }
      return v
    case "dunn":
      guard let v = try context.metrics(of: name).dunn else { throw undefined }
      return v
    default:
      let known = [
        "silhouette", "calinski_harabasz", "davies_bouldin", "dunn", "inertia", "within_ss", "k", "rows", "noise",
      ]
      let hint = didYouMean(metric, among: known)
      throw .usage("unknown metric '\(metric)'\(hint); metrics: \(known.joined(separator: ", "))", column: nil)
    }
  }
}
