import Foundation
import Testing

@testable import SegmentaCore

/// Identifier columns keep their texts in one UTF-8 arena: every value comes back as it went in (empty vs
/// missing, non-ASCII, long ids), selections and equality work on it, and the CSV reader and query results build
/// the same columns as the texts they read.
@Suite struct TextArenaTests {
  static let values: [String?] = [
    "K0000001", "", nil, "DE-4711-000123-A", "Müller & Söhne GmbH, Zweigstelle Köln-Süd", "🙂", nil, "", "K7",
  ]

  @Test func valuesComeBackAsTheyWentIn() {
    let arena = TextArena(Self.values)
    #expect(arena.count == Self.values.count)
    #expect(Array(arena) == Self.values)
    #expect(arena.missingCount == 2)
    #expect(arena[1] == "" && !arena.isMissing(1))
    #expect(arena[2] == nil && arena.isMissing(2))
    #expect(TextArena().isEmpty && TextArena().missingCount == 0)
    let column = Column(name: "id", kind: .identifier, strings: Self.values)
    #expect(column.strings == Self.values)
    #expect(column.missingCount == 2)
    #expect(column.string(at: 4) == Self.values[4])
    #expect(column.text(at: 2) == "")
    #expect(column.codes.isEmpty && column.levels.isEmpty && column.numbers.isEmpty)
  }

  @Test func bytesAreReadWithoutStrings() {
    let arena = TextArena(Self.values)
    #expect(arena.withUTF8(at: 3) { Array($0) } == Array("DE-4711-000123-A".utf8))
    #expect(arena.withUTF8(at: 2) { $0.count } == 0)
    let other = TextArena(["x", "DE-4711-000123-A", nil, ""])
    #expect(arena.valueEquals(3, other, 1))
    #expect(arena.hashValue(at: 3) == other.hashValue(at: 1))
    #expect(arena.valueEquals(2, other, 2))
    #expect(arena.valueEquals(1, other, 3))
    #expect(!arena.valueEquals(2, other, 3), "missing is not the empty text")
    #expect(arena.hashValue(at: 2) != other.hashValue(at: 3))
    #expect(!arena.valueEquals(0, other, 0))
  }

  @Test func selectionsReorderRepeatAndAddMissingRows() {
    let arena = TextArena(Self.values)
    let rows: [Int?] = [4, nil, 0, 2, 4, 1, 8]
    let picked = arena.selecting(rows)
    #expect(Array(picked) == rows.map { $0.flatMap { Self.values[$0] } })
    #expect(picked == TextArena(rows.map { $0.flatMap { Self.values[$0] } }))
    #expect(arena.selecting([Int?]()) == TextArena())
    let column = Column(name: "id", kind: .identifier, strings: Self.values)
    #expect(column.selecting(rows) == Column(name: "id", kind: .identifier, strings: Array(picked)))
  }

  @Test func equalityComparesValuesWhateverTheStorage() {
    let arena = TextArena(Self.values)
    #expect(arena == TextArena(Self.values))
    #expect(arena.widened() == arena)
    #expect(Array(arena.widened()) == Self.values)
    var grown = arena.widened()
    grown.append("K8")
    #expect(Array(grown) == Self.values + ["K8"])
    #expect(arena != TextArena(Self.values.map { $0 ?? "" }), "missing differs from empty")
    #expect(TextArena(["ab", "c"]) != TextArena(["a", "bc"]), "same bytes, other boundaries")
    #expect(TextArena(["a", nil]) != TextArena([nil, "a"]))
    // Many rows with a missing one far in: the bitmap grows with it, and a missing value late in a selection
    // gives the same storage as one built directly.
    let long = (0..<200).map { $0 == 150 ? nil : "C\($0)" }
    #expect(TextArena(long).selecting((0..<200).map(Optional.some)) == TextArena(long))
    #expect(TextArena(long).selecting((0..<150).map(Optional.some)) == TextArena(long.prefix(150)))
    #expect(Column(name: "id", kind: .identifier, strings: ["a"]) != Column(name: "id", strings: ["a"]))
  }

