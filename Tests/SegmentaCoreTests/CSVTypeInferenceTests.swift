import Testing

@testable import SegmentaCore

/// Missing-value markers and per-column kind inference, including the identifier column.
@Suite struct CSVTypeInferenceTests {
  @Test func missingMarkersAreCountedAsMissing() throws {
    let table = try CSVFixture.load("missing.csv").table
    let numbers = try #require(table.column(named: "n"))
    #expect(numbers.kind == .numeric)
    #expect(numbers.missingCount == 10)
    #expect(numbers.numbers.first == 1 && numbers.numbers.last == 2)
    let text = try #require(table.column(named: "text"))
    #expect(text.kind == .categorical)
    #expect(text.missingCount == 10)
    #expect(text.strings.compactMap { $0 } == ["a", "b"])
  }

  @Test func kindsNumbersAndDatesInBothFormats() throws {
    let table = try CSVFixture.load("types.csv").table
    #expect(
      table.kinds == [.identifier, .numeric, .numeric, .numeric, .date, .date, .date, .categorical])
    #expect(table.idColumn == "customer_id")
    #expect(table.texts("customer_id") == ["K-1", "K-2", "K-3"])
    #expect(table.texts("visits") == ["3", "5", ""])
    #expect(table.texts("spend") == ["10.5", "-2", "1000"])
    #expect(table.texts("first_order") == ["2024-01-31", "2023-12-01", ""])
    #expect(table.texts("last_order") == ["2024-01-31", "2023-12-01", "2024-02-29"])
    #expect(table.texts("mixed_dates") == ["2024-01-31", "2023-12-01", ""])
    // Days since 1970-01-01: python3 -c "import datetime as d; print((d.date(2024,1,31)-d.date(1970,1,1)).days)"
    #expect(table.column(named: "first_order")?.numbers.first == 19753)
  }

  @Test func codesWithLeadingZerosStayText() throws {
    let table = try CSVFixture.load("leading_zero_codes.csv").table
    #expect(table.kinds == [.categorical, .categorical])
    #expect(table.texts("plz") == ["04078", "10115", "80331"])
    #expect(table.texts("amount") == ["0", "02.5", "3"], "a lone 0 is a number, 02.5 is not a quantity anyone writes")
  }

  @Test func numericLookingIdentifierKeepsItsText() throws {
    let table = try CSVFixture.load("numeric_id.csv").table
    #expect(table.idColumn == "Kundennummer")
    #expect(table.kinds == [.identifier, .numeric, .numeric])
    #expect(table.texts("Kundennummer") == ["00123", "00124", "00125"])
  }

  @Test func givenIdentifierColumnWinsAndDisablesDetection() throws {
    let table = try CSVFixture.load("numeric_id.csv", options: CSVOptions(idColumn: "code")).table
    #expect(table.idColumn == "code")
    // Not the identifier now, but its leading zeros still mark a code, kept as text.
    #expect(table.kinds == [.categorical, .identifier, .numeric])
    #expect(table.texts("code") == ["7", "8", "9"])
    #expect(table.texts("Kundennummer") == ["00123", "00124", "00125"])
  }

  @Test func repeatedValuesAreNoIdentifier() throws {
    let table = try CSVFixture.load("not_unique_id.csv").table
    #expect(table.idColumn == nil)
    #expect(table.kinds == [.categorical, .numeric])
  }

  @Test func givenIdentifierWithRepeatsIsAnError() {
    CSVFixture.expectError(
      "not_unique_id.csv", options: CSVOptions(idColumn: "customer_id"), line: 3, column: 1,
      problem: "identifier 'A' in column 'customer_id' repeats (first on line 2)", hint: "remove the duplicate row")
  }

  @Test func givenIdentifierWithMissingValueIsAnError() {
    CSVFixture.expectError(
      "id_with_missing.csv", options: CSVOptions(idColumn: "key"), line: 3, column: 1, problem: "missing value")
  }

  @Test func unknownIdentifierColumnSuggestsTheClosestName() {
    let error = CSVFixture.error("types.csv", options: CSVOptions(idColumn: "custmer_id"))
    #expect(error == .unknownColumn("custmer_id", suggestion: "customer_id"))
  }

  @Test(arguments: [
    ("customer_id", true), ("CustomerID", true), ("customerId", true), ("KundenNr", true), ("Kundennummer", true),
    ("order-key", true), ("product code", true), ("paid", false), ("valid", false), ("age", false),
    ("income", false), ("ID", true),
  ])
  func identifierNames(name: String, expected: Bool) {
    #expect(IdentifierNames.looksLikeIdentifier(name) == expected)
  }
}
