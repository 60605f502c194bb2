import SegmentaCore

/// A query result read into a table, with what a user should know about it.
public struct SourceLoad: Sendable {
  /// The typed table (``ResultSet`` rules).
  public let table: Table
  /// A short, stable hash of the result: names, types and values in row order.
  public let fingerprint: String
  /// Said when the rows' order is not fixed by the statement, so the fingerprint (and anything order-dependent)
  /// may change between runs although the data did not.
  public let orderWarning: String?

  /// A loaded result; `orderWarning` is `nil` when the statement fixes the row order.
  public init(table: Table, fingerprint: String, orderWarning: String?) {
    self.table = table
    self.fingerprint = fingerprint
    self.orderWarning = orderWarning
  }
}
