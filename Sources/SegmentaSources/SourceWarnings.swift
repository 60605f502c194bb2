/// Warnings the database sources give with a successful load.
enum SourceWarnings {
  /// For a query without ORDER BY.
  static let noOrderBy =
    "the query has no ORDER BY, so the database may return the rows in another order next time, which changes "
    + "the fingerprint and can change the segments; end it with ORDER BY (e.g. the customer id)"
}
