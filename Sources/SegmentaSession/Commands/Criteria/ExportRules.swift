import SegmentaCore

extension CommandSpec {
  /// `export rules V to FILE.sql|.json|.md|.pmml [using tree|centroids] [dialect=…]`: the format follows the
  /// extension; `dialect` only changes how an SQL view quotes names and texts that need it.
  static func exportRules(
    _ subjects: [String], target: String, dialect: CriteriaSQL.Dialect, _ context: inout CommandContext
  ) throws(SessionError) {
    let variant = try context.workspace.variant(named: subjects[0])
    let kind = try VariantCriteria.kind(subjects[1...], for: variant)
    let criteria = try VariantCriteria.criteria(variant, kind, in: context.workspace)
    let rule = VariantCriteria.ruleName(criteria)
    let dataset = try context.workspace.dataset(named: variant.datasetName).table
    let text: String
    let format: String
    switch target.split(separator: ".").last.map({ $0.lowercased() }) {
    case "sql":
      guard let key = dataset.idColumn else {
        throw .failed(
          .notReady(
            "the SQL view needs a key column to pass through; load \(variant.datasetName) with id=COLUMN"))
      }
      text = try context.core { () throws(SegmentaError) in
        try CriteriaSQL.view(
          criteria, table: variant.datasetName, key: key,
          view: "segmenta_" + variant.name.map { $0.isLetter || $0.isNumber ? $0 : "_" },
          title:
            "Segments of \(variant.name) (\(variant.method)) by "
            + (kind == .tree ? "surrogate-tree rules" : rule == "centroids" ? "nearest centre" : rule),
          dialect: dialect)
      }
      format = "SQL view"
    case "json":
      text = try context.core { () throws(SegmentaError) in
        try CriteriaJSON.document(criteria, describe(variant)).rendered() + "\n"
      }
      format = "JSON"
    case "pmml":
      text = try context.core { () throws(SegmentaError) in
        try CriteriaPMML.document(criteria, modelName: variant.name)
      }
      format = "PMML 4.4"
    case "md":
      let numbers = context.numbers
      text = CriteriaMarkdown.page(
        criteria, describe(variant), language: context.settings.language, format: { numbers.format($0) },
        threshold: VariantCriteria.thresholds(criteria, variant, context))
      format = "Markdown"
    default:
      throw .usage("unknown criteria format '\(target)'; use .sql, .json, .md or .pmml", column: nil)
    }
    let path = context.resolve(target)
    try context.core { () throws(SegmentaError) in try AtomicFile.write(text, to: path) }
    context.print(
      "wrote the \(rule) of \(variant.name) as \(format) to \(context.display(target))"
    )
  }

  private static func describe(_ variant: Variant) -> CriteriaJSON.Context {
    CriteriaJSON.Context(variant: variant.name, method: variant.method, sizes: variant.sizes, journey: variant.journey)
  }
}
