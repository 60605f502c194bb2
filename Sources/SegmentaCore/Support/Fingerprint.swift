/// A short, stable hash of a byte sequence, used to notice that an input (a file, a query result) changed between
/// a recorded session and its replay. Not cryptographic.
///
/// FNV-1a 64-bit (Fowler, Noll, Vo; http://www.isthe.com/chongo/tech/comp/fnv/), fed incrementally so a query
/// result can be hashed while it streams in.
struct Fingerprint {
  private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

  /// An empty hash.
  init() {}

  /// Adds one byte.
  @inline(__always) mutating func add(_ byte: UInt8) {
    hash ^= UInt64(byte)
    hash &*= 0x0000_0100_0000_01b3
  }

  /// Adds `bytes` (a plain loop over the buffer, fast in debug builds too).
  mutating func add(_ bytes: UnsafeRawBufferPointer) {
    for byte in bytes { add(byte) }
  }

  /// Adds the UTF-8 bytes of `text`.
  mutating func add(_ text: String) {
    var text = text
    text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
  }

  /// The hash so far, as 16 lowercase hexadecimal digits.
  var hex: String {
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// The hash of `bytes`, as 16 lowercase hexadecimal digits.
  ///
  /// - Complexity: O(n) in the number of bytes.
  /// - Throws: ``SegmentaError/interrupted`` when cancelled (checked every 4 MiB).
  static func fnv1a64(_ bytes: UnsafeBufferPointer<UInt8>, context: ExecutionContext = ExecutionContext())
    throws(SegmentaError) -> String
  {
    var fingerprint = Fingerprint()
    var start = 0
    while start < bytes.count {
      try context.checkCancellation()
      let end = min(bytes.count, start + 0x40_0000)
      fingerprint.add(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<end])))
      start = end
    }
    return fingerprint.hex
  }
}
