import Foundation
import Testing

@testable import SegmentaCore

/// Categorical columns are dictionary-encoded: codes per row into levels in order of first appearance, whoever
/// builds them (strings, codes, row selections, the CSV reader at any block size and thread count, query results).
@Suite struct CategoricalColumnTests {
  @Test func stringsAreEncodedInOrderOfFirstAppearance() {
    let column = Column(name: "g", strings: ["b", nil, "a", "b", "c", nil])
    #expect(column.levels == ["b", "a", "c"])
    #expect(column.codes == [0, Column.missingCode, 1, 0, 2, Column.missingCode])
    #expect(column.count == 6)
    #expect(column.missingCount == 2)
    #expect(column.string(at: 2) == "a")
    #expect(column.string(at: 1) == nil)
    #expect(column.text(at: 1) == "")
    #expect(column.strings == ["b", nil, "a", "b", "c", nil])
    #expect(column.renamed("h").strings == column.strings)
    #expect(column.renamed("h").name == "h")
  }

  @Test func codesAreRenumberedAndUnusedLevelsDropped() {
    let missing = Column.missingCode
    let coded = Column(name: "g", codes: [2, missing, 0, 2], levels: ["z", "unused", "y"])
    #expect(coded.levels == ["y", "z"])
    #expect(coded.codes == [0, missing, 1, 0])
    #expect(coded == Column(name: "g", strings: ["y", nil, "z", "y"]))
    #expect(coded != Column(name: "g", strings: ["y", nil, "z", "z"]))
  }

  @Test func selectedRowsKeepOnlyTheirLevels() {
    let column = Column(name: "g", strings: ["a", "b", "c", nil])
    #expect(column.selecting([2, nil, 1, 3, 2]) == Column(name: "g", strings: ["c", nil, "b", nil, "c"]))
    let table = Table(name: "t", columns: [column]).selectingRows([1, 1, 0])
    #expect(table.columns[0] == Column(name: "g", strings: ["b", "b", "a"]))
    #expect(table.columns[0].levels == ["b", "a"])
  }

  @Test func identifiersKeepTheirTexts() {
    let column = Column(name: "id", kind: .identifier, strings: ["K2", nil, "K1"])
    #expect(column.codes.isEmpty && column.levels.isEmpty)
    #expect(column.string(at: 0) == "K2")
    #expect(column.missingCount == 1)
    #expect(column.selecting([2, nil]).strings == ["K1", nil])
  }

  /// A column read as numbers for its first blocks and as text later: the reader fills those rows in afterwards,
  /// yet the levels come out in file order, equal to encoding the texts, at every block size and thread count.
  @Test func readerBuildsTheSameCodesAsStrings() throws {
    let rows = 3 * CSVColumnsBuilder.rowsPerPart + 17
    let grades = (0..<rows).map { r -> String? in
      r % 97 == 5 ? nil : r < 2 * CSVColumnsBuilder.rowsPerPart ? String(r % 7) : ["x", "y", "3"][r % 3]
    }
    let colours = (0..<rows).map { r -> String? in r % 11 == 0 ? nil : ["red", "green", "blue"][(r / 5) % 3] }
    var text = "row,grade,colour\n"
    for r in 0..<rows { text += "\(r),\(grades[r] ?? "NA"),\(colours[r] ?? "")\n" }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-codes-\(UUID()).csv").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let expected = [Column(name: "grade", strings: grades), Column(name: "colour", strings: colours)]
    #expect(expected[0].levels.prefix(3) == ["0", "1", "2"])
    for (blockSize, threads) in [
      (CSVReader.blockSize(threads: 2), 1), (CSVReader.blockSize(threads: 2), 2), (4096, 1), (4096, 2),
    ] {
      let table = try CSVReader.load(
        path: path, name: "t", options: CSVOptions(), context: ExecutionContext(threads: threads),
        blockSize: blockSize
      ).table
      #expect(Array(table.columns.dropFirst()) == expected, "block size \(blockSize), \(threads) threads")
    }
  }

  /// Query results are typed in parts too; a column that turns to text after many numbers gives the same codes.
  @Test func queryResultsBuildTheSameCodesAsStrings() throws {
    let rows = ColumnInference.rowsPerPart + 10
    let values = (0..<rows).map { r -> String? in r % 13 == 0 ? nil : r < rows - 5 ? String(r % 4) : "late" }
    var result = ResultSet(columnNames: ["grade"])
    for value in values {
      if let value {
        if let number = Double(value) { result.append(number) } else { result.append(value) }
      } else {
        result.appendNull()
      }
    }
    let table = try result.table(name: "t", source: "test:db", dates: DateColumns(), context: ExecutionContext())
      .table
    #expect(table.columns == [Column(name: "grade", strings: values)])
  }
}
