import Testing

@testable import SegmentaCore

/// Every malformed-file error names the line and field where it is and says what to do.
@Suite struct CSVErrorTests {
  @Test func rowWithTooManyFields() {
    CSVFixture.expectError(
      "ragged_more.csv", line: 3, column: 4, problem: "this row has 4 fields, the header has 3",
      hint: "the separator is ',' (comma)")
  }

  @Test func rowWithTooFewFields() {
    CSVFixture.expectError("ragged_fewer.csv", line: 3, column: 3, problem: "this row has 2 fields, the header has 3")
  }

  @Test func unterminatedQuoteIsReportedWhereItOpened() {
    CSVFixture.expectError(
      "unterminated.csv", line: 3, column: 2, problem: "the quote opened here is never closed", hint: "doubled")
  }

  @Test func textAfterAClosingQuote() {
    CSVFixture.expectError("after_quote.csv", line: 2, column: 2, problem: "unexpected text after the closing quote")
  }

  @Test(arguments: ["empty.csv", "blank_only.csv"])
  func emptyFile(name: String) {
    CSVFixture.expectError(name, line: 1, column: 1, problem: "the file is empty", hint: "header row")
  }

  @Test(arguments: ["header_only.csv", "header_only_no_newline.csv", "single_column_header_only.csv"])
  func headerWithoutDataRows(name: String) {
    CSVFixture.expectError(name, line: 2, column: 1, problem: "header but no data rows")
  }

  @Test(arguments: [UInt8(ascii: "\""), 0x0A, 0x0D, 0xE4])
  func unusableSeparatorIsAnInvalidParameter(separator: UInt8) {
    let error = CSVFixture.error("comma.csv", options: CSVOptions(separator: separator))
    guard case .invalidParameter(let name, _, _) = error else {
      Issue.record("expected invalidParameter, got \(String(describing: error))")
      return
    }
    #expect(name == "separator")
  }

  @Test func duplicateColumnName() {
    CSVFixture.expectError(
      "duplicate_names.csv", line: 1, column: 4, problem: "column name 'age' appears twice (columns 2 and 4)",
      hint: "rename")
  }

  @Test func emptyColumnName() {
    CSVFixture.expectError("empty_name.csv", line: 1, column: 2, problem: "column 2 has no name")
  }

  @Test func trailingSeparatorInTheHeader() {
    CSVFixture.expectError(
      "trailing_separator.csv", line: 1, column: 3, problem: "column 3 has no name", hint: "trailing separator")
  }

  @Test func nulByteLooksBinary() {
    CSVFixture.expectError("nul.csv", line: 3, column: 2, problem: "NUL byte", hint: "xlsx")
  }

  @Test func nonexistentFile() {
    let error = CSVFixture.error("does_not_exist.csv")
    guard case .fileUnreadable(let path, let reason) = error else {
      Issue.record("expected fileUnreadable, got \(String(describing: error))")
      return
    }
    #expect(path.hasSuffix("does_not_exist.csv"))
    #expect(reason.contains("No such file"))
  }

  @Test func directoryIsNotAFile() {
    let folder = CSVFixture.path("")
    do throws(SegmentaError) {
      _ = try CSVReader.load(path: folder, name: "t", context: ExecutionContext())
      Issue.record("a directory loaded")
    } catch {
      #expect(error == .fileUnreadable(path: folder, reason: "it is a directory"))
    }
  }

  @Test func cancellationStopsTheLoad() {
    let context = ExecutionContext()
    context.cancellation.cancel()
    do throws(SegmentaError) {
      _ = try CSVReader.load(path: CSVFixture.path("comma.csv"), name: "t", context: context)
      Issue.record("a cancelled load finished")
    } catch {
      #expect(error == .interrupted)
    }
  }

  @Test func messageShowsFileLineColumnAndHint() {
    let error = CSVFixture.error("ragged_fewer.csv")
    let text = error.map(String.init(describing:)) ?? ""
    #expect(
      text.hasSuffix(
        "ragged_fewer.csv:3:3: this row has 2 fields, the header has 3 (the separator is ',' (comma): quote fields "
          + "that contain it, or give separator= explicitly)"))
  }
}
