import Foundation

/// Segment criteria as one SQL view: the recorded preprocessing inlined step by step (imputation with
/// `COALESCE`, `ln(1 + x)` for log1p, winsorize bounds, one-hot indicators, scaling) and the rule as a `CASE`:
/// tree rules, the nearest centre, or a Gaussian mixture's largest log-density (``mixtureScores(_:_:from:)``).
///
/// Written for SQLite (3.35+ with math functions, as Debian and GRDB ship it), PostgreSQL and Spark SQL: only
/// `WITH`, `CASE`, `COALESCE`, `ln`, `log10` and `sqrt`. Thresholds and parameters are printed with round-trip
/// precision, so a database computing in double precision reproduces the in-tool assignment exactly; every
/// missing or out-of-domain input gives `NULL` explicitly instead of a guessed segment.
public enum CriteriaSQL {
  /// The `CREATE VIEW` statement (with a comment header) that adds a `segment` column to `table`'s key.
  ///
  /// - Parameters:
  ///   - table: the source table holding the input columns (in the CRM database).
  ///   - key: the column identifying a row, passed through.
  ///   - view: the view's name.
  ///   - title: a comment line describing the variant.
  /// - Throws: ``SegmentaError/notReady(_:)`` for a one-hot encoded numeric column (its text form is not
  ///   portable SQL) and for a density variant's own rule (it needs every core point; its tree has a SQL form).
  /// - Complexity: O(operations × columns + k × d) text.
  public static func view(
    _ criteria: SegmentCriteria, table: String, key: String, view: String, title: String
  ) throws(SegmentaError) -> String {
    for case .oneHot(let name, _) in criteria.recipe.operations
    where criteria.recipe.inputs.contains(where: { $0.name == name && $0.isNumeric }) {
      throw .notReady("the SQL export cannot one-hot encode the numeric column '\(name)'; derive a text column first")
    }
    var ctes: [String] = []
    var columns: [(name: String, sql: String)] = []
    var inputSelect: [String] = []
    for (i, input) in criteria.recipe.inputs.enumerated() {
      let alias = "c\(i + 1)"
      let source = identifier(input.name)
      inputSelect.append("\(input.fill.map { "COALESCE(\(source), \(literal($0)))" } ?? source) AS \(alias)")
      columns.append((input.name, alias))
    }
    ctes.append(
      "inputs AS (\n  SELECT \(identifier(key)) AS segmenta_key,\n    "
        + inputSelect.joined(separator: ",\n    ") + "\n  FROM \(identifier(table))\n)")
    switch criteria.rule {
    case .tree(let tree):
      var branches: [String] = []
      for rule in tree.rules {
        let conditions = rule.conditions.flatMap { c -> [String] in
          let x = columns.first { $0.name == tree.features[c.feature] }?.sql ?? identifier(tree.features[c.feature])
          return (c.lower.map { ["\(x) > \(literal($0))"] } ?? []) + (c.upper.map { ["\(x) <= \(literal($0))"] } ?? [])
        }
        let condition = conditions.isEmpty ? "1 = 1" : conditions.joined(separator: " AND ")
        branches.append("WHEN \(condition) THEN \(string(criteria.labels[rule.segment]))")
      }
      // A NULL on the row's path makes its rule NULL and every other rule false: no rule matches.
      branches.append("ELSE NULL")
      return header(title, view) + "WITH " + ctes.joined(separator: ",\n") + "\nSELECT segmenta_key AS "
        + identifier(key) + ",\n  CASE\n    " + branches.joined(separator: "\n    ")
        + "\n  END AS segment\nFROM inputs;\n"
    case .centroids(let nearest):
      let space = try modelSpace(criteria.recipe.operations, &ctes, columns, from: "inputs")
      var distances: [String] = ["segmenta_key"]
      for s in 0..<nearest.centres.rows {
        let terms = space.columns.enumerated().map { j, column in
          let diff = "(\(column.sql) - \(literal(nearest.centres[s, j])))"
          return "\(diff) * \(diff)"
        }
        distances.append(terms.joined(separator: "\n      + ") + " AS d\(s + 1)")
      }
      ctes.append("distances AS (\n  SELECT " + distances.joined(separator: ",\n    ") + "\n  FROM \(space.from)\n)")
      return header(title, view) + "WITH " + ctes.joined(separator: ",\n") + "\nSELECT segmenta_key AS "
        + identifier(key) + ",\n  CASE\n    "
        + choice("d", count: nearest.centres.rows, comparison: "<=", labels: criteria.labels)
        + "\n  END AS segment\nFROM distances;\n"
    case .model(.mixture(let mixture)):
      let space = try modelSpace(criteria.recipe.operations, &ctes, columns, from: "inputs")
      ctes += mixtureScores(mixture, space.columns.map(\.sql), from: space.from)
      return header(title, view) + "WITH " + ctes.joined(separator: ",\n") + "\nSELECT segmenta_key AS "
        + identifier(key) + ",\n  CASE\n    "
        + choice("l", count: mixture.k, comparison: ">=", labels: criteria.labels)
        + "\n  END AS segment\nFROM scores;\n"
    case .model(.dbscan), .model(.hdbscan):
      throw .notReady(
        "a density variant's own rule needs every core point and cannot be written as a SQL view; export its "
          + "surrogate tree with `using tree` (it has a noise class)")
    }
  }

