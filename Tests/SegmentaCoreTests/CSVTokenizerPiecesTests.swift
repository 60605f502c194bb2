import Testing

@testable import SegmentaCore

/// A block without quotes is tokenized in parallel pieces (``CSVTokenizer/tokenizeBlock(_:line:width:isFinal:)``);
/// its records, line numbers and errors must be exactly those of the sequential tokenizer.
@Suite struct CSVTokenizerPiecesTests {
  /// About `bytes` bytes of three-field records with LF, CRLF and lone-CR line endings, blank lines and spaces.
  private static func block(bytes: Int) -> [UInt8] {
    var text: [UInt8] = []
    var i = 0
    while text.count < bytes {
      let ending = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"][i % 5]
      text += Array("\(i), \(i % 7).5 ,x\(i % 3)\(ending)".utf8)
      i += 1
    }
    return text
  }

  private static func expectSame(
    _ a: CSVRecords, _ b: CSVRecords, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(a.starts == b.starts, sourceLocation: sourceLocation)
    #expect(a.ends == b.ends, sourceLocation: sourceLocation)
    #expect(a.quoted == b.quoted, sourceLocation: sourceLocation)
    #expect(a.lines == b.lines, sourceLocation: sourceLocation)
    #expect(a.width == b.width, sourceLocation: sourceLocation)
    #expect(a.endLine == b.endLine, sourceLocation: sourceLocation)
    #expect(a.consumed == b.consumed, sourceLocation: sourceLocation)
    #expect(a.nextLine == b.nextLine, sourceLocation: sourceLocation)
  }

  @Test func piecesGiveTheSequentialRecords() throws {
    // Ends with a complete record, with an incomplete one, and with blank lines.
    for tail in ["", "17,8,x9", "\n\n\r\n"] {
      let bytes = Self.block(bytes: 3 * CSVTokenizer.bytesPerPiece) + Array(tail.utf8)
      for threads in [1, 2] {
        let tokenizer = CSVTokenizer(path: "t.csv", separator: ASCII.comma, context: ExecutionContext(threads: threads))
        try bytes.withUnsafeBufferPointer { buffer in
          #expect(tokenizer.pieceEnds(buffer, width: 3).count > 2)
          for isFinal in [true, false] {
            let sequential = try tokenizer.tokenize(buffer, from: 0, line: 41, width: 3, isFinal: isFinal)
            let pieces = try tokenizer.tokenizeBlock(buffer, line: 41, width: 3, isFinal: isFinal)
            #expect(sequential.recordCount > CSVTokenizer.bytesPerPiece / 10)
            Self.expectSame(pieces, sequential)
          }
        }
      }
    }
  }

  @Test func aRaggedRecordInALaterPieceIsReportedAtItsLine() throws {
    var bytes = Self.block(bytes: 3 * CSVTokenizer.bytesPerPiece)
    let lines = bytes.reduce(0) { $0 + ($1 == ASCII.cr || $1 == ASCII.lf ? 1 : 0) }
    bytes += Array("1,2\n3,4,5\n".utf8)
    let tokenizer = CSVTokenizer(path: "t.csv", separator: ASCII.comma, context: ExecutionContext(threads: 2))
    let outcome = bytes.withUnsafeBufferPointer { buffer in
      #expect(tokenizer.pieceEnds(buffer, width: 3).count > 2)
      return Result { () throws(SegmentaError) in try tokenizer.tokenizeBlock(buffer, line: 1, width: 3, isFinal: true)
      }
    }
    guard case .failure(.csv(_, let line, let column, let problem, _)) = outcome else {
      Issue.record("expected a CSV error, got \(outcome)")
      return
    }
    // CRLF counts as one line break, every other CR or LF as one.
    let crlf = bytes.indices.dropLast().filter { bytes[$0] == ASCII.cr && bytes[$0 + 1] == ASCII.lf }.count
    #expect(line == 1 + lines - crlf)
    #expect(column == 3)
    #expect(problem == "this row has 2 fields, the header has 3")
  }

  @Test func aSingleColumnKeepsTheSequentialPath() {
    let tokenizer = CSVTokenizer(path: "t.csv", separator: ASCII.comma, context: ExecutionContext(threads: 2))
    Self.block(bytes: 3 * CSVTokenizer.bytesPerPiece).withUnsafeBufferPointer {
      #expect(tokenizer.pieceEnds($0, width: 1).count == 1)
    }
  }

  /// A quoted field may hold line breaks, so pieces cut at line feeds would split its record: a block with a
  /// quote anywhere (at its start, across the first cut, at its end) gives the sequential records.
  @Test func aQuoteInAnyPieceGivesTheSequentialRecords() throws {
    let plain = Self.block(bytes: 3 * CSVTokenizer.bytesPerPiece)
    let quoted = Array(("\"" + String(repeating: String(repeating: "x", count: 49) + "\n", count: 6) + "\",1,2\n").utf8)
    for at in [0, CSVTokenizer.bytesPerPiece, plain.count] {
      let cut = plain[..<at].lastIndex(of: ASCII.lf).map { $0 + 1 } ?? 0
      let bytes = Array(plain[..<cut]) + quoted + Array(plain[cut...])
      let tokenizer = CSVTokenizer(path: "t.csv", separator: ASCII.comma, context: ExecutionContext(threads: 2))
      try bytes.withUnsafeBufferPointer { buffer in
        #expect(tokenizer.pieceEnds(buffer, width: 3).count > 2)
        let sequential = try tokenizer.tokenize(buffer, from: 0, line: 1, width: 3, isFinal: true)
        Self.expectSame(try tokenizer.tokenizeBlock(buffer, line: 1, width: 3, isFinal: true), sequential)
        #expect(sequential.quoted.contains(true))
      }
    }
  }
}
