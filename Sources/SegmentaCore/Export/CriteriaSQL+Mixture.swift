/// A Gaussian mixture's maximum-posterior rule in SQL: per component the log-density as a constant minus half a
/// sum of squared linear forms, with every parameter a round-trip literal — only +, −, × and comparisons, no `ln`
/// or `exp`, so SQLite, PostgreSQL and Spark compute in double precision what ``MixtureRule`` computes.
extension CriteriaSQL {
  /// Two `WITH` steps over the model features `columns` of step `from`: `linear` with zⱼₐ = Σ_{b ≤ a} Uⱼ[b, a]
  /// (x_b − μⱼ_b) (structural zeros of Uⱼ skipped, as ``MixtureRule/logDensities(ofRow:in:)`` does) and `scores`
  /// with lⱼ = cⱼ − 0.5 × Σₐ zⱼₐ², named `l1` … `lk`.
  /// - Complexity: O(k × d²) text.
  static func mixtureScores(_ rule: MixtureRule, _ columns: [String], from: String) -> [String] {
    let d = rule.means.columns
    var linear = ["segmenta_key"]
    var scores = ["segmenta_key"]
    for j in 0..<rule.k {
      var squares: [String] = []
      for a in 0..<d {
        let terms = (0...a).compactMap { b -> String? in
          let u = rule.precisionFactors[j * d * d + b * d + a]
          return u == 0 ? nil : "\(literal(u)) * (\(columns[b]) - \(literal(rule.means[j, b])))"
        }
        let name = "z\(j + 1)_\(a + 1)"
        linear.append(terms.joined(separator: "\n      + ") + " AS \(name)")
        squares.append("\(name) * \(name)")
      }
      scores.append(
        "\(literal(rule.constants[j])) - 0.5 * (" + squares.joined(separator: " + ") + ") AS l\(j + 1)")
    }
    return [
      "linear AS (\n  SELECT " + linear.joined(separator: ",\n    ") + "\n  FROM \(from)\n)",
      "scores AS (\n  SELECT " + scores.joined(separator: ",\n    ") + "\n  FROM linear\n)",
    ]
  }
}
