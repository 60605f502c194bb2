import Foundation
import Testing

@testable import SegmentaCore

/// Small hand-checked cases for quintile scores, RFM segments, ABC, XYZ and the join.
@Suite struct BehaviourTests {
  @Test func quintilesSplitTiesByPositionAndKeepFifthsEven() {
    // Ten equal values: ranks 1…10 in input order, two per quintile.
    #expect(
      QuintileScores.scores(ContiguousArray(repeating: 7, count: 10), highIsBest: true) == [
        1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
      ])
    // Lower is better (recency): the smallest values score 5; among equals the earlier row ranks lower.
    #expect(QuintileScores.scores([30, 10, 10, 20, 50], highIsBest: false) == [2, 5, 4, 3, 1])
    // Two values: qcut's edges 1, 1.2, …, 2 put rank 1 in the first bin and rank 2 in the last.
    #expect(QuintileScores.scores([5, 1], highIsBest: true) == [5, 1])
    // Bin sizes for n = 7: edges 1, 2.2, 3.4, 4.6, 5.8, 7 → ranks 1–2, 3, 4, 5, 6–7.
    #expect(QuintileScores.scores([1, 2, 3, 4, 5, 6, 7], highIsBest: true) == [1, 1, 2, 3, 4, 5, 5])
  }

  @Test func everyScoreCombinationHasANamedSegment() {
    let names = Set(RFMSegments.rules.map(\.name))
    for r in 1...5 {
      for f in 1...5 {
        for m in 1...5 { #expect(names.contains(RFMSegments.segment(r: r, f: f, m: m)), "\(r)\(f)\(m)") }
      }
    }
    #expect(RFMSegments.segment(r: 5, f: 5, m: 5) == "Champions")
    #expect(RFMSegments.segment(r: 5, f: 1, m: 1) == "New Active Accounts")
    #expect(RFMSegments.segment(r: 1, f: 5, m: 1) == "Lost")
  }

  @Test func rfmCountsLeftOutRowsAndUsesAsOf() throws {
    let orders = Table(
      name: "orders",
      columns: [
        Column(name: "customer", strings: ["B", "A", "B", nil, "C", "A", "C"]),
        Column(name: "day", kind: .date, numbers: [10, 12, 20, 20, .nan, 30, 5]),
        Column(name: "amount", numbers: [1, 2, 3, 4, 5, 6, 7]),
      ])
    let result = try RFM(customer: "customer", date: "day", amount: "amount", asOf: 25).compute(on: orders)
    #expect(result.table.column(named: "customer")?.strings == ["A", "B", "C"])
    #expect(result.table.column(named: "recency")?.numbers == [13, 5, 20])
    #expect(result.table.column(named: "frequency")?.numbers == [1, 2, 1])
    #expect(result.table.column(named: "monetary")?.numbers == [2, 4, 7])
    #expect(result.rowsAfterReference == 1 && result.rowsMissingValues == 2 && result.transactionsUsed == 4)
    #expect(result.scoreCounts.map(\.column) == ["r_score", "f_score", "m_score"])
    #expect(result.segments.reduce(0) { $0 + $1.rows } == 3)
    #expect(throws: SegmentaError.self) {
      try RFM(customer: "customer", date: "amount", amount: "amount").compute(on: orders)
    }
    #expect(throws: SegmentaError.self) {
      try RFM(customer: "customer", date: "day", amount: "amount", asOf: 7).compute(on: orders)
    }
  }

  @Test func lifetimesCountsPurchaseDaysNotRows() throws {
    let orders = Table(
      name: "orders",
      columns: [
        Column(name: "c", strings: ["A", "A", "A", "A", "B"]),
        Column(name: "d", kind: .date, numbers: [1, 1, 4, 9, 9]),
        Column(name: "v", numbers: [10, 5, 20, 40, 3]),
      ])
    let t = try RFM(customer: "c", date: "d", amount: "v", definition: .lifetimes).compute(on: orders).table
    #expect(t.column(named: "frequency")?.numbers == [2, 0])
    #expect(t.column(named: "recency")?.numbers == [8, 0])
    #expect(t.column(named: "T")?.numbers == [8, 0])
    #expect(t.column(named: "monetary")?.numbers == [30, 0])
    #expect(t.column(named: "r_score") == nil)
  }

  @Test func abcClassesByCumulativeShareBeforeTheRow() throws {
    // Shares 50, 30, 10, 5, 5 %: before = 0, 0.5, 0.8, 0.9, 0.95 → A, A, B, B, C.
    let values: ContiguousArray<Double> = [10, 30, 5, 50, 5]
    let result = try ABCClassification().classify(values, keys: ["c", "b", "e", "a", "d"])
    #expect(result.classes == ["B", "A", "C", "A", "B"])
    #expect(result.summary.map(\.rows) == [2, 2, 1])
    #expect(result.summary.map(\.share) == [0.8, 0.15, 0.05])
    // One dominant customer is A even though it alone passes 80 %; negative and missing values.
    let dominant = try ABCClassification().classify([90, 10, -5, .nan], keys: ["a", "b", "c", "d"])
    #expect(dominant.classes == ["A", "B", "C", nil])
    #expect(throws: SegmentaError.self) { try ABCClassification(a: 0.9, b: 0.8).classify([1], keys: ["a"]) }
    #expect(throws: SegmentaError.self) { try ABCClassification().classify([0, -1], keys: ["a", "b"]) }
  }

  @Test func xyzUsesTheWindowAndCountsEmptyPeriodsAsZero() throws {
    func day(_ iso: String) -> Double { Double(CivilDate(iso: iso)?.daysSinceEpoch ?? 0) }
    let orders = Table(
      name: "orders",
      columns: [
        Column(name: "c", strings: ["A", "A", "A", "B", "B", "C"]),
        Column(
          name: "d", kind: .date,
          numbers: ContiguousArray(
            ["2025-01-05", "2025-02-10", "2025-03-01", "2025-01-01", "2025-03-31", "2024-06-01"].map(day))),
        Column(name: "v", numbers: [100, 100, 100, 300, 0, 50]),
      ])
    let result = try XYZClassification(customer: "c", date: "d", value: "v", period: .month, periods: 3)
      .compute(on: orders)
    #expect(result.firstPeriod == "2025-01" && result.lastPeriod == "2025-03")
    #expect(result.transactionsUsed == 5)
    let cv = result.table.column(named: "xyz_cv")?.numbers ?? []
    #expect(cv[0] == 0)
    #expect(cv[1] == (20_000.0).squareRoot() / 100)  // totals 300, 0, 0: sd √20000, mean 100
    #expect(cv[2].isNaN)
    #expect(result.table.column(named: "xyz_class")?.strings == ["X", "Z", nil])
    #expect(result.summary.map(\.rows) == [1, 0, 1])
    let quarters = try XYZClassification(customer: "c", date: "d", value: "v", period: .quarter, periods: 2)
      .compute(on: orders)
    #expect(quarters.firstPeriod == "2024-Q4" && quarters.lastPeriod == "2025-Q1")
  }

  @Test func leftJoinKeepsOrderMatchesAsTextAndRejectsDuplicateKeys() throws {
    let customers = Table(
      name: "customers",
      columns: [
        Column(name: "id", kind: .identifier, strings: ["K3", "K1", "K2", nil]),
        Column(name: "score", numbers: [1, 2, 3, 4]),
      ], idColumn: "id")
    let rfm = Table(
      name: "rfm",
      columns: [
        Column(name: "id", kind: .identifier, strings: ["K1", "K3", "K9"]),
        Column(name: "score", numbers: [10, 30, 90]), Column(name: "segment", strings: ["x", "y", "z"]),
      ])
    let joined = try customers.leftJoin(rfm, on: "id", suffix: "rfm")
    #expect(joined.table.columns.map(\.name) == ["id", "score", "score_rfm", "segment"])
    #expect(joined.table.column(named: "id")?.strings == ["K3", "K1", "K2", nil])
    #expect(
      Array(joined.table.column(named: "score_rfm")?.numbers.map { $0.isNaN ? -1 : $0 } ?? []) == [30, 10, -1, -1])
    #expect(joined.table.column(named: "segment")?.strings == ["y", "x", nil, nil])
    #expect((joined.matched, joined.unusedRight) == (2, 1))
    #expect(joined.renamed == [Table.Renaming(from: "score", to: "score_rfm")])
    #expect(
      throws: SegmentaError.duplicateColumn(
        "score", hint: "every column of 'rfm' is here already; was it joined already?")
    ) { try joined.table.leftJoin(rfm, on: "id", suffix: "rfm") }
    let more = Table(
      name: "rfm",
      columns: [rfm.columns[0], Column(name: "score", numbers: [1, 2, 3]), Column(name: "new", numbers: [1, 2, 3])])
    #expect(
      throws: SegmentaError.duplicateColumn(
        "score_rfm", hint: "was 'rfm' joined already? load the data again to start over")
    ) { try joined.table.leftJoin(more, on: "id", suffix: "rfm") }
    let twice = Table(name: "dup", columns: [Column(name: "id", strings: ["K1", "K2", "K1"])])
    #expect(throws: SegmentaError.duplicateKey(column: "id", key: "K1", rows: [1, 3])) {
      try customers.leftJoin(twice, on: "id", suffix: "dup")
    }
  }

  /// Keys match by their text whatever their kinds: identifier bytes (long, non-ASCII), categories and numbers
  /// (7 matches "7"); empty and missing keys match nothing; a repeated identifier key is refused like any other.
  @Test func leftJoinMatchesIdentifierBytesAcrossKinds() throws {
    let long = ["DE-4711-000123-A", "Müller-Lüdenscheid-0815", "7", ""]
    let orders = Table(
      name: "orders",
      columns: [
        Column(name: "id", strings: [long[1], long[0], nil, long[1], "7", ""]),
        Column(name: "n", numbers: [1, 2, 3, 4, 5, 6]),
      ])
    let customers = Table(
      name: "customers",
      columns: [
        Column(name: "id", kind: .identifier, strings: long + [nil]),
        Column(name: "rank", numbers: [10, 20, 30, 40, 50]),
      ], idColumn: "id")
    let joined = try orders.leftJoin(customers, on: "id", suffix: "c")
    #expect(
      Array(joined.table.column(named: "rank")?.numbers.map { $0.isNaN ? -1 : $0 } ?? []) == [20, 10, -1, 20, 30, -1])
    #expect((joined.matched, joined.unusedRight) == (4, 0))
    let numeric = Table(name: "numbers", columns: [Column(name: "id", numbers: [7, 8])])
    let byNumber = try numeric.leftJoin(customers, on: "id", suffix: "c")
    #expect(Array(byNumber.table.column(named: "rank")?.numbers.map { $0.isNaN ? -1 : $0 } ?? []) == [30, -1])
    #expect(throws: SegmentaError.duplicateKey(column: "id", key: long[1], rows: [1, 4])) {
      try customers.leftJoin(orders, on: "id", suffix: "o")
    }
    let repeated = Table(name: "dup", columns: [customers.columns[0].selecting([0, 1, 0])])
    #expect(throws: SegmentaError.duplicateKey(column: "id", key: long[0], rows: [1, 3])) {
      try orders.leftJoin(repeated, on: "id", suffix: "dup")
    }
  }
}
