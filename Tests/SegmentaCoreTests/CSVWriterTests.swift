import Foundation
import Testing

@testable import SegmentaCore

/// CSVWriter output format and write-then-read round trips.
@Suite struct CSVWriterTests {
  private func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-csv-\(UUID().uuidString)-\(name)").path
  }

  private func contents(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  @Test func writesNumbersDatesMissingAndQuotes() throws {
    let table = Table(
      name: "t",
      columns: [
        Column(name: "id", kind: .identifier, strings: ["a", "b,c", "say \"hi\""]),
        Column(name: "n", numbers: [1, 2.5, .nan]),
        Column(name: "big", numbers: [1e20, -0.1, 3]),
        Column(name: "when", kind: .date, numbers: [19753, .nan, 0]),
        Column(name: "note", strings: [" padded", "two\nlines", nil]),
      ], idColumn: "id")
    let path = temporaryPath("format.csv")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try CSVWriter.write(table, to: path)
    let expected =
      "id,n,big,when,note\n" + "a,1,1e+20,2024-01-31,\" padded\"\n" + "\"b,c\",2.5,-0.1,,\"two\nlines\"\n"
      + "\"say \"\"hi\"\"\",,3,1970-01-01,\n"
    #expect(try contents(path) == expected)
  }

  @Test(arguments: ["types.csv", "quoted.csv", "german_export.csv", "cp1252.csv", "missing.csv", "numeric_id.csv"])
  func writeThenReadGivesTheSameTable(fixture: String) throws {
    let original = try CSVFixture.load(fixture).table
    let path = temporaryPath(fixture)
    defer { try? FileManager.default.removeItem(atPath: path) }
    try CSVWriter.write(original, to: path)
    let reread = try CSVReader.load(path: path, name: "t", context: ExecutionContext())
    #expect(reread.encoding == .utf8 && reread.separator == UInt8(ascii: ","))
    #expect(reread.table == original)
  }

  @Test func tableEqualityNoticesADifferentValueButNotMatchingMissingValues() {
    let a = Table(name: "t", columns: [Column(name: "x", numbers: [1, .nan])])
    #expect(a == a)
    #expect(a != Table(name: "t", columns: [Column(name: "x", numbers: [2, .nan])]))
    #expect(a != Table(name: "t", columns: [Column(name: "x", numbers: [1, 0])]))
  }

  @Test func rawRowsVariant() throws {
    let path = temporaryPath("raw.csv")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try CSVWriter.write(header: ["a", "b"], rows: [["1", "x;y"], ["2", "é"]], to: path)
    #expect(try contents(path) == "a,b\n1,x;y\n2,é\n")
  }

  @Test func replacesAnExistingFileAndLeavesNoTemporaryFiles() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-csv-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("out.csv").path
    try "old".write(toFile: path, atomically: false, encoding: .utf8)
    try CSVWriter.write(header: ["a"], rows: [["1"]], to: path)
    #expect(try contents(path) == "a\n1\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
  }

  @Test func missingFoldersAreCreated() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-\(UUID().uuidString)")
    let path = folder.appendingPathComponent("a/b/out.csv").path
    try CSVWriter.write(header: ["a"], rows: [["1"]], to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\n1\n")
  }

  @Test func folderBehindAFileIsUnwritable() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-\(UUID().uuidString)")
    try Data("x".utf8).write(to: file)
    let path = file.path + "/out.csv"
    do throws(SegmentaError) {
      try CSVWriter.write(header: ["a"], rows: [], to: path)
      Issue.record("wrote below a regular file")
    } catch {
      guard case .fileUnwritable(let p, let reason) = error else {
        Issue.record("expected fileUnwritable, got \(error)")
        return
      }
      #expect(p == path)
      #expect(reason.contains("Not a directory"))
    }
  }
}
