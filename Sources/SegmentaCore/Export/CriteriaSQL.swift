import Foundation

/// Segment criteria as one SQL view: the recorded preprocessing inlined step by step (imputation with
/// `COALESCE`, `ln(1 + x)` for log1p, winsorize bounds, one-hot indicators, scaling) and the rule as a `CASE`:
/// tree rules, the nearest centre, or a Gaussian mixture's largest log-density (``mixtureScores(_:_:from:)``).
///
/// Written for SQLite (3.35+ with math functions, as Debian and GRDB ship it), PostgreSQL and Spark SQL: only
/// `WITH`, `CASE`, `COALESCE`, `IN`, `ln`, `log10` and `sqrt`. Thresholds and parameters are printed with round-trip
/// precision in exponent form (see ``literal(_:)``), so a database computing in double precision reproduces the
/// in-tool assignment exactly; every missing or out-of-domain input gives `NULL` explicitly instead of a guessed
/// segment. The one thing no form serves all three: quoting a name that is not plain lower case, or a text with
/// `'` or `\` (see ``Dialect``).
public enum CriteriaSQL {
  /// The database a view is written for. Only quoting differs, and only for names that are not plain lower-case
  /// identifiers and texts (labels, categories) with `'` or `\`: SQLite and PostgreSQL quote names with `"`
  /// (PostgreSQL folds unquoted names to lower case, so `Revenue` must be quoted) and double `'` in texts, while
  /// Spark SQL reads `"Revenue"` as a string literal, quotes names with backticks (which PostgreSQL rejects) and
  /// escapes texts with backslashes.
  public enum Dialect: String, Sendable, CaseIterable {
    case sqlite, postgres, spark
  }

