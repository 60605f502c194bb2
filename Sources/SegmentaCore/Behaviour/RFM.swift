/// Recency, frequency and monetary value per customer from a transactions table.
///
/// Two definitions (NUMERICS.md):
/// - ``Definition/rfmPackage`` — as the `rfm` PyPI package (1.0.9): recency = days from the customer's last
///   transaction to the reference date (the latest transaction date, or `asOf`), frequency = number of
///   transactions, monetary = sum of amounts; plus quintile scores (``QuintileScores``, R: most recent = 5) and the
///   package's named segments (``RFMSegments``).
/// - ``Definition/lifetimes`` — as `lifetimes.utils.summary_data_from_transaction_data` (0.11.3, daily periods):
///   transactions on the same day are one purchase (amounts summed); frequency = number of *repeat* purchase days
///   (days with a purchase − 1), recency = days from the first to the last purchase day, T = days from the first
///   purchase day to the reference date, monetary = mean amount of the repeat purchase days (0 without any).
///
/// Differences from the packages, on purpose: rows with a missing date or amount are left out and counted (the
/// `rfm` package counts a missing amount as 0 and drops exact duplicate rows; we keep duplicates, which can be
/// two real order lines); transactions after `asOf` are left out and counted (the `rfm` package has no `asOf`);
/// amounts are summed in table order (the package sums in date order, which can differ in the last bit).
public struct RFM: Sendable, Equatable {
  /// Which definitions of recency, frequency and monetary value to use.
  public enum Definition: String, Sendable, Equatable, CaseIterable {
    /// The `rfm` PyPI package's definitions with quintile scores and named segments.
    case rfmPackage = "rfm"
    /// The `lifetimes` package's definitions (repeat purchases, customer age T), for BG/NBD-style models.
    case lifetimes
  }

  /// The column identifying the customer (any kind; keys compare as text).
  public var customer: String
  /// The transaction date column (kind `.date`).
  public var date: String
  /// The amount column (numeric).
  public var amount: String
  /// The reference date in days since 1970-01-01; `nil` = the latest transaction date.
  public var asOf: Int?
  /// The definitions to use.
  public var definition: Definition

  public init(customer: String, date: String, amount: String, asOf: Int? = nil, definition: Definition = .rfmPackage) {
    self.customer = customer
    self.date = date
    self.amount = amount
    self.asOf = asOf
    self.definition = definition
  }

  /// The per-customer table and what was left out on the way.
  public struct Result: Sendable, Equatable {
    /// One row per customer, ascending by customer key; the customer column first (the table's id column).
    public let table: Table
    /// The reference date (days since 1970-01-01).
    public let referenceDay: Int
    /// Transactions used.
    public let transactionsUsed: Int
    /// Rows left out because the customer, date or amount was missing.
    public let rowsMissingValues: Int
    /// Rows left out because they are dated after ``referenceDay`` (only with `asOf`).
    public let rowsAfterReference: Int
    /// Customers per score 1…5 of `r_score`, `f_score`, `m_score` (empty for the lifetimes definitions).
    public let scoreCounts: [ScoreCounts]
    /// Customers per named segment, most customers first (ties in the package's rule order; empty for lifetimes).
    public let segments: [ClassSummary]
  }

  /// How many customers got each score of one score column.
  public struct ScoreCounts: Sendable, Equatable {
    /// The score column, e.g. `r_score`.
    public let column: String
    /// Customers with score 1, 2, 3, 4, 5.
    public let counts: [Int]
  }

  /// Computes the customer table from `transactions`.
  /// - Throws: ``SegmentaError`` for unknown columns, a date column that is not a date, an amount that is not
  ///   numeric, or fewer than 2 customers (quintiles need them).
  /// - Complexity: O(n log n) in the number of transactions and customers.
  public func compute(on transactions: Table) throws(SegmentaError) -> Result {
    let customerColumn = try transactions.requireColumn(customer)
    let dateColumn = try transactions.requireColumn(date)
    let amountColumn = try transactions.requireColumn(amount)
    guard dateColumn.kind == .date else {
      throw .wrongColumnKind(
        column: date, actual: dateColumn.kind, expected: "a date (ISO 2025-06-30 or German 30.06.2025 load as dates)")
    }
    guard amountColumn.kind == .numeric else {
      throw .wrongColumnKind(column: amount, actual: amountColumn.kind, expected: "numeric amounts")
    }
    let days = dateColumn.numbers
    let amounts = amountColumn.numbers
    let complete = (0..<transactions.rowCount).map { !days[$0].isNaN && !amounts[$0].isNaN }
    let latest = (0..<transactions.rowCount).filter { complete[$0] }.map { days[$0] }.max()
    guard let latestDay = latest else {
      throw .insufficientData("no transaction has both a date and an amount; check the columns \(date) and \(amount)")
    }
    let reference = asOf.map(Double.init) ?? latestDay
    let inRange = (0..<transactions.rowCount).map { complete[$0] && days[$0] <= reference }
    let groups = KeyGroups(customerColumn) { inRange[$0] }
    guard groups.count >= 2 else {
      throw .insufficientData(
        "RFM scores need at least 2 customers, found \(groups.count) in '\(customer)'"
          + (asOf != nil ? " up to asof" : ""))
    }
    let used = groups.groupOfRow.filter { $0 >= 0 }.count
    let afterReference = (0..<transactions.rowCount).filter { complete[$0] && days[$0] > reference }.count
    let customers = Column(name: customer, kind: .identifier, strings: groups.keys)
    let columns: [Column] =
      switch definition {
      case .rfmPackage: packageColumns(groups, days, amounts, reference)
      case .lifetimes: lifetimesColumns(groups, days, amounts, reference)
      }
    let table = Table(name: transactions.name, columns: [customers] + columns, idColumn: customer)
    return Result(
      table: table, referenceDay: Int(reference), transactionsUsed: used,
      rowsMissingValues: transactions.rowCount - used - afterReference, rowsAfterReference: afterReference,
      scoreCounts: Self.scoreCounts(table), segments: Self.segmentCounts(table))
  }

