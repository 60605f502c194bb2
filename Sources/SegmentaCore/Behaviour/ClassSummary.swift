/// One class of a classification (ABC, XYZ): its label, how many rows it got and its share of the total.
public struct ClassSummary: Sendable, Equatable {
  /// The class label, e.g. "A".
  public let label: String
  /// Rows in the class.
  public let rows: Int
  /// Share of the total: of the value for ABC, of the classified rows for XYZ.
  public let share: Double

  public init(label: String, rows: Int, share: Double) {
    self.label = label
    self.rows = rows
    self.share = share
  }
}