  /// The `CREATE VIEW` statement (with a comment header) that adds a `segment` column to `table`'s key.
  ///
  /// - Parameters:
  ///   - table: the source table holding the input columns (in the CRM database).
  ///   - key: the column identifying a row, passed through.
  ///   - view: the view's name.
  ///   - title: a comment line describing the variant.
  ///   - dialect: how names and texts that need quoting are quoted.
  /// - Throws: ``SegmentaError/notReady(_:)`` for a one-hot encoded numeric column (its text form is not
  ///   portable SQL) and for a density variant's own rule (it needs every core point; its tree has a SQL form).
  /// - Complexity: O(operations × columns + k × d) text.
  public static func view(
    _ criteria: SegmentCriteria, table: String, key: String, view: String, title: String, dialect: Dialect
  ) throws(SegmentaError) -> String {
    let identifier = { (name: String) in Self.identifier(name, in: dialect) }
    let string = { (text: String) in Self.string(text, in: dialect) }
    let header = Self.header(title, view, criteria, table: table, key: key, dialect)
    for case .oneHot(let name, _) in criteria.recipe.operations
    where criteria.recipe.inputs.contains(where: { $0.name == name && $0.isNumeric }) {
      throw .notReady("the SQL export cannot one-hot encode the numeric column '\(name)'; derive a text column first")
    }
    var ctes: [String] = []
    var columns: [(name: String, sql: String)] = []
    var inputSelect: [String] = []
    var treeLevels: [String: [String]] = [:]
    if case .tree(let tree) = criteria.rule {
      for f in tree.usedFeatures { if let levels = tree.levels[f] { treeLevels[tree.features[f]] = levels } }
    }
    for (i, input) in criteria.recipe.inputs.enumerated() {
      let alias = "c\(i + 1)"
      let source = identifier(input.name)
      if let levels = treeLevels[input.name] {
        // A category not seen in training becomes NULL, so no rule matches it.
        let known = levels.map(string).joined(separator: ", ")
        inputSelect.append("CASE WHEN \(source) IN (\(known)) THEN \(source) ELSE NULL END AS \(alias)")
      } else {
        inputSelect.append("\(input.fill.map { "COALESCE(\(source), \(literal($0)))" } ?? source) AS \(alias)")
      }
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
          if let levels = c.levels { return ["\(x) IN (" + levels.map(string).joined(separator: ", ") + ")"] }
          return (c.lower.map { ["\(x) > \(literal($0))"] } ?? []) + (c.upper.map { ["\(x) <= \(literal($0))"] } ?? [])
        }
        let condition = conditions.isEmpty ? "1 = 1" : conditions.joined(separator: " AND ")
        branches.append("WHEN \(condition) THEN \(string(criteria.labels[rule.segment]))")
      }
      // A NULL on the row's path makes its rule NULL and every other rule false: no rule matches.
      branches.append("ELSE NULL")
      return header + "WITH " + ctes.joined(separator: ",\n") + "\nSELECT segmenta_key AS "
        + identifier(key) + ",\n  CASE\n    " + branches.joined(separator: "\n    ")
        + "\n  END AS segment\nFROM inputs;\n"
    case .centroids(let nearest):
      let space = try modelSpace(criteria.recipe.operations, &ctes, columns, from: "inputs", dialect)
      var distances: [String] = ["segmenta_key"]
      for s in 0..<nearest.centres.rows {
        let terms = space.columns.enumerated().map { j, column in
          let diff = "(\(column.sql) - \(literal(nearest.centres[s, j])))"
          return "\(diff) * \(diff)"
        }
        distances.append(terms.joined(separator: "\n      + ") + " AS d\(s + 1)")
      }
      ctes.append("distances AS (\n  SELECT " + distances.joined(separator: ",\n    ") + "\n  FROM \(space.from)\n)")
      return header + "WITH " + ctes.joined(separator: ",\n") + "\nSELECT segmenta_key AS "
        + identifier(key) + ",\n  CASE\n    "
        + choice("d", count: nearest.centres.rows, comparison: "<=", labels: criteria.labels.map(string))
        + "\n  END AS segment\nFROM distances;\n"
    case .model(.mixture(let mixture)):
      let space = try modelSpace(criteria.recipe.operations, &ctes, columns, from: "inputs", dialect)
      ctes += mixtureScores(mixture, space.columns.map(\.sql), from: space.from)
      return header + "WITH " + ctes.joined(separator: ",\n") + "\nSELECT segmenta_key AS "
        + identifier(key) + ",\n  CASE\n    "
        + choice("l", count: mixture.k, comparison: ">=", labels: criteria.labels.map(string))
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
    from inputStep: String, _ dialect: Dialect
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
        for (name, expression) in try expressions(operation, column.sql, dialect) {
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
  /// `>=` largest) all later ones — ties to the lowest segment — and `NULL` when the first is `NULL`; `labels` are
  /// SQL literals.
  private static func choice(_ prefix: String, count k: Int, comparison: String, labels: [String]) -> String {
    var branches = ["WHEN \(prefix)1 IS NULL THEN NULL"]
    for s in 0..<k {
      let others = ((s + 1)..<k).map { "\(prefix)\(s + 1) \(comparison) \(prefix)\($0 + 1)" }
      if others.isEmpty {
        branches.append("ELSE \(labels[s])")
      } else {
        branches.append("WHEN " + others.joined(separator: " AND ") + " THEN \(labels[s])")
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
  private static func expressions(_ operation: FittedOperation, _ x: String, _ dialect: Dialect)
    throws(SegmentaError) -> [(String, String)]
  {
    let string = { (text: String) in Self.string(text, in: dialect) }
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
      guard spread > 0 else { return [(name, "CASE WHEN \(x) IS NULL THEN NULL ELSE \(literal(0)) END")] }
      return [(name, "(\(x) - \(literal(center))) / \(literal(spread))")]
    case .oneHot(let name, let levels):
      let label = "COALESCE(\(x), '')"
      let known = levels.map(string).joined(separator: ", ")
      return levels.map { level in
        (
          "\(name)=\(level)",
          "CASE WHEN \(label) NOT IN (\(known)) THEN NULL WHEN \(label) = \(string(level)) THEN \(literal(1)) ELSE \(literal(0)) END"
        )
      }
    }
  }

  /// The comment header and `CREATE VIEW`; when a name or a text (segment label, category) is written differently
  /// per dialect, it says for which databases the file is.
  private static func header(
    _ title: String, _ view: String, _ criteria: SegmentCriteria, table: String, key: String, _ dialect: Dialect
  ) -> String {
    let names = [table, key, view] + criteria.recipe.inputs.map(\.name)
    var texts = criteria.labels
    for case .oneHot(_, let levels) in criteria.recipe.operations { texts += levels }
    if case .tree(let tree) = criteria.rule { texts += tree.levels.compactMap { $0 }.flatMap { $0 } }
    let portable =
      names.allSatisfy { identifier($0) == $0 } && texts.allSatisfy { string($0) == string($0, in: .spark) }
    let quoting: String
    if portable {
      quoting = ""
    } else if dialect == .spark {
      quoting = "-- Names and texts are quoted for Spark SQL (backticks, backslash escapes).\n"
    } else {
      quoting = "-- Names and texts are quoted for SQLite and PostgreSQL; for Spark SQL export with dialect=spark.\n"
    }
    return "-- \(title.replacingOccurrences(of: "\n", with: " "))\n"
      + "-- Generated by Segmenta. Numeric inputs must be double precision (REAL in SQLite, DOUBLE PRECISION in\n"
      + "-- PostgreSQL, DOUBLE in Spark SQL); needs ln/log10/sqrt (SQLite 3.35+ with math functions, PostgreSQL,\n"
      + "-- Spark SQL). NULL = not assignable.\n" + quoting + unitLine(criteria.units)
      + "CREATE VIEW \(identifier(view, in: dialect)) AS\n"
  }

  /// A comment naming the declared units of the inputs (for readers; the values stay plain numbers).
  private static func unitLine(_ units: [String: String]) -> String {
    units.isEmpty
      ? ""
      : "-- Units (for readers; values are plain numbers): "
        + units.sorted { $0.key < $1.key }.map { "\($0.key) in \($0.value)" }.joined(separator: ", ") + "\n"
  }

  /// A number with round-trip precision (Swift's shortest representation that parses back to the same double) in
  /// exponent form, `0.2723e0`: a double literal in SQLite and Spark SQL (where `0.2723` would be a DECIMAL, and
  /// arithmetic on it decimal, not double), an exact numeric in PostgreSQL, converted on meeting a double column.
  public static func literal(_ x: Double) -> String {
    var text = String(x)
    if !text.contains("e") { text += "e0" }
    return text.hasPrefix("-") ? "(\(text))" : text
  }

  /// A string literal: `'` doubled for SQLite and PostgreSQL; for Spark SQL, whose literals take backslash escapes
  /// (and which would read `'a''b'` as two adjacent literals, `ab`), `\` and `'` escaped with a backslash.
  public static func string(_ s: String, in dialect: Dialect = .sqlite) -> String {
    if dialect == .spark {
      return "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
    return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
  }

  /// A bare identifier when it is lower-case letters, digits and `_`, else a quoted one: in double quotes for
  /// SQLite and PostgreSQL, in backticks for Spark SQL (a quote inside doubled).
  public static func identifier(_ name: String, in dialect: Dialect = .sqlite) -> String {
    let plain =
      name.first.map { $0.isLetter || $0 == "_" } == true
      && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    if plain { return name }
    let quote = dialect == .spark ? "`" : "\""
    return quote + name.replacingOccurrences(of: quote, with: quote + quote) + quote
  }
}