  private static func scoreCounts(_ table: Table) -> [ScoreCounts] {
    ["r_score", "f_score", "m_score"].compactMap { name in
      table.column(named: name).map { c in
        ScoreCounts(column: name, counts: (1...5).map { score in c.numbers.filter { $0 == Double(score) }.count })
      }
    }
  }

  private static func segmentCounts(_ table: Table) -> [ClassSummary] {
    guard let column = table.column(named: "rfm_segment") else { return [] }
    let names = RFMSegments.rules.map(\.name)
    let counts = names.map { name in (0..<column.count).filter { column.string(at: $0) == name }.count }
    return names.indices.filter { counts[$0] > 0 }
      .sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
      .map { ClassSummary(label: names[$0], rows: counts[$0], share: Double(counts[$0]) / Double(table.rowCount)) }
  }

  /// recency, frequency, monetary, r_score, f_score, m_score, rfm_score, rfm_segment.
  private func packageColumns(
    _ groups: KeyGroups, _ days: ContiguousArray<Double>, _ amounts: ContiguousArray<Double>, _ reference: Double
  ) -> [Column] {
    var last = ContiguousArray<Double>(repeating: -.infinity, count: groups.count)
    var frequency = ContiguousArray<Double>(repeating: 0, count: groups.count)
    var monetary = ContiguousArray<Double>(repeating: 0, count: groups.count)
    for (row, g) in groups.groupOfRow.enumerated() where g >= 0 {
      last[g] = max(last[g], days[row])
      frequency[g] += 1
      monetary[g] += amounts[row]
    }
    let recency = ContiguousArray(last.map { reference - $0 })
    let r = QuintileScores.scores(recency, highIsBest: false)
    let f = QuintileScores.scores(frequency, highIsBest: true)
    let m = QuintileScores.scores(monetary, highIsBest: true)
    let numeric = { (name: String, scores: [Int]) in
      Column(name: name, numbers: ContiguousArray(scores.map(Double.init)))
    }
    return [
      Column(name: "recency", numbers: recency), Column(name: "frequency", numbers: frequency),
      Column(name: "monetary", numbers: monetary), numeric("r_score", r), numeric("f_score", f),
      numeric("m_score", m),
      Column(name: "rfm_score", strings: (0..<groups.count).map { "\(r[$0])\(f[$0])\(m[$0])" }),
      Column(
        name: "rfm_segment", strings: (0..<groups.count).map { RFMSegments.segment(r: r[$0], f: f[$0], m: m[$0]) }),
    ]
  }

  /// frequency, recency, T, monetary as `lifetimes` defines them (daily periods).
  private func lifetimesColumns(
    _ groups: KeyGroups, _ days: ContiguousArray<Double>, _ amounts: ContiguousArray<Double>, _ reference: Double
  ) -> [Column] {
    // Purchase days per customer: (customer, day) pairs in table order of their first transaction, amounts summed.
    var dayIndex: [PurchaseDay: Int] = [:]
    var purchaseDays: [(customer: Int, day: Double, total: Double)] = []
    for (row, g) in groups.groupOfRow.enumerated() where g >= 0 {
      let key = PurchaseDay(customer: g, day: days[row])
      if let i = dayIndex[key] {
        purchaseDays[i].total += amounts[row]
      } else {
        dayIndex[key] = purchaseDays.count
        purchaseDays.append((g, days[row], amounts[row]))
      }
    }
    let ordered = purchaseDays.sorted { ($0.customer, $0.day) < ($1.customer, $1.day) }
    var first = ContiguousArray<Double>(repeating: .infinity, count: groups.count)
    var lastDay = ContiguousArray<Double>(repeating: -.infinity, count: groups.count)
    var count = ContiguousArray<Double>(repeating: 0, count: groups.count)
    var repeatTotal = ContiguousArray<Double>(repeating: 0, count: groups.count)
    for p in ordered {
      if count[p.customer] > 0 { repeatTotal[p.customer] += p.total }
      first[p.customer] = min(first[p.customer], p.day)
      lastDay[p.customer] = max(lastDay[p.customer], p.day)
      count[p.customer] += 1
    }
    let frequency = ContiguousArray(count.map { $0 - 1 })
    return [
      Column(name: "frequency", numbers: frequency),
      Column(name: "recency", numbers: ContiguousArray(zip(lastDay, first).map { $0 - $1 })),
      Column(name: "T", numbers: ContiguousArray(first.map { reference - $0 })),
      Column(
        name: "monetary",
        numbers: ContiguousArray(zip(repeatTotal, frequency).map { $1 > 0 ? $0 / $1 : 0 })),
    ]
  }
}

/// A customer's purchase day, the unit `lifetimes` counts purchases in.
private struct PurchaseDay: Hashable {
  let customer: Int
  let day: Double
}
