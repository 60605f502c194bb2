import Foundation
import Testing

@testable import SegmentaCore

/// RFM, ABC and XYZ on the shipped order history agree exactly with `Fixtures/behaviour/behaviour.json`, written
/// by `make_behaviour_reference.py` from the `rfm` (1.0.9) and `lifetimes` (0.11.3) packages.
@Suite struct BehaviourReferenceTests {
  struct Fixture: Decodable {
    let full: Case
    let asof: Case
  }

  struct Case: Decodable {
    let reference: String
    let orders: Int
    let customers: [String]
    let rfm: RFMValues
    let lifetimes: LifetimesValues
    let abcMonetary: [String]
    let xyzMonth: XYZValues
    enum CodingKeys: String, CodingKey {
      case reference, orders, customers, rfm, lifetimes
      case abcMonetary = "abc_monetary"
      case xyzMonth = "xyz_month"
    }
  }

  struct RFMValues: Decodable {
    let recency: [Double]
    let frequency: [Double]
    let monetary: [Double]
    let r: [Double]
    let f: [Double]
    let m: [Double]
    let segment: [String]
  }

  struct LifetimesValues: Decodable {
    let frequency: [Double]
    let recency: [Double]
    let T: [Double]
    let monetary: [Double]
  }

  struct XYZValues: Decodable {
    let cv: [Double?]
    let `class`: [String?]
  }

  /// The reference case (`asof` or `full`).
  static func expected(asOf: Bool) throws -> Case {
    let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    let data = try Data(contentsOf: root.appendingPathComponent("behaviour/behaviour.json"))
    let fixture = try JSONDecoder().decode(Fixture.self, from: data)
    return asOf ? fixture.asof : fixture.full
  }

  /// All shipped orders.
  static func allOrders() throws -> Table {
    let path = BundledSampleTests.datasets.appendingPathComponent("b2b-orders.csv").path
    return try CSVReader.load(path: path, name: "orders", context: ExecutionContext()).table
  }

  /// The orders of customers K00001 … K00500, as the script selects them.
  static func orders() throws -> Table {
    let table = try allOrders()
    let ids = try #require(table.column(named: "customer_id"))
    return table.selectingRows((0..<table.rowCount).filter { (ids.strings[$0] ?? "") <= "K00500" })
  }

  static func numbers(_ table: Table, _ name: String) -> [Double] {
    table.column(named: name).map { Array($0.numbers) } ?? []
  }

  static func strings(_ table: Table, _ name: String) -> [String?] {
    table.column(named: name)?.strings ?? []
  }

  static func day(_ iso: String) -> Int? { ExpressionEvaluator.isoDay(iso) }

  @Test(arguments: [false, true])
  func rfmMatchesTheRFMPackage(asOf: Bool) throws {
    let expected = try Self.expected(asOf: asOf)
    let rfm = RFM(
      customer: "customer_id", date: "order_date", amount: "amount_eur",
      asOf: asOf ? Self.day(expected.reference) : nil)
    let result = try rfm.compute(on: Self.orders())
    let table = result.table
    #expect(result.transactionsUsed == expected.orders)
    #expect(result.referenceDay == Self.day(expected.reference))
    #expect(Self.strings(table, "customer_id") == expected.customers)
    #expect(Self.numbers(table, "recency") == expected.rfm.recency)
    #expect(Self.numbers(table, "frequency") == expected.rfm.frequency)
    #expect(Self.numbers(table, "monetary") == expected.rfm.monetary)
    #expect(Self.numbers(table, "r_score") == expected.rfm.r)
    #expect(Self.numbers(table, "f_score") == expected.rfm.f)
    #expect(Self.numbers(table, "m_score") == expected.rfm.m)
    #expect(Self.strings(table, "rfm_segment") == expected.rfm.segment)
    #expect(result.rowsAfterReference == (try Self.orders().rowCount) - expected.orders)
  }

  @Test(arguments: [false, true])
  func lifetimesDefinitionsMatchTheLifetimesPackage(asOf: Bool) throws {
    let expected = try Self.expected(asOf: asOf)
    let rfm = RFM(
      customer: "customer_id", date: "order_date", amount: "amount_eur",
      asOf: asOf ? Self.day(expected.reference) : nil, definition: .lifetimes)
    let table = try rfm.compute(on: Self.orders()).table
    #expect(table.columns.map(\.name) == ["customer_id", "frequency", "recency", "T", "monetary"])
    #expect(Self.strings(table, "customer_id") == expected.customers)
    #expect(Self.numbers(table, "frequency") == expected.lifetimes.frequency)
    #expect(Self.numbers(table, "recency") == expected.lifetimes.recency)
    #expect(Self.numbers(table, "T") == expected.lifetimes.T)
    #expect(Self.numbers(table, "monetary") == expected.lifetimes.monetary)
  }

  @Test(arguments: [false, true])
  func abcOfMonetaryMatchesTheDefinition(asOf: Bool) throws {
    let expected = try Self.expected(asOf: asOf)
    let monetary = ContiguousArray(expected.rfm.monetary)
    let result = try ABCClassification().classify(monetary, keys: expected.customers)
    #expect(result.classes == expected.abcMonetary)
    #expect(result.summary.map(\.rows) == ["A", "B", "C"].map { c in expected.abcMonetary.filter { $0 == c }.count })
  }

  @Test(arguments: [false, true])
  func xyzByMonthMatchesTheDefinition(asOf: Bool) throws {
    let expected = try Self.expected(asOf: asOf)
    let xyz = XYZClassification(
      customer: "customer_id", date: "order_date", value: "amount_eur", period: .month,
      asOf: asOf ? Self.day(expected.reference) : nil)
    let result = try xyz.compute(on: Self.orders())
    #expect(Self.strings(result.table, "customer_id") == expected.customers)
    #expect(Self.numbers(result.table, "xyz_cv").map { $0.isNaN ? nil : $0 } == expected.xyzMonth.cv)
    #expect(Self.strings(result.table, "xyz_class") == expected.xyzMonth.class)
    #expect(result.lastPeriod == String(expected.reference.prefix(7)))
  }

  /// The generator made the orders agree with the customer table: RFM on all orders gives back
  /// days_since_last_order and, for customers with orders in the last 12 months, order_count_12m.
  @Test func rfmOfAllOrdersReproducesTheCustomerTable() throws {
    let orders = try Self.allOrders()
    let rfm = try RFM(customer: "customer_id", date: "order_date", amount: "amount_eur").compute(on: orders).table
    let customers = try BundledSampleTests.load("b2b-customers.csv").table
    let joined = try customers.leftJoin(rfm, on: "customer_id", suffix: "rfm")
    #expect(joined.matched == 2000 && joined.unusedRight == 0)
    let t = joined.table
    #expect(Self.numbers(t, "recency") == Self.numbers(t, "days_since_last_order"))
    let counts = Self.numbers(t, "order_count_12m")
    let frequency = Self.numbers(t, "frequency")
    #expect(zip(counts, frequency).allSatisfy { $0 == 0 || $0 == $1 })
    #expect(RFMSegments.rules.map(\.name).contains(Self.strings(t, "rfm_segment").first.flatMap { $0 } ?? ""))
  }
}
