/// A short, stable hash of a byte sequence, used to notice that an input file changed between a recorded
/// session and its replay. Not cryptographic.
enum Fingerprint {
  /// FNV-1a 64-bit (Fowler, Noll, Vo; http://www.isthe.com/chongo/tech/comp/fnv/) of `bytes`, as 16 lowercase
  /// hexadecimal digits.
  ///
  /// - Complexity: O(n) in the number of bytes.
  static func fnv1a64(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
