import Testing

@testable import SegmentaCore

/// Separators, quoting and line endings.
@Suite struct CSVDialectTests {
  @Test(arguments: [
    ("comma.csv", UInt8(ascii: ",")), ("semicolon.csv", UInt8(ascii: ";")),
    ("tab.tsv", UInt8(ascii: "\t")), ("pipe.csv", UInt8(ascii: "|")),
  ])
  func detectsEachSeparator(file: String, separator: UInt8) throws {
    let load = try CSVFixture.load(file)
    #expect(load.separator == separator)
    #expect(load.table.columns.map(\.name) == ["customer_id", "age", "income", "segment"])
    #expect(load.table.kinds == [.identifier, .numeric, .numeric, .categorical])
    #expect(load.table.texts("income") == ["52000.5", "61000", "38000.25"])
    #expect(load.table.idColumn == "customer_id")
  }

  @Test func givenSeparatorOverridesDetection() throws {
    let load = try CSVFixture.load("comma.csv", options: CSVOptions(separator: UInt8(ascii: ";")))
    #expect(load.separator == UInt8(ascii: ";"))
    #expect(load.table.columns.map(\.name) == ["customer_id,age,income,segment"])
  }

  @Test func quotedFieldsKeepSeparatorsQuotesAndNewlines() throws {
    let table = try CSVFixture.load("quoted.csv").table
    #expect(table.texts("comment") == ["Smith, John", "She said \"hi\"", "two\nlines", "crlf\r\ninside", ""])
    #expect(table.column(named: "comment")?.strings.last == .some(nil))
    #expect(table.texts("amount") == ["10", "20", "30", "40", "50"])
  }

  @Test func crlfWithoutFinalNewline() throws {
    let table = try CSVFixture.load("crlf.csv").table
    #expect(table.texts("a") == ["1", "2"])
    #expect(table.texts("b") == ["x", "y"])
  }

  @Test func loneCarriageReturns() throws {
    let table = try CSVFixture.load("cr.csv").table
    #expect(table.texts("a") == ["1", "2"])
    #expect(table.texts("b") == ["x", "y"])
  }

  @Test func blankLinesAreSkippedWhenThereAreSeveralColumns() throws {
    let table = try CSVFixture.load("blank_lines.csv").table
    #expect(table.rowCount == 2)
    #expect(table.texts("b") == ["x", "y"])
  }

  @Test func blankLinesInASingleColumnAreMissingExceptAtTheEnd() throws {
    let table = try CSVFixture.load("single_column.csv").table
    #expect(table.texts("score") == ["1", "", "3"])
    #expect(table.columns[0].missingCount == 1)
  }

  @Test func linesAreCountedPhysicallyAcrossQuotedNewlines() {
    // Line 2 holds a field spanning lines 2-3 (CRLF inside quotes), so the ragged record is on line 4.
    CSVFixture.expectError("multiline_then_ragged.csv", line: 4, column: 3, problem: "has 3 fields, the header has 2")
  }
}
