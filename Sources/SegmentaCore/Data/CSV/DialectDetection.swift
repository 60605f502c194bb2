/// Guessing the separator and the decimal mark from the file itself.
enum DialectDetection {
  /// Separators considered, in order of preference on ties.
  static let candidates: [UInt8] = [ASCII.comma, ASCII.semicolon, ASCII.tab, ASCII.pipe]

  /// The separator of the file starting at `start`: each candidate is counted outside quotes on each of the
  /// first 50 non-blank records. A candidate scores by how many records have the header's count of it; the
  /// highest score wins, then the larger count, then the order `,` `;` tab `|`. A file whose header has none of
  /// them has a single column and gets `,`.
  ///
  /// - Complexity: O(size of the first 50 records).
  static func separator(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
    let counts = candidateCounts(bytes, from: start, records: 50)
    guard let header = counts.first else { return ASCII.comma }
    var best = ASCII.comma
    var bestKey = (score: -1, count: 0)
    for (k, candidate) in candidates.enumerated() where header[k] > 0 {
      let score = counts.count(where: { $0[k] == header[k] })
      if score > bestKey.score || (score == bestKey.score && header[k] > bestKey.count) {
        best = candidate
        bestKey = (score, header[k])
      }
    }
    return best
  }

  /// Per non-blank record, how often each candidate occurs outside quotes. Quote state toggles on every `"`,
  /// which is exact for well-formed files (a doubled quote toggles twice).
  private static func candidateCounts(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, records limit: Int
  ) -> [[Int]] {
    var rows: [[Int]] = []
    var current = [Int](repeating: 0, count: candidates.count)
    var inQuotes = false
    var blank = true
    var i = start
    while i < bytes.count && rows.count < limit {
      let b = bytes[i]
      if b == ASCII.quote {
        inQuotes.toggle()
      } else if !inQuotes && (b == ASCII.lf || b == ASCII.cr) {
        if !blank { rows.append(current) }
        current = [Int](repeating: 0, count: candidates.count)
        blank = true
        i += 1
        continue
      } else if !inQuotes, let k = candidates.firstIndex(of: b) {
        current[k] += 1
      }
      blank = false
      i += 1
    }
    if !blank && rows.count < limit { rows.append(current) }
    return rows
  }

  /// Whether numbers in the data use a decimal comma, judged from the first 1,000 data rows.
  ///
  /// Never for comma-separated files (give `decimal=comma` to force it). Each numeric-looking field votes:
  /// `0,5` `12,50` `1.234,5` `1.234.567` for a decimal comma; `0.5` `12.50` `1,234.5` `1,234,567` for a point.
  /// Fields such as `1,234` or `1.234` (1–3 digits, a mark, exactly 3 digits) could be either and only break a
  /// tie: a semicolon-separated file whose only evidence is `1,234`-like fields gets a decimal comma. More votes
  /// win; no votes or a tie mean a decimal point.
  static func decimalComma(
    _ bytes: UnsafeBufferPointer<UInt8>, records: CSVRecords, separator: UInt8
  ) -> Bool {
    guard separator != ASCII.comma, records.recordCount > 1 else { return false }
    var votes = (comma: 0, point: 0, maybeComma: 0, maybePoint: 0)
    for r in 1..<min(records.recordCount, 1001) {
      for c in 0..<records.width {
        let f = records.index(r, c)
        guard !records.isEscaped(f) else { continue }
        switch vote(bytes, FieldText.trimmed(bytes, records.range(f))) {
        case .comma: votes.comma += 1
        case .point: votes.point += 1
        case .maybeComma: votes.maybeComma += 1
        case .maybePoint: votes.maybePoint += 1
        case nil: break
        }
      }
    }
    if votes.comma != votes.point { return votes.comma > votes.point }
    return votes.comma == 0 && separator == ASCII.semicolon && votes.maybeComma > 0 && votes.maybePoint == 0
  }

  private enum Vote { case comma, point, maybeComma, maybePoint }

  /// How one trimmed field votes: digit groups separated by `,`/`.` marks, optionally signed.
  private static func vote(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Vote? {
    var groups: [Int] = [0]
    var marks: [UInt8] = []
    var i = range.lowerBound
    if i < range.upperBound && (bytes[i] == 0x2B || bytes[i] == 0x2D) { i += 1 }
    let firstDigit = i
    while i < range.upperBound {
      let b = bytes[i]
      if b &- 0x30 < 10 {
        groups[groups.count - 1] += 1
      } else if (b == ASCII.comma || b == ASCII.period) && groups[groups.count - 1] > 0 && marks.count < 8 {
        marks.append(b)
        groups.append(0)
      } else {
        return nil
      }
      i += 1
    }
    guard let last = marks.last, groups[groups.count - 1] > 0 else { return nil }
    let leadingZero = bytes[firstDigit] == 0x30
    let groupable = (1...3).contains(groups[0]) && !leadingZero
    if marks.count == 1 {
      let ambiguous = groupable && groups[1] == 3
      return last == ASCII.comma ? (ambiguous ? .maybeComma : .comma) : (ambiguous ? .maybePoint : .point)
    }
    let grouping = marks[0]
    guard groupable, marks.dropLast().allSatisfy({ $0 == grouping }),
      groups.dropFirst().dropLast().allSatisfy({ $0 == 3 })
    else { return nil }
    if last == grouping {
      guard groups[groups.count - 1] == 3 else { return nil }
      return grouping == ASCII.period ? .comma : .point
    }
    return last == ASCII.comma ? .comma : .point
  }
}
