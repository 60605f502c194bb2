import SegmentaCore

extension VariantCriteria {
  /// Reads a CSV file of new rows (customers, prospects) for `criteria` of `variant`, as typed in `typedPath`, and
  /// refuses a file lacking a column the criteria read, naming it.
  static func newRows(
    _ typedPath: String, for criteria: SegmentCriteria, of variant: Variant, _ context: inout CommandContext
  ) throws(SessionError) -> Table {
    let execution = context.execution
    let input = context.resolve(typedPath)
    let load = try context.core { () throws(SegmentaError) in
      try CSVReader.load(path: input, name: "new", options: CSVOptions(), context: execution)
    }
    let needed = criteria.recipe.derivations.isEmpty ? criteria.recipe.inputs.map(\.name) : []
    if let absent = needed.first(where: { load.table.column(named: $0) == nil }) {
      throw .failed(
        .notReady(
          "\(context.display(typedPath)) has no column '\(absent)', which \(variant.name) needs (it reads "
            + needed.joined(separator: ", ") + "); add the column or rename its header"))
    }
    return load.table
  }
}
