import SegmentaCore

extension CommandSpec {
  /// `export report V to FILE.html [using tree|centroids]`: the segment handbook as one self-contained HTML page.
  static func exportReport(_ subjects: [String], target: String, _ context: inout CommandContext)
    throws(SessionError)
  {
    guard target.lowercased().hasSuffix(".html") else {
      throw .usage("the report is an HTML page: name the file FILE.html", column: nil)
    }
    let variant = try context.workspace.variant(named: subjects[0])
    let kind = try VariantCriteria.kind(subjects[1...], for: variant)
    let criteria = try VariantCriteria.criteria(variant, kind, in: context.workspace)
    let report = SegmentReport(
      variant: variant, dataset: try context.workspace.dataset(named: variant.datasetName),
      metrics: try context.metrics(of: variant.name), criteria: criteria,
      threshold: VariantCriteria.thresholds(criteria, variant, context), plots: try reportPlots(variant, &context),
      log: context.workspace.log, language: context.settings.language, numbers: context.numbers)
    let text = report.html()
    let path = context.resolve(target)
    try context.core { () throws(SegmentaError) in try AtomicFile.write(text, to: path) }
    context.print("wrote the handbook of \(variant.name) to \(context.display(target))")
  }

  /// The sizes, profile (when there are numeric features) and scatter plots, drawn by their `plot` kinds.
  private static func reportPlots(_ variant: Variant, _ context: inout CommandContext) throws(SessionError)
    -> [String]
  {
    let subject = Token(text: variant.name, column: 1, quoted: true)
    let command = ParsedCommand(text: "", verb: "plot", arguments: [subject], options: [], alias: nil)
    let hasNumeric = variant.features.rawColumns.contains { $0.kind == .numeric }
    var documents: [String] = []
    for kind in [PlotKind.sizes, hasNumeric ? .profile : nil, .scatter].compactMap({ $0 }) {
      if case .svg(let document, _) = try kind.draw(subject, command, .svg, &context) {
        documents.append(document)
      }
    }
    return documents
  }
}
