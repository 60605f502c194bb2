import Foundation
import Testing

@testable import SegmentaCore

/// The reader streams files in blocks: whatever the block size (down to one byte, so every record, quoted field,
/// line break and character is cut at every possible place) and the thread count, a file gives the same table,
/// dialect, fingerprint and errors as when read in one block.
@Suite struct CSVStreamingTests {
  /// What a load gave, comparable across block sizes.
  private enum Outcome: Equatable {
    case loaded(Table, separator: UInt8, decimalComma: Bool, encoding: TextEncoding, bom: Bool, fingerprint: String)
    case failed(SegmentaError)
  }

  private static func write(_ bytes: [UInt8]) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-stream-\(UUID()).csv").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  private static func load(
    _ path: String, blockSize: Int, threads: Int = 1, options: CSVOptions = CSVOptions()
  ) -> Outcome {
    do throws(SegmentaError) {
      let load = try CSVReader.load(
        path: path, name: "t", options: options, context: ExecutionContext(threads: threads), blockSize: blockSize)
      return .loaded(
        load.table, separator: load.separator, decimalComma: load.decimalComma, encoding: load.encoding,
        bom: load.hadByteOrderMark, fingerprint: load.fingerprint)
    } catch {
      return .failed(error)
    }
  }

  /// Loads `bytes` with every block size from 1 to past its length, with one thread and with two (which read
  /// the records while the survey of the bytes still runs), and expects the one-block outcome each time; returns
  /// that outcome.
  @discardableResult
  private static func expectSameForEveryCut(
    _ bytes: [UInt8], options: CSVOptions = CSVOptions(), sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Outcome {
    let path = try write(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let whole = load(path, blockSize: CSVReader.blockSize(threads: 2), options: options)
    for threads in [1, 2] {
      for blockSize in 1...bytes.count + 1 {
        let outcome = load(path, blockSize: blockSize, threads: threads, options: options)
        #expect(outcome == whole, "block size \(blockSize), \(threads) threads", sourceLocation: sourceLocation)
        if outcome != whole { break }
      }
    }
    return whole
  }

  private static func table(_ outcome: Outcome, sourceLocation: SourceLocation = #_sourceLocation) -> Table? {
    guard case .loaded(let table, _, _, _, _, _) = outcome else {
      Issue.record("expected a table, got \(outcome)", sourceLocation: sourceLocation)
      return nil
    }
    return table
  }

  @Test func quotedFieldWithEmbeddedNewlinesAndDoubledQuotes() throws {
    let text = "id,note,amount\r\n1,\"two\r\nlines, \"\"quoted\"\"\",3.5\r\n2,\"a\nb\",-1\r\n3,plain,\"7\"\r\n"
    let table = try #require(Self.table(try Self.expectSameForEveryCut(Array(text.utf8))))
    #expect(table.texts("note") == ["two\r\nlines, \"quoted\"", "a\nb", "plain"])
    #expect(table.texts("amount") == ["3.5", "-1", "7"])
  }

  @Test func crlfAndLoneCRLineEndings() throws {
    for ending in ["\r\n", "\r"] {
      let text = ["a;b", "1,5;x", "2,25;y", "", "3;z"].joined(separator: ending) + ending
      let table = try #require(Self.table(try Self.expectSameForEveryCut(Array(text.utf8))))
      #expect(table.texts("a") == ["1.5", "2.25", "3"])
      #expect(table.texts("b") == ["x", "y", "z"])
    }
  }

  @Test func multiByteUTF8AndByteOrderMark() throws {
    let text = "\u{FEFF}Straße,Größe,€\nMüller,1,😀x\nÅngström,2,ß\n"
    let outcome = try Self.expectSameForEveryCut(Array(text.utf8))
    guard case .loaded(let table, _, _, let encoding, let bom, _) = outcome else {
      Issue.record("\(outcome)")
      return
    }
    #expect(encoding == .utf8 && bom)
    #expect(table.texts("Straße") == ["Müller", "Ångström"])
    #expect(table.texts("€") == ["😀x", "ß"])
  }

  @Test func windows1252BytesAcrossBlocks() throws {
    // "Königsallee" and "€ und Š" in Windows-1252: bytes that are not UTF-8 start sequences mid-file.
    let bytes: [UInt8] =
      Array("Kundennummer;Stra".utf8) + [0xDF, 0x65] + Array("\n1;K".utf8) + [0xF6] + Array("nigsallee\n2;".utf8)
      + [0x80, 0x20, 0x8A, 0xE4, 0xC3] + Array("\n".utf8)
    let outcome = try Self.expectSameForEveryCut(bytes)
    guard case .loaded(let table, _, _, let encoding, _, _) = outcome else {
      Issue.record("\(outcome)")
      return
    }
    #expect(encoding == .windows1252)
    #expect(table.texts("Straße") == ["Königsallee", "€ ŠäÃ"])
  }

  @Test func headerLongerThanManyBlocks() throws {
    let names = (0..<12).map { "column_with_a_long_name_\($0)" }
    let text = names.joined(separator: ",") + "\n" + (0..<12).map(String.init).joined(separator: ",") + "\n"
    let table = try #require(Self.table(try Self.expectSameForEveryCut(Array(text.utf8))))
    #expect(table.columns.map(\.name) == names)
  }

  @Test func singleColumnBlankLinesAreKeptBetweenValuesAndDroppedAtTheEnd() throws {
    let table = try #require(Self.table(try Self.expectSameForEveryCut(Array("v\n1\n\n\n2\n\n\n".utf8))))
    #expect(table.texts("v") == ["1", "", "", "2"])
  }

  @Test func errorsAreTheSameForEveryCut() throws {
    for text in [
      "a,b\n1,2\n3,\"4\n5,6\n", "a,b\n1,2\n3\n", "a,b\n1,\"x\"y\n", "a,b\n1,inf\n2,3\n", "a,a\n1,2\n", "a,b\n",
      "\n\n", "a,b\n1,2\u{0}\n",
    ] {
      let outcome = try Self.expectSameForEveryCut(Array(text.utf8))
      guard case .failed(.csv) = outcome else {
        Issue.record("\(text.debugDescription) gave \(outcome)")
        continue
      }
    }
  }

  /// A generated file of many blocks whose columns change kind late: numbers then text, dates then text, an
  /// identifier of integers, a non-finite value near the end.
  private static func generated(rows: Int, lateText: Bool) -> [UInt8] {
    var text = "customer_id,amount,when,mixed,segment\n"
    for i in 0..<rows {
      let mixed = lateText && i == rows - 3 ? "n/v" : String(i % 13)
      let when = lateText && i == rows - 2 ? "soon" : "2024-01-\(10 + i % 19)"
      text += "\(1000 + i),\(Double(i) * 0.25),\(when),\(mixed),\(["A", "B", "Ö"][i % 3])\n"
    }
    return Array(text.utf8)
  }

  @Test func blockSizesAndThreadsGiveTheSameTable() throws {
    for lateText in [false, true] {
      let path = try Self.write(Self.generated(rows: 30_000, lateText: lateText))
      defer { try? FileManager.default.removeItem(atPath: path) }
      let whole = Self.load(path, blockSize: CSVReader.blockSize(threads: 2))
      let table = try #require(Self.table(whole))
      #expect(table.column(named: "customer_id")?.kind == .identifier)
      #expect(table.column(named: "amount")?.kind == .numeric)
      #expect(table.column(named: "when")?.kind == (lateText ? .categorical : .date))
      #expect(table.column(named: "mixed")?.kind == (lateText ? .categorical : .numeric))
      #expect(table.texts("mixed")[29_997] == (lateText ? "n/v" : "6"))
      #expect(table.texts("customer_id").last == "30999")
      for blockSize in [7, 64, 4096] {
        #expect(Self.load(path, blockSize: blockSize) == whole, "block size \(blockSize)")
      }
      #expect(Self.load(path, blockSize: CSVReader.blockSize(threads: 2), threads: 2) == whole)
      #expect(Self.load(path, blockSize: 4096, threads: 2) == whole)
    }
  }

  @Test func lateProblemsAreReportedAtTheSameLineForEveryBlockSize() throws {
    var text = Array("id,x,when\n".utf8)
    for i in 0..<5000 { text += Array("\(i),\(i),2024-02-0\(1 + i % 9)\n".utf8) }
    text += Array("5000,1e999,2024-02-01\n5001,1,31.02.2024\n".utf8)
    let path = try Self.write(text)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let options = CSVOptions(dates: DateColumns(names: ["when"]))
    for blockSize in [7, 4096, CSVReader.blockSize(threads: 2)] {
      #expect(
        Self.load(path, blockSize: blockSize)
          == .failed(
            .csv(
              path: path, line: 5002, column: 2, problem: "'1e999' in numeric column 'x' is not a finite number",
              hint: "leave the field empty (or write NA) for a missing value, or correct the number")))
      guard
        case .failed(.csv(_, let line, let column, let problem, _)) = Self.load(
          path, blockSize: blockSize, options: options)
      else {
        Issue.record("dates: expected an error")
        continue
      }
      #expect(line == 5002 && column == 2 && problem.contains("1e999"))
    }
  }

  /// With two threads the records are read while another thread surveys the bytes: what the survey finds late in
  /// the file (a NUL byte, a byte that is not UTF-8) still decides the outcome before an earlier ragged row, and a
  /// Windows-1252 byte on the last line makes the whole file read as Windows-1252, as with one thread.
  @Test func lateSurveyFindingsDecideTheOutcomeWithEveryThreadCount() throws {
    var rows = Array("id;name;x\n1;a;1\n2;b\n".utf8)
    for i in 3..<20_000 { rows += Array("\(i);n\(i % 7);\(i)\n".utf8) }
    let ragged = rows
    let valid = Array(rows.prefix(16)) + Array(rows.dropFirst(20)) + Array("2;b;2\n".utf8)
    let cases: [(bytes: [UInt8], options: CSVOptions, expected: (line: Int, problem: String)?)] = [
      (ragged + Array("20000;x".utf8) + [0] + Array(";1\n".utf8), CSVOptions(), (20_001, "NUL byte")),
      (ragged + Array("20000;K".utf8) + [0xF6] + Array(";1\n".utf8), CSVOptions(encoding: .utf8), (20_001, "0xF6")),
      (ragged + Array("20000;K".utf8) + [0xF6] + Array(";1\n".utf8), CSVOptions(), (3, "this row has 2 fields")),
      (valid + Array("20000;K".utf8) + [0xF6] + Array(";1\n".utf8), CSVOptions(), nil),
    ]
    for (bytes, options, expected) in cases {
      let path = try Self.write(bytes)
      defer { try? FileManager.default.removeItem(atPath: path) }
      let one = Self.load(path, blockSize: 4096, options: options)
      if let expected {
        guard case .failed(.csv(_, let line, _, let problem, _)) = one else {
          Issue.record("expected an error, got \(one)")
          continue
        }
        #expect(line == expected.line && problem.contains(expected.problem), "\(line): \(problem)")
      } else {
        let table = try #require(Self.table(one))
        #expect(table.texts("name").last == "Kö")
      }
      for blockSize in [4096, CSVReader.blockSize(threads: 2)] {
        #expect(Self.load(path, blockSize: blockSize, threads: 2, options: options) == one, "block size \(blockSize)")
      }
    }
  }

  /// Offsets past 2 GiB (the old reader's limit, where 32-bit offsets end) without 2 GB on disk: the records
  /// sit behind a 3 GiB hole of a sparse file, and the block reader starts there.
  @Test func offsetsPastTwoGibibytes() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-sparse-\(UUID()).csv").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let gap = 3 << 30
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.seek(toOffset: UInt64(gap))
    var text = "a,b\n"
    for i in 0..<2000 { text += "\(i),\"x\ny\(i)\"\n" }
    try handle.write(contentsOf: Data(text.utf8))
    try handle.close()
    let file = try InputFile(path: path)
    #expect(file.size == gap + text.utf8.count)
    let tokenizer = CSVTokenizer(path: path, separator: ASCII.comma, context: ExecutionContext())
    var reader = CSVBlockReader(file: file, tokenizer: tokenizer, start: gap, blockSize: 1024)
    var rows: [String] = []
    var blocks = 0
    while let block = try reader.next() {
      blocks += 1
      #expect(block.firstRow == rows.count)
      block.bytes.withUnsafeBufferPointer { bytes in
        let decoding = FieldDecoding(bytes: bytes, records: block.records, encoding: .utf8)
        for r in block.headerRecords..<block.records.recordCount {
          rows.append(decoding.text(block.records.index(r, 1)))
        }
      }
    }
    #expect(blocks > 10)
    #expect(rows.count == 2000)
    #expect(rows.last == "x\ny1999")
    #expect(reader.bytesRead == file.size)
    #expect(reader.endLine == 4002)
  }
}
