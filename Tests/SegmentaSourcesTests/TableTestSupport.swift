import SegmentaCore

extension Table {
  /// The display texts of column `name` (`""` for missing), or `[]` when there is no such column.
  func texts(_ name: String) -> [String] {
    guard let column = column(named: name) else { return [] }
    return (0..<column.count).map { column.text(at: $0) }
  }

  /// The kinds of all columns, in order.
  var kinds: [Column.Kind] { columns.map(\.kind) }
}
