import SegmentaCore

extension CommandSpec {
  /// `derive NAME = EXPR`
  static let derive = CommandSpec(
    name: "derive", usage: "derive NAME = EXPR   " + expressionVocabulary,
    summary: "add a column computed from others (e.g. monetary / frequency); recorded for new customers",
    example: "derive aov = monetary / frequency", arguments: [.columns], takesExpression: true
  ) { command, context throws(SessionError) in
    let (name, nameColumn, line) = try ExpressionLine.assignment(command)
    guard Derivation.isValidName(name) else {
      throw .usage(
        "'\(name)' is not a usable column name: use letters, digits and _, start with a letter, and avoid "
          + Derivation.reservedWords.joined(separator: "/"), column: nameColumn)
    }
    let derivation = try context.core { () throws(SegmentaError) in
      try Derivation(name: name, text: line.text, startColumn: line.column)
    }
    var dataset = try context.workspace.activeDataset()
    var recipe = dataset.recipe
    let start: Int
    if let existing = recipe.derivations.firstIndex(where: { $0.name == name }) {
      recipe.derivations[existing] = derivation
      start = existing
    } else {
      guard dataset.table.column(named: name) == nil else {
        throw .failed(
          .duplicateColumn(name, hint: "derive makes new columns (and replaces those it made); choose another name"))
      }
      recipe.derivations.append(derivation)
      start = recipe.derivations.count - 1
    }
    var table = dataset.table
    var notes: [ExpressionNote] = []
    var type = ExpressionType.number
    for step in recipe.derivations[start...] {
      let applied = try context.core { () throws(SegmentaError) in try step.apply(to: table) }
      table = applied.table
      if step.name == name { (notes, type) = (applied.result.notes, applied.result.type) }
    }
    let replaced = start < dataset.recipe.derivations.count
    dataset.table = table
    dataset.recipe = recipe
    dataset.units[name] = nil  // a redefined column may no longer be in the unit declared for the old one
    try context.workspace.updateActive { $0 = dataset }
    notes.forEach { context.warn($0.description) }
    guard let column = table.column(named: name) else { return }
    context.print("\(name): \(describeDerived(column, type, context.numbers))" + (replaced ? " (replaced)" : ""))
    let later = recipe.derivations[(start + 1)...].map(\.name)
    if !later.isEmpty { context.print("recomputed after it: \(later.joined(separator: ", "))") }
  }

  /// Type, missing values and range (or levels) of a derived column.
  private static func describeDerived(_ column: Column, _ type: ExpressionType, _ f: NumberFormat) -> String {
    let summary = ColumnSummary.summarize(column)
    let missing = summary.missing > 0 ? ", \(NumberFormat.grouped(summary.missing)) missing" : ""
    let rows = "\(NumberFormat.grouped(column.count)) rows\(missing)"
    if type == .boolean {
      let yes = column.numbers.filter { $0 == 1 }.count
      return "true/false stored as 1/0, \(rows), \(NumberFormat.grouped(yes)) true"
    }
    switch column.kind {
    case .numeric:
      guard let d = summary.distribution else { return "number, \(rows)" }
      return "number, \(rows), \(f.format(d.min)) … \(f.format(d.max))"
    case .date:
      guard let d = summary.distribution else { return "date, \(rows)" }
      return
        "date, \(rows), \(CivilDate(daysSinceEpoch: Int(d.min)).iso) … \(CivilDate(daysSinceEpoch: Int(d.max)).iso)"
    case .categorical, .identifier:
      return "text, \(rows), \(NumberFormat.grouped(summary.distinct)) distinct values"
    }
  }
}
