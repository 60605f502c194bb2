/// Columns that must be read as dates (`load … dates=COL,COL format=DD.MM.YYYY`), for CSV files and query
/// results alike.
///
/// Detection already reads a column as dates when every value is an ISO or German date. Naming the columns
/// makes that a requirement, so a stray value is reported where it is instead of silently turning the column
/// into text, and a format makes the reading unambiguous (and allows ``DateFormat/compact`` dates, which look
/// like numbers).
public struct DateColumns: Sendable, Equatable {
  /// The columns, in the order given.
  public var names: [String]
  /// The one format their values are written in; `nil` accepts ISO and German dates.
  public var format: DateFormat?

  /// Date columns `names` written in `format` (ISO or German when `nil`); none by default.
  public init(names: [String] = [], format: DateFormat? = nil) {
    self.names = names
    self.format = format
  }

  /// Checks that every name is one of `columns` and none is the identifier column.
  ///
  /// - Throws: ``SegmentaError/unknownColumn(_:suggestion:)`` for the first name that is no column, with the
  ///   closest column name as a suggestion; ``SegmentaError/invalidParameter(name:value:expected:)`` when the
  ///   identifier is among the names.
  func requireKnown(in columns: [String], identifier: String?) throws(SegmentaError) {
    if let unknown = names.first(where: { !columns.contains($0) }) {
      throw .unknownColumn(unknown, suggestion: closestMatch(to: unknown, among: columns))
    }
    if let identifier, names.contains(identifier) {
      throw .invalidParameter(
        name: "dates", value: identifier, expected: "columns other than the identifier column id=\(identifier)")
    }
  }
}
