/// XYZ analysis: how steady a customer's demand is, from the coefficient of variation of their value per period.
///
/// The window is the last `periods` calendar periods (months, quarters or years) up to and including the period
/// of the reference date (the latest transaction date, or `asOf`); transactions outside it are left out. Per
/// customer the value is summed per period — a period without transactions counts as 0 — and
/// CV = population standard deviation (ddof 0) / mean over the window's periods. X: CV ≤ `x`, Y: CV ≤ `y`,
/// Z: above. There is no standard threshold (NUMERICS.md); the defaults 0.5 and 1.0 are common in German sales
/// controlling. Customers are those with a transaction up to the reference date; those without a positive total in the
/// window get no CV and no class.
public struct XYZClassification: Sendable, Equatable {
  /// Calendar periods to sum values over.
  public enum Period: String, Sendable, Equatable, CaseIterable {
    case month, quarter, year

    /// The default window length: 12 months, 8 quarters, 3 years.
    public var defaultCount: Int {
      switch self {
      case .month: 12
      case .quarter: 8
      case .year: 3
      }
    }

    /// A running number of the period containing `date` (consecutive periods differ by 1).
    func index(of date: CivilDate) -> Int {
      switch self {
      case .month: date.year * 12 + date.month - 1
      case .quarter: date.year * 4 + (date.month - 1) / 3
      case .year: date.year
      }
    }

    /// The period's name: `2025-06`, `2025-Q2`, `2025`.
    func label(_ index: Int) -> String {
      let pad = { (v: Int) in v < 10 ? "0\(v)" : String(v) }
      switch self {
      case .month: return "\(index / 12)-\(pad(index % 12 + 1))"
      case .quarter: return "\(index / 4)-Q\(index % 4 + 1)"
      case .year: return String(index)
      }
    }
  }

  /// The customer column (keys compare as text).
  public var customer: String
  /// The transaction date column (kind `.date`).
  public var date: String
  /// The value column (numeric), e.g. the amount.
  public var value: String
  /// The period length.
  public var period: Period
  /// The window length in periods (≥ 2). Transactions after the reference date are left out.
  public var periods: Int
  /// Upper CV bound of class X.
  public var x: Double
  /// Upper CV bound of class Y (> x).
  public var y: Double
  /// The reference date in days since 1970-01-01; `nil` = the latest transaction date.
  public var asOf: Int?

  public init(
    customer: String, date: String, value: String, period: Period, periods: Int? = nil, x: Double = 0.5,
    y: Double = 1.0, asOf: Int? = nil
  ) {
    self.customer = customer
    self.date = date
    self.value = value
    self.period = period
    self.periods = periods ?? period.defaultCount
    self.x = x
    self.y = y
    self.asOf = asOf
  }

  /// The per-customer table and the window it was computed over.
  public struct Result: Sendable, Equatable {
    /// One row per customer (ascending key): the customer column, `xyz_mean` (mean value per period), `xyz_cv`
    /// and `xyz_class`.
    public let table: Table
    /// The first period of the window, e.g. `2024-07`.
    public let firstPeriod: String
    /// The last period of the window, e.g. `2025-06`.
    public let lastPeriod: String
    /// Transactions inside the window.
    public let transactionsUsed: Int
    /// Classes X, Y, Z with their number of customers and share of the classified customers.
    public let summary: [ClassSummary]
  }