  /// Appends one `WITH` step per layer of the recipe's operations to `ctes` and returns the model features'
  /// columns and the last step's name.
  private static func modelSpace(
    _ operations: [FittedOperation], _ ctes: inout [String], _ inputs: [(name: String, sql: String)],
    from inputStep: String
  ) throws(SegmentaError) -> (columns: [(name: String, sql: String)], from: String) {
    var columns = inputs
    var counter = inputs.count
    var previous = inputStep
    for (step, layer) in layers(operations).enumerated() {
      var select: [String] = ["segmenta_key"]
      var next: [(name: String, sql: String)] = []
      for column in columns {
        guard let operation = layer.first(where: { $0.column == column.name }) else {
          select.append(column.sql)
          next.append(column)
          continue
        }
        for (name, expression) in try expressions(operation, column.sql) {
          counter += 1
          select.append("\(expression) AS c\(counter)")
          next.append((name, "c\(counter)"))
        }
      }
      ctes.append("step\(step + 1) AS (\n  SELECT " + select.joined(separator: ",\n    ") + "\n  FROM \(previous)\n)")
      previous = "step\(step + 1)"
      columns = next
    }
    return (columns, previous)
  }

  /// The `CASE` branches choosing among columns `prefix`1 … `prefix`k the one that is `comparison` (`<=` smallest,
  /// `>=` largest) all later ones — ties to the lowest segment — and `NULL` when the first is `NULL`.
  private static func choice(_ prefix: String, count k: Int, comparison: String, labels: [String]) -> String {
    var branches = ["WHEN \(prefix)1 IS NULL THEN NULL"]
    for s in 0..<k {
      let others = ((s + 1)..<k).map { "\(prefix)\(s + 1) \(comparison) \(prefix)\($0 + 1)" }
      if others.isEmpty {
        branches.append("ELSE \(string(labels[s]))")
      } else {
        branches.append("WHEN " + others.joined(separator: " AND ") + " THEN \(string(labels[s]))")
      }
    }
    return branches.joined(separator: "\n    ")
  }

  /// The operations grouped into layers (one `WITH` step each) in which no column is read or made twice, keeping
  /// their order.
  private static func layers(_ operations: [FittedOperation]) -> [[FittedOperation]] {
    var out: [[FittedOperation]] = []
    for operation in operations {
      let touched = out.last?.flatMap { previous -> [String] in
        if case .oneHot(let name, let levels) = previous { return [name] + levels.map { "\(name)=\($0)" } }
        return [previous.column]
      }
      if let touched, !touched.contains(operation.column) {
        out[out.count - 1].append(operation)
      } else {
        out.append([operation])
      }
    }
    return out
  }

  /// The SQL of one fitted operation on column `x`, as (output name, expression) pairs.
  private static func expressions(_ operation: FittedOperation, _ x: String) throws(SegmentaError)
    -> [(String, String)]
  {
    switch operation {
    case .function(let f, let name):
      let body: String
      switch f {
      case .log1p: body = "WHEN \(x) > -1 THEN ln(1 + \(x))"
      case .log10: body = "WHEN \(x) > 0 THEN log10(\(x))"
      case .sqrt: body = "WHEN \(x) >= 0 THEN sqrt(\(x))"
      }
      return [(name, "CASE \(body) ELSE NULL END")]
    case .clip(let name, let low, let high):
      return [
        (
          name,
          "CASE WHEN \(x) IS NULL THEN NULL WHEN \(x) < \(literal(low)) THEN \(literal(low)) "
            + "WHEN \(x) > \(literal(high)) THEN \(literal(high)) ELSE \(x) END"
        )
      ]
    case .standardize(let name, let center, let spread):
      guard spread > 0 else { return [(name, "CASE WHEN \(x) IS NULL THEN NULL ELSE 0.0 END")] }
      return [(name, "(\(x) - \(literal(center))) / \(literal(spread))")]
    case .oneHot(let name, let levels):
      let label = "COALESCE(\(x), '')"
      let known = levels.map(string).joined(separator: ", ")
      return levels.map { level in
        (
          "\(name)=\(level)",
          "CASE WHEN \(label) NOT IN (\(known)) THEN NULL WHEN \(label) = \(string(level)) THEN 1.0 ELSE 0.0 END"
        )
      }
    }
  }

  private static func header(_ title: String, _ view: String) -> String {
    "-- \(title.replacingOccurrences(of: "\n", with: " "))\n"
      + "-- Generated by Segmenta. Numeric inputs must be double precision (REAL in SQLite, DOUBLE in Spark);\n"
      + "-- needs ln/log10/sqrt (SQLite 3.35+ with math functions, PostgreSQL, Spark SQL). NULL = not assignable.\n"
      + "CREATE VIEW \(identifier(view)) AS\n"
  }

  /// A number with round-trip precision (Swift's shortest representation that parses back to the same double).
  public static func literal(_ x: Double) -> String {
    let text = String(x)
    return text.hasPrefix("-") ? "(\(text))" : text
  }

  /// A string literal with `'` doubled.
  public static func string(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }

  /// A bare identifier when it is lower-case letters, digits and `_`, else a double-quoted one.
  public static func identifier(_ name: String) -> String {
    let plain =
      name.first.map { $0.isLetter || $0 == "_" } == true
      && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    return plain ? name : "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
