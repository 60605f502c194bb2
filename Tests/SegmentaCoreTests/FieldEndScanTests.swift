import Testing

@testable import SegmentaCore

/// The eight-bytes-at-a-time field end search finds the same byte as a plain loop, for every start offset and
/// match position, bytes ≥ 0x80 and bytes just above and below the ones sought included.
@Suite struct FieldEndScanTests {
  @Test(arguments: [ASCII.comma, ASCII.semicolon, ASCII.tab, ASCII.pipe])
  func findsTheFirstSeparatorOrLineBreak(separator: UInt8) {
    var random = SeededRandom(seed: UInt64(separator))
    let alphabet: [UInt8] = [
      separator, separator &+ 1, separator &- 1, ASCII.lf, ASCII.cr, 0x0B, 0x0C, 0x80, 0xFF, 0x00, 0x41, 0x30,
    ]
    let scan = FieldEndScan(separator: separator)
    for length in [0, 1, 7, 8, 9, 15, 16, 17, 40] {
      for _ in 0..<50 {
        // Mostly plain bytes, so matches fall at every position of a word.
        let bytes = (0..<length).map { _ in
          random.nextInt(below: 6) == 0 ? alphabet[random.nextInt(below: alphabet.count)] : 0x61
        }
        bytes.withUnsafeBufferPointer { buffer in
          for start in 0...length {
            let expected =
              buffer[start...].firstIndex { $0 == separator || $0 == ASCII.lf || $0 == ASCII.cr } ?? length
            #expect(scan.end(in: buffer, from: start) == expected, "\(bytes) from \(start)")
          }
        }
      }
    }
  }
}