  /// Computes the classes from `transactions`.
  /// - Throws: ``SegmentaError`` for unknown columns, wrong column kinds, invalid thresholds or window.
  /// - Complexity: O(n log n + customers × periods) time, O(n + periods) extra memory.
  public func compute(on transactions: Table) throws(SegmentaError) -> Result {
    guard x > 0, x < y else {
      throw .invalidParameter(name: "x, y", value: "\(x), \(y)", expected: "thresholds with 0 < x < y, e.g. x=0.5 y=1")
    }
    guard periods >= 2 else {
      throw .invalidParameter(name: "periods", value: String(periods), expected: "at least 2 periods")
    }
    let customerColumn = try transactions.requireColumn(customer)
    let dateColumn = try transactions.requireColumn(date)
    let valueColumn = try transactions.requireColumn(value)
    guard dateColumn.kind == .date else {
      throw .wrongColumnKind(column: date, actual: dateColumn.kind, expected: "a date")
    }
    guard valueColumn.kind == .numeric else {
      throw .wrongColumnKind(column: value, actual: valueColumn.kind, expected: "numeric values")
    }
    let days = dateColumn.numbers
    let values = valueColumn.numbers
    let complete = (0..<transactions.rowCount).map { !days[$0].isNaN && !values[$0].isNaN }
    guard let latest = (0..<transactions.rowCount).filter({ complete[$0] }).map({ days[$0] }).max() else {
      throw .insufficientData("no transaction has both a date and a value; check the columns \(date) and \(value)")
    }
    let reference = asOf ?? Int(latest)
    let lastPeriod = period.index(of: CivilDate(daysSinceEpoch: reference))
    let firstPeriod = lastPeriod - periods + 1
    let periodOfRow = (0..<transactions.rowCount).map { row -> Int? in
      guard complete[row], days[row] <= Double(reference) else { return nil }
      let p = period.index(of: CivilDate(daysSinceEpoch: Int(days[row])))
      return p >= firstPeriod && p <= lastPeriod ? p - firstPeriod : nil
    }
    let groups = KeyGroups(customerColumn) { complete[$0] && days[$0] <= Double(reference) }
    // The window rows of each customer in table order (a counting sort), so memory stays O(rows + periods).
    var start = [Int](repeating: 0, count: groups.count + 1)
    for row in 0..<transactions.rowCount where periodOfRow[row] != nil && groups.groupOfRow[row] >= 0 {
      start[groups.groupOfRow[row] + 1] += 1
    }
    for g in 0..<groups.count { start[g + 1] += start[g] }
    var next = start
    var windowRows = [Int](repeating: 0, count: start[groups.count])
    for row in 0..<transactions.rowCount where periodOfRow[row] != nil && groups.groupOfRow[row] >= 0 {
      windowRows[next[groups.groupOfRow[row]]] = row
      next[groups.groupOfRow[row]] += 1
    }
    var means = ContiguousArray<Double>(repeating: .nan, count: groups.count)
    var cvs = ContiguousArray<Double>(repeating: .nan, count: groups.count)
    var classes = [String?](repeating: nil, count: groups.count)
    var counts = [0, 0, 0]
    var slice = ContiguousArray<Double>(repeating: 0, count: periods)
    for g in 0..<groups.count {
      for p in 0..<periods { slice[p] = 0 }
      for row in windowRows[start[g]..<start[g + 1]] {
        if let p = periodOfRow[row] { slice[p] += values[row] }
      }
      let mean = Statistics.mean(slice)
      means[g] = mean
      guard mean > 0 else { continue }
      let cv = Statistics.standardDeviation(slice, ddof: 0) / mean
      cvs[g] = cv
      let c = cv <= x ? 0 : (cv <= y ? 1 : 2)
      classes[g] = ["X", "Y", "Z"][c]
      counts[c] += 1
    }
    let classified = max(1, counts.reduce(0, +))
    let table = Table(
      name: transactions.name,
      columns: [
        Column(name: customer, kind: .identifier, strings: groups.keys),
        Column(name: "xyz_mean", numbers: means), Column(name: "xyz_cv", numbers: cvs),
        Column(name: "xyz_class", strings: classes),
      ], idColumn: customer)
    return Result(
      table: table, firstPeriod: period.label(firstPeriod), lastPeriod: period.label(lastPeriod),
      transactionsUsed: windowRows.count,
      summary: (0..<3).map {
        ClassSummary(label: ["X", "Y", "Z"][$0], rows: counts[$0], share: Double(counts[$0]) / Double(classified))
      })
  }
}
