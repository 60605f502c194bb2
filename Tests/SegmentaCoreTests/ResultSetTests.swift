import Testing

@testable import SegmentaCore

/// Query results become tables with the CSV type rules; only NULL is missing; the fingerprint follows the cells.
@Suite struct ResultSetTests {
  /// A result from rows of `nil` (NULL), `Double` or `String` cells.
  static func result(_ names: [String], _ rows: [[Any?]]) -> ResultSet {
    var result = ResultSet(columnNames: names)
    for row in rows {
      for cell in row {
        switch cell {
        case let number as Double: result.append(number)
        case let text as String: result.append(text)
        default: result.appendNull()
        }
      }
    }
    return result
  }

  static func table(_ names: [String], _ rows: [[Any?]], dates: DateColumns = DateColumns()) throws -> Table {
    try result(names, rows).table(name: "t", source: "test:db", dates: dates, context: ExecutionContext()).table
  }

  @Test func kindsFollowTheCSVRules() throws {
    let table = try Self.table(
      ["customer_id", "revenue", "plz", "since", "segment", "amount_text", "empty"],
      [
        [10023.0, 1500.5, "04078", "2024-12-31", "A", "12.5", nil],
        [10024.0, nil, "10115", "31.01.2023", "B", "-3", nil],
        [10025.0, 7.0, "80331", nil, nil, "1e3", nil],
      ])
    #expect(table.kinds == [.identifier, .numeric, .categorical, .date, .categorical, .numeric, .numeric])
    #expect(table.idColumn == "customer_id")
    #expect(table.texts("customer_id") == ["10023", "10024", "10025"])
    #expect(table.texts("since") == ["2024-12-31", "2023-01-31", ""])
    #expect(table.column(named: "revenue")?.missingCount == 1)
    #expect(table.column(named: "segment")?.missingCount == 1)
    #expect(table.texts("amount_text") == ["12.5", "-3", "1000"])
  }

  @Test func onlyNullIsMissing() throws {
    let table = try Self.table(["note"], [["NA"], [""], [nil]])
    #expect(table.column(named: "note")?.strings == ["NA", "", nil])
  }

  @Test func mixedNumbersAndTextsStayText() throws {
    let table = try Self.table(["code"], [[1.0], ["x"], [2.5]])
    #expect(table.column(named: "code")?.strings == ["1", "x", "2.5"])
  }

  @Test func compactDatesFromIntegerColumns() throws {
    let table = try Self.table(
      ["booked"], [[20241231.0], [nil]], dates: DateColumns(names: ["booked"], format: .compact))
    #expect(table.texts("booked") == ["2024-12-31", ""])
  }

  @Test func problemsNameRowAndColumn() {
    let cases: [(ResultSet, DateColumns, String)] = [
      (
        Self.result(["x"], [[1.0], [Double.infinity]]), DateColumns(), "row 2, column 'x': 'inf' is not a finite number"
      ),
      (
        Self.result(["d"], [["2024-01-01"], ["01/02/2024"]]), DateColumns(names: ["d"]),
        "row 2, column 'd': '01/02/2024' is not a date written YYYY-MM-DD or DD.MM.YYYY"
      ),
      (Self.result(["id", "id"], [[1.0, 2.0]]), DateColumns(), "two columns called 'id'"),
      (Self.result(["a"], []), DateColumns(), "the query returned no rows"),
    ]
    for (result, dates, message) in cases {
      do {
        _ = try result.table(name: "t", source: "test:db", dates: dates, context: ExecutionContext())
        Issue.record("expected: \(message)")
      } catch {
        #expect(error.description.hasPrefix("test:db: "))
        #expect(error.description.contains(message), "\(error)")
      }
    }
  }

  @Test func givenIdentifierMustBeCompleteAndUnique() {
    #expect(throws: SegmentaError.self) {
      try Self.result(["k", "v"], [["a", 1.0], ["a", 2.0]]).table(
        name: "t", source: "s", idColumn: "k", context: ExecutionContext())
    }
    #expect(throws: SegmentaError.unknownColumn("kk", suggestion: "k")) {
      try Self.result(["k"], [["a"]]).table(name: "t", source: "s", idColumn: "kk", context: ExecutionContext())
    }
  }

  @Test func fingerprintFollowsValuesTypesAndOrder() throws {
    func print(_ rows: [[Any?]]) throws -> String {
      try Self.result(["a", "b"], rows).table(name: "t", source: "s", context: ExecutionContext()).fingerprint
    }
    let base = try print([[1.0, "x"], [2.0, nil]])
    #expect(try print([[1.0, "x"], [2.0, nil]]) == base)
    #expect(try print([[2.0, nil], [1.0, "x"]]) != base)
    #expect(try print([[1.0, "x"], [2.0, ""]]) != base)
    #expect(try print([["1", "x"], [2.0, nil]]) != base)
    #expect(base.count == 16)
  }

  /// A column keeps numbers only once one arrives and texts only once one arrives, whatever comes first; every
  /// cell reads back as it was appended.
  @Test func cellsReadBackWhateverArrivesFirst() {
    for textFirst in [false, true] {
      var column = ResultColumn(name: "x")
      column.appendNull()
      if textFirst { column.append("a") } else { column.append(2.5) }
      column.appendNull()
      if textFirst { column.append(2.5) } else { column.append("a") }
      column.append("")
      column.append(7)
      let texts = (0..<column.rowCount).map { column.text($0) }
      #expect(texts == (textFirst ? [nil, "a", nil, "2.5", "", "7"] : [nil, "2.5", nil, "a", "", "7"]))
      #expect((0..<column.rowCount).map(column.isMissing) == [true, false, true, false, false, false])
      #expect(column.number(textFirst ? 3 : 1) == .number(2.5))
      #expect(column.number(5) == .number(7))
      #expect(column.number(textFirst ? 1 : 3) == .notANumber)
    }
    var texts = ResultColumn(name: "t")
    texts.append("x")
    texts.appendNull()
    #expect(texts.numbers.isEmpty, "a column of texts holds no number per row")
    var numbers = ResultColumn(name: "n")
    numbers.append(1)
    numbers.appendNull()
    #expect(numbers.texts.isEmpty, "a column of numbers holds no text per row")
  }
}
