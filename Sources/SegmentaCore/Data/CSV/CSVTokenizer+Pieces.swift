extension CSVTokenizer {
  /// Bytes per piece when a block is tokenized in pieces (a fixed grain, so the pieces do not depend on the thread
  /// count; the records do not depend on the pieces at all).
  static let bytesPerPiece = 256 << 10

  /// ``tokenize(_:from:line:width:isFinal:)`` of a whole block, in parallel pieces when that gives the same
  /// records for sure: the header's width is known and above 1 (so blank lines are simply skipped) and the block
  /// holds no quote (so every line break ends a record). The pieces end after a line feed; each looks for a quote
  /// in its bytes first, then is tokenized on its own, their line numbers shifted and their records joined in
  /// order. A piece with a quote, or one that fails (a ragged record), sends the whole block through the
  /// sequential path, which reports an error at its exact line.
  ///
  /// - Throws: as ``tokenize(_:from:line:width:isFinal:)``.
  func tokenizeBlock(
    _ bytes: UnsafeBufferPointer<UInt8>, line: Int, width: Int, isFinal: Bool
  ) throws(SegmentaError) -> CSVRecords {
    let cuts = pieceEnds(bytes, width: width)
    guard cuts.count > 1 else { return try tokenize(bytes, from: 0, line: line, width: width, isFinal: isFinal) }
    let shared = SharedBytes(bytes: bytes)
    let tokenizer = self
    let pieces = context.mapChunks(count: cuts.count, chunkCount: cuts.count) {
      piece, _ -> Result<CSVRecords, SegmentaError>? in
      let start = piece == 0 ? 0 : cuts[piece - 1]
      let end = cuts[piece]
      let bytes = UnsafeBufferPointer(start: shared.bytes.baseAddress, count: end)
      guard ByteDecoding.first(ASCII.quote, in: bytes, from: start, to: end) == nil else { return nil }
      // The first line of every piece is counted as 0 and shifted once the earlier pieces' lines are known.
      return Result { () throws(SegmentaError) in
        try tokenizer.tokenize(
          bytes, from: start, line: 0, width: width, isFinal: piece == cuts.count - 1 ? isFinal : true)
      }
    }
    var parts: [CSVRecords] = []
    parts.reserveCapacity(pieces.count)
    for (p, piece) in pieces.enumerated() {
      if case .failure(.interrupted) = piece { throw .interrupted }
      // Every piece but the last ends after a line feed, so all of it is whole records.
      guard case .success(let records) = piece, p == cuts.count - 1 || records.consumed == cuts[p] else {
        return try tokenize(bytes, from: 0, line: line, width: width, isFinal: isFinal)
      }
      parts.append(records)
    }
    return joined(parts, line: line, width: width)
  }

  /// Where the pieces of `bytes` end: after the first line feed at or after every ``bytesPerPiece`` bytes, the
  /// last one at the block's end; a single piece when the records are too few or a single column (whether the
  /// block holds a quote, each piece finds out in parallel).
  func pieceEnds(_ bytes: UnsafeBufferPointer<UInt8>, width: Int) -> [Int] {
    let n = bytes.count
    guard width > 1, n >= 2 * Self.bytesPerPiece else { return [n] }
    var ends: [Int] = []
    var from = Self.bytesPerPiece
    while from < n, let lineFeed = ByteDecoding.first(ASCII.lf, in: bytes, from: from, to: n), lineFeed + 1 < n {
      ends.append(lineFeed + 1)
      from = lineFeed + 1 + Self.bytesPerPiece
    }
    ends.append(n)
    return ends
  }

  /// The records of consecutive pieces as one block's: line numbers shifted by the lines before each piece.
  private func joined(_ parts: [CSVRecords], line: Int, width: Int) -> CSVRecords {
    var out = CSVRecords()
    out.width = width
    out.endLine = line
    let fields = parts.reduce(0) { $0 + $1.starts.count }
    out.starts.reserveCapacity(fields)
    out.ends.reserveCapacity(fields)
    out.quoted.reserveCapacity(fields)
    out.lines.reserveCapacity(parts.reduce(0) { $0 + $1.lines.count })
    var first = line
    for part in parts {
      out.starts.append(contentsOf: part.starts)
      out.ends.append(contentsOf: part.ends)
      out.quoted.append(contentsOf: part.quoted)
      out.lines.append(contentsOf: part.lines.lazy.map { $0 + first })
      if part.recordCount > 0 { out.endLine = part.endLine + first }
      out.consumed = part.consumed
      first += part.nextLine
    }
    out.nextLine = first
    return out
  }
}

/// A block's bytes shared read-only with the threads that work on it, for the duration of one call.
struct SharedBytes: @unchecked Sendable {
  let bytes: UnsafeBufferPointer<UInt8>
}
