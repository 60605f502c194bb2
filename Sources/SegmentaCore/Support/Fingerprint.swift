/// A short, stable hash of a byte sequence, used to notice that an input file changed between a recorded
/// session and its replay. Not cryptographic.
enum Fingerprint {
  /// FNV-1a 64-bit (Fowler, Noll, Vo; http://www.isthe.com/chongo/tech/comp/fnv/) of `bytes`, as 16 lowercase
  /// hexadecimal digits.
  ///
  /// - Complexity: O(n) in the number of bytes.
  /// - Throws: ``SegmentaError/interrupted`` when cancelled (checked every 4 MiB).
  static func fnv1a64(_ bytes: UnsafeBufferPointer<UInt8>, context: ExecutionContext = ExecutionContext())
    throws(SegmentaError) -> String
  {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for (i, byte) in bytes.enumerated() {
      if i & 0x3F_FFFF == 0 { try context.checkCancellation() }
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
