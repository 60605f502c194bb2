import SegmentaCore

extension CommandSpec {
  /// `export assignments V to FILE.csv` ·
  /// `export rules V to FILE.sql|.json|.md|.pmml [using tree|centroids] [dialect=sqlite|postgres|spark]` ·
  /// `export metrics V… to FILE.json` · `export data NAME to FILE.csv` · `export report V to FILE.html`
  static let export = CommandSpec(
    name: "export",
    usage:
      "export assignments VARIANT to FILE.csv | export rules VARIANT to FILE.sql|.json|.md|.pmml [using tree|centroids] "
      + "[dialect=sqlite|postgres|spark] | export metrics VARIANT… to FILE.json | export data DATASET to FILE.csv "
      + "| export report VARIANT to FILE.html [using tree|centroids]",
    summary: "write segment assignments, assignment criteria (SQL view, JSON, Markdown, PMML), full-precision "
      + "metrics, a dataset or the segment handbook (one HTML page) to a file (atomically)",
    example: "export assignments km.k4 to out/segments.csv",
    optionKeys: ["dialect"],
    arguments: [.keywords(["assignments", "rules", "metrics", "data", "report"]), .variants]
  ) { command, context throws(SessionError) in
    var words = command.arguments.map(\.text)
    let dialect = try command.choice("dialect", CriteriaSQL.Dialect.allCases.map(\.rawValue))
      .flatMap(CriteriaSQL.Dialect.init(rawValue:))
    // `export rules V to FILE using tree`: move the trailing `using …` next to the subject.
    if words.count >= 6, words[words.count - 2] == "using", words[words.count - 4] == "to" {
      let using = words.suffix(2)
      words.removeLast(2)
      words.insert(contentsOf: using, at: words.count - 2)
    }
    guard words.count >= 4, words[words.count - 2] == "to" else {
      throw .usage("expected `export WHAT NAME… to FILE`", column: nil)
    }
    let subjects = Array(words[1..<(words.count - 2)])
    let target = words[words.count - 1]
    if dialect != nil, words[0] != "rules" || !target.lowercased().hasSuffix(".sql") {
      throw .usage(
        "dialect= applies only to `export rules VARIANT to FILE.sql`", column: command.value("dialect")?.column)
    }
    let path = context.resolve(target)
    switch words[0] {
    case "assignments":
      guard subjects.count == 1 else { throw .usage("export assignments takes one variant", column: nil) }
      let table = try assignmentTable(try context.workspace.variant(named: subjects[0]), context.workspace)
      try context.core { () throws(SegmentaError) in try CSVWriter.write(table, to: path) }
      context.print(
        "wrote \(NumberFormat.grouped(table.rowCount)) assignments of \(subjects[0]) to \(context.display(target))")
    case "metrics":
      let names = try expandVariantNames(subjects, in: context.workspace)
      var entries: [JSONText] = []
      for name in names { entries.append(try metricsJSON(name, &context)) }
      let json = JSONText.object([
        ("format", .string("segmenta-metrics")), ("version", .int(1)), ("variants", .array(entries)),
      ])
      try context.core { () throws(SegmentaError) in try AtomicFile.write(json.rendered() + "\n", to: path) }
      context.print(
        "wrote metrics of \(names.count) variant\(names.count == 1 ? "" : "s") to \(context.display(target))")
    case "rules":
      guard subjects.count == 1 || (subjects.count == 3 && subjects[1] == "using") else {
        throw .usage("expected `export rules VARIANT to FILE.sql|.json|.md|.pmml [using tree|centroids]`", column: nil)
      }
      try exportRules(subjects, target: target, dialect: dialect ?? .sqlite, &context)
    case "report":
      guard subjects.count == 1 || (subjects.count == 3 && subjects[1] == "using") else {
        throw .usage("expected `export report VARIANT to FILE.html [using tree|centroids]`", column: nil)
      }
      try exportReport(subjects, target: target, &context)
    case "data":
      guard subjects.count == 1 else { throw .usage("export data takes one dataset", column: nil) }
      let table = try context.workspace.dataset(named: subjects[0]).table
      try context.core { () throws(SegmentaError) in try CSVWriter.write(table, to: path) }
      context.print(
        "wrote \(NumberFormat.grouped(table.rowCount)) rows × \(NumberFormat.grouped(table.columns.count)) columns to \(context.display(target))"
      )
    default:
      throw .usage(
        "unknown export '\(words[0])'; choose assignments, rules, metrics, data or report",
        column: command.arguments[0].column)
    }
  }

  /// One row per dataset row: the id (or row number) and the segment; rows left out of the clustering (missing
  /// values, noise) get an empty segment so every customer appears exactly once.
  private static func assignmentTable(_ variant: Variant, _ workspace: Workspace) throws(SessionError) -> Table {
    let dataset = try workspace.dataset(named: variant.datasetName).table
    var segment = [String?](repeating: nil, count: dataset.rowCount)
    for (i, row) in variant.features.rowIndices.enumerated() {
      let label = variant.result.labels[i]
      segment[row] = label >= 0 ? variant.segmentLabel(Int(label)) : "noise"
    }
    let id: Column =
      dataset.idColumn.flatMap { dataset.column(named: $0) }
      ?? Column(
        name: "row", numbers: ContiguousArray((1...max(1, dataset.rowCount)).prefix(dataset.rowCount).map(Double.init)))
    return Table(name: variant.name, columns: [id, Column(name: "segment", strings: segment)], idColumn: id.name)
  }

  private static func metricsJSON(_ name: String, _ context: inout CommandContext) throws(SessionError) -> JSONText {
    let m = try context.metrics(of: name)
    let v = try context.workspace.variant(named: name)
    return .object([
      ("name", .string(v.name)), ("dataset", .string(v.datasetName)), ("method", .string(v.method)),
      ("seed", v.seed.map { .string(String($0)) } ?? .null),
      ("rows", .int(v.result.labels.count)), ("features", .array(v.features.matrix.names.map { .string($0) })),
      ("k", .int(v.result.k)), ("noise", .int(v.noiseCount)), ("sizes", .array(v.sizes.map { .int($0) })),
      ("inertia", .optional(v.result.inertia)), ("iterations", v.result.iterations.map { .int($0) } ?? .null),
      ("within_ss", .number(m.withinSS)), ("silhouette", .optional(m.silhouette)),
      ("calinski_harabasz", .optional(m.calinskiHarabasz)), ("davies_bouldin", .optional(m.daviesBouldin)),
      ("dunn", .optional(m.dunn)),
    ])
  }
}
