import Foundation
import Testing

@testable import SegmentaCore

/// The two bundled sample files (plain CSV and the German Excel export of the same rows) load to the same data.
@Suite struct BundledSampleTests {
  static let datasets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("datasets")

  static func load(_ name: String) throws -> CSVLoad {
    try CSVReader.load(path: datasets.appendingPathComponent(name).path, name: "sample", context: ExecutionContext())
  }

  @Test func germanExportLoadsToTheSameTableAsThePlainFile() throws {
    let plain = try Self.load("b2b-customers.csv")
    let german = try Self.load("b2b-customers-de.csv")
    #expect(plain.separator == UInt8(ascii: ",") && !plain.decimalComma && plain.encoding == .utf8)
    #expect(german.separator == UInt8(ascii: ";") && german.decimalComma && german.encoding == .windows1252)
    #expect(plain.table.rowCount == 2000)
    #expect(plain.table.idColumn == "customer_id")
    #expect(plain.table == german.table)
    #expect(german.table.column(named: "bundesland")?.strings.contains("Baden-Württemberg") == true)
    #expect(german.table.column(named: "plz")?.kind == .categorical)
    #expect(german.table.column(named: "discount_rate")?.missingCount == 38)
  }
}