  /// The reader's identifier column equals the texts of the file, whether it is text from the start, given as
  /// the identifier, codes with leading zeros, or read as numbers for whole blocks and filled in as text later.
  @Test(arguments: [1, 2]) func readerBuildsTheTextsOfTheFile(threads: Int) throws {
    let rows = 3 * CSVColumnsBuilder.rowsPerPart + 17
    let late = (0..<rows).map { $0 < 2 * CSVColumnsBuilder.rowsPerPart ? String($0) : "x\($0)" }
    let code = (0..<rows).map { "DE-4711-\(String(format: "%06d", $0))-Ä" }
    let number = (0..<rows).map { String(format: "%07d", $0 + 1) }
    var text = "late_id,customer_id,number_id,value\n"
    for r in 0..<rows { text += "\(late[r]),\"\(code[r])\",\(number[r]),\(r % 5)\n" }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-ids-\(UUID()).csv").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let names = ["late_id", "customer_id", "number_id"]
    for (blockSize, idColumn) in [
      (CSVReader.blockSize(threads: 2), nil), (4096, nil), (4096, "customer_id"), (4096, "number_id"),
    ] {
      let table = try CSVReader.load(
        path: path, name: "t", options: CSVOptions(idColumn: idColumn), context: ExecutionContext(threads: threads),
        blockSize: blockSize
      ).table
      let id = idColumn ?? "late_id"
      #expect(table.idColumn == id)
      // Only one column becomes the identifier; the others are categorical with the same texts.
      for (c, texts) in [late, code, number].enumerated() {
        let expected = Column(name: names[c], kind: names[c] == id ? .identifier : .categorical, strings: texts)
        #expect(table.columns[c] == expected, "\(names[c]), block size \(blockSize), id \(id)")
      }
    }
  }

  /// A mixed column that becomes the identifier after its numbers are filled in as text.
  @Test func filledRowsAreMergedInRowOrder() throws {
    let context = ExecutionContext()
    var accumulator = ColumnAccumulator(name: "customer_id", role: .mayBeIdentifier)
    accumulator.append(.texts(["a", "b"]))
    accumulator.append(.numbers([1, 2, 3], firstNonFinite: nil))
    accumulator.append(.texts(["c"]))
    accumulator.append(.numbers([4], firstNonFinite: nil))
    let pending = try accumulator.settle(context: context)
    #expect(pending == [2..<5, 6..<7])
    accumulator.fill(["1", "2", "3"], at: 2..<5)
    accumulator.fill(["4"], at: 6..<7)
    let column = try accumulator.column(context: context)
    #expect(column == Column(name: "customer_id", kind: .identifier, strings: ["a", "b", "1", "2", "3", "c", "4"]))
  }

  @Test func givenIdentifierReportsTheFirstProblemInRowOrder() {
    let context = ExecutionContext()
    func problem(_ values: [String?]) -> ColumnInference.Problem? {
      var accumulator = ColumnAccumulator(name: "key", role: .identifier)
      accumulator.append(.texts(values))
      do {
        _ = try accumulator.settle(context: context)
        _ = try accumulator.column(context: context)
        return nil
      } catch {
        return error
      }
    }
    #expect(problem(["a", "b", "c"]) == nil)
    #expect(problem(["a", "b", "a", nil, "b"]) == .repeatedIdentifier(row: 2, firstRow: 0))
    #expect(problem(["a", nil, "a"]) == .missingIdentifier(row: 1))
    #expect(problem(["x", "y", "", "z", ""]) == .repeatedIdentifier(row: 4, firstRow: 2))
  }

  /// Query results build the identifier from texts and from integers, equal to the texts.
  @Test func queryResultsBuildTheSameIdentifiers() throws {
    let rows = ColumnInference.rowsPerPart + 10
    var result = ResultSet(columnNames: ["customer_id", "order_id"])
    for r in 0..<rows {
      result.append("DE-4711-\(r)-Ö")
      result.append(integer: Int64(r * 3))
    }
    let table = try result.table(name: "t", source: "test:db", context: ExecutionContext()).table
    #expect(table.idColumn == "customer_id")
    #expect(
      table.columns[0] == Column(name: "customer_id", kind: .identifier, strings: (0..<rows).map { "DE-4711-\($0)-Ö" }))
    let keyed = try result.table(name: "t", source: "test:db", idColumn: "order_id", context: ExecutionContext()).table
    #expect(keyed.columns[1] == Column(name: "order_id", kind: .identifier, strings: (0..<rows).map { String($0 * 3) }))
  }
}
