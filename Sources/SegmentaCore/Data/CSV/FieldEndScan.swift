/// Finds where an unquoted field ends (the next separator, CR or LF) eight bytes at a time.
///
/// SWAR ("SIMD within a register"): each byte of a 64-bit word is XORed with the byte sought, so a match becomes a
/// zero byte, and `(x - 0x01…01) & ~x & 0x80…80` sets the high bit of the lowest zero byte (higher bits may be
/// set spuriously by the borrow, never lower ones), so the lowest set bit of the three masks is the first match.
struct FieldEndScan {
  private let separators: UInt64
  private static let lows: UInt64 = 0x0101_0101_0101_0101
  private static let highs: UInt64 = 0x8080_8080_8080_8080
  private static let lineFeeds = UInt64(ASCII.lf) &* lows
  private static let carriageReturns = UInt64(ASCII.cr) &* lows

  /// A scan for `separator`.
  init(separator: UInt8) { separators = UInt64(separator) &* Self.lows }

  /// The offset of the first separator, CR or LF in `bytes[start...]`, or `bytes.count` when there is none.
  ///
  /// - Complexity: O(n), eight bytes per step.
  @inline(__always) func end(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    let n = bytes.count
    var i = start
    if let base = bytes.baseAddress {
      while i + 8 <= n {
        let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        let found =
          Self.zeroBytes(word ^ separators) | Self.zeroBytes(word ^ Self.lineFeeds)
          | Self.zeroBytes(word ^ Self.carriageReturns)
        if found != 0 { return i + found.trailingZeroBitCount / 8 }
        i += 8
      }
    }
    let separator = UInt8(truncatingIfNeeded: separators)
    while i < n && bytes[i] != separator && bytes[i] != ASCII.lf && bytes[i] != ASCII.cr { i += 1 }
    return i
  }

  @inline(__always) private static func zeroBytes(_ x: UInt64) -> UInt64 { (x &- lows) & ~x & highs }
}
