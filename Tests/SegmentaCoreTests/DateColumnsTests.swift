import Foundation
import Testing

@testable import SegmentaCore

/// `dates=COL format=…`: date formats, forced date columns in CSV files, and their errors.
@Suite struct DateColumnsTests {
  /// Writes `text` to a fresh temporary file and loads it.
  static func load(_ text: String, dates: DateColumns, idColumn: String? = nil) throws -> Table {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-dates-\(UUID()).csv").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let options = CSVOptions(idColumn: idColumn, dates: dates)
    return try CSVReader.load(path: path, name: "t", options: options, context: ExecutionContext()).table
  }

  static func error(_ text: String, dates: DateColumns, idColumn: String? = nil) -> SegmentaError? {
    do {
      _ = try load(text, dates: dates, idColumn: idColumn)
      return nil
    } catch let error as SegmentaError {
      return error
    } catch {
      Issue.record("unexpected \(error)")
      return nil
    }
  }

  // python3 -c "import datetime as d; print((d.date(2024,12,31)-d.date(1970,1,1)).days)" → 20088
  @Test(arguments: [
    (DateFormat.iso, "2024-12-31", 20088), (.german, "31.12.2024", 20088), (.german, "1.2.2024", 19754),
    (.compact, "20241231", 20088), (.iso, " 2024-02-29 ", 19782),
  ])
  func formatsReadTheirOwnSpelling(format: DateFormat, text: String, days: Int) {
    #expect(format.days(in: text) == days)
  }

  @Test(arguments: [
    (DateFormat.iso, "31.12.2024"), (.iso, "2024-2-3"), (.iso, "2023-02-29"), (.german, "2024-12-31"),
    (.german, "31.12.24"), (.german, "31-12-2024"), (.compact, "2024123"), (.compact, "20241331"),
    (.compact, "2024-12-31"), (.german, ""), (.iso, "2024-12-31x"),
  ])
  func formatsRejectOtherSpellingsAndImpossibleDays(format: DateFormat, text: String) {
    #expect(format.days(in: text) == nil)
  }

  @Test func compactDatesLoadAsDatesOnlyWhenAsked() throws {
    let csv = "id,booked\nK1,20241231\nK2,\nK3,20240101\n"
    #expect(try Self.load(csv, dates: DateColumns()).column(named: "booked")?.kind == .numeric)
    let table = try Self.load(csv, dates: DateColumns(names: ["booked"], format: .compact))
    #expect(table.kinds == [.identifier, .date])
    #expect(table.texts("booked") == ["2024-12-31", "", "2024-01-01"])
  }

  @Test func forcedDatesWithoutFormatAcceptBothSpellings() throws {
    let table = try Self.load("a,b\n31.12.2024,1\n2024-01-01,2\n", dates: DateColumns(names: ["a"]))
    #expect(table.texts("a") == ["2024-12-31", "2024-01-01"])
  }

  @Test func aValueThatIsNoDateIsReportedWhereItIs() throws {
    let error = Self.error(
      "a,b\n1,31.12.2024\n2,2024-12-31\n", dates: DateColumns(names: ["b"], format: .german))
    #expect(
      error?.description
        == "<path>:3:2: '2024-12-31' in date column 'b' is not a date written DD.MM.YYYY (correct the value, leave it empty for a missing date, or give the column's format=)"
        .replacingOccurrences(of: "<path>", with: Self.pathOf(error)))
  }

  @Test func unknownDateColumnsAreSuggestedAndTheIdentifierIsRefused() {
    #expect(
      Self.error("booked,b\n2024-01-01,1\n", dates: DateColumns(names: ["boked"]))
        == .unknownColumn("boked", suggestion: "booked"))
    let clash = Self.error("id,b\n2024-01-01,1\n", dates: DateColumns(names: ["id"]), idColumn: "id")
    #expect(clash?.description.contains("columns other than the identifier column id=id") == true)
  }

  private static func pathOf(_ error: SegmentaError?) -> String {
    if case .csv(let path, _, _, _, _)? = error { return path }
    return "?"
  }
}
