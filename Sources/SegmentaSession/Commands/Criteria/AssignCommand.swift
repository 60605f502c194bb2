import SegmentaCore

extension CommandSpec {
  /// `assign VARIANT FILE.csv to OUT.csv [using rules|centroids]`
  static let assign = CommandSpec(
    name: "assign", usage: "assign VARIANT FILE.csv to OUT.csv [using centroids|rules]",
    summary: "put new customers or prospects into a variant's segments with the recorded preprocessing and the "
      + "variant's own rule (nearest centre, mixture posterior, density with noise) or its tree; rows that cannot be "
      + "assigned, noise included, are reported with the reason",
    example: "assign km.k4 prospects.csv to out/prospects-segments.csv using centroids",
    arguments: [.variants, .files, .keywords(["to"]), .files, .keywords(["using"]), .keywords(["centroids", "rules"])]
  ) { command, context throws(SessionError) in
    let words = command.arguments.map(\.text)
    guard words.count == 4 || words.count == 6, words[2] == "to" else {
      throw .usage("expected `assign VARIANT FILE.csv to OUT.csv [using centroids|rules]`", column: nil)
    }
    let variant = try context.workspace.variant(named: words[0])
    let kind = try VariantCriteria.kind(words[4...], for: variant)
    let criteria = try VariantCriteria.criteria(variant, kind, in: context.workspace)
    let rows = try VariantCriteria.newRows(words[1], for: criteria, of: variant, &context)
    let assignment = try context.core { () throws(SegmentaError) in try criteria.assign(rows) }
    let training = try context.workspace.dataset(named: variant.datasetName).table
    let table = assignmentTable(rows, assignment, criteria, idName: training.idColumn)
    let output = context.resolve(words[3])
    try context.core { () throws(SegmentaError) in try CSVWriter.write(table, to: output) }
    let assigned = assignment.segments.compactMap { $0 }
    context.print(
      "assigned \(NumberFormat.grouped(assigned.count)) of \(NumberFormat.grouped(rows.rowCount)) rows of "
        + "\(context.display(words[1])) with the \(VariantCriteria.ruleName(criteria)) of \(variant.name) → "
        + context.display(words[3]))
    var counts = [Int](repeating: 0, count: variant.result.k)
    for s in assigned { counts[s] += 1 }
    var sizes = TextTable(header: ["segment", "rows"], alignments: [.left, .right])
    for (s, n) in counts.enumerated() { sizes.append([criteria.labels[s], NumberFormat.grouped(n)]) }
    context.print(sizes.render(width: context.settings.width))
    let fidelity = VariantCriteria.fidelity(criteria, variant)
    let rule = VariantCriteria.ruleName(criteria)
    context.print(
      "the \(rule) \(rule.hasSuffix("s") ? "reproduce" : "reproduces") \(NumberFormat.percent(fidelity.overall)) of "
        + "\(variant.name)'s own \(NumberFormat.grouped(fidelity.rows)) rows"
        + (variant.noiseCount > 0 ? " (noise included)" : ""))
    reportProblems(assignment, &context)
  }

  /// id, segment (empty when not assigned), the segment's posterior probability (mixtures only) and a note with the
  /// reason or the inputs outside the training range.
  private static func assignmentTable(
    _ table: Table, _ assignment: SegmentCriteria.Assignment, _ criteria: SegmentCriteria, idName: String?
  ) -> Table {
    let n = table.rowCount
    let id: Column =
      (idName.flatMap { table.column(named: $0) } ?? table.idColumn.flatMap { table.column(named: $0) })
      ?? Column(name: "row", numbers: ContiguousArray((0..<n).map { Double($0 + 1) }))
    let segments = assignment.segments.map { $0.map { criteria.labels[$0] } }
    let notes: [String?] = (0..<n).map { i in
      if let reason = assignment.reasons[i] { return "not assigned: \(reason)" }
      let outside = assignment.outsideRange[i]
      return outside.isEmpty ? nil : "outside training range: " + outside.joined(separator: ", ")
    }
    let probability = assignment.probabilities.map { values in
      Column(name: "probability", numbers: ContiguousArray(values.map { $0 ?? .nan }))
    }
    return Table(
      name: "assignments",
      columns: [id, Column(name: "segment", strings: segments)] + (probability.map { [$0] } ?? [])
        + [Column(name: "note", strings: notes)],
      idColumn: id.name)
  }

  /// Counts rows not assigned (by reason) and rows assigned by extrapolation, so nothing is guessed silently.
  private static func reportProblems(_ assignment: SegmentCriteria.Assignment, _ context: inout CommandContext) {
    var reasons: [String: Int] = [:]
    for reason in assignment.reasons.compactMap({ $0 }) { reasons[reason, default: 0] += 1 }
    for (reason, n) in reasons.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
      context.warn("\(NumberFormat.grouped(n)) rows not assigned: \(reason)")
    }
    let outside = assignment.outsideRange.enumerated().filter {
      !$0.element.isEmpty && assignment.segments[$0.offset] != nil
    }
    if !outside.isEmpty {
      context.warn(
        "\(NumberFormat.grouped(outside.count)) assigned rows have inputs outside the training range "
          + "(extrapolated; see the note column)")
    }
  }
}
