#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Encoding detection and byte-to-text decoding for CSV files.
///
/// The tokenizer works on raw bytes: in UTF-8, Windows-1252 and Latin-1 the bytes of `,` `;` `\t` `|` `"` CR
/// and LF never occur inside a multi-byte character, so fields can be cut before knowing the encoding. Only
/// text cells are decoded, one field at a time.
enum ByteDecoding {
  /// The UTF-8 byte order mark.
  static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Whether `bytes` start with a UTF-16 byte order mark (little or big endian).
  static func hasUTF16ByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
  }

  /// The offset of the first NUL byte at or after `start`, or `nil`: `memchr`, fast even in debug builds, where a
  /// generic scan of a large file would delay Ctrl-C by seconds.
  ///
  /// - Complexity: O(n).
  static func firstNul(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    first(0, in: bytes, from: start, to: bytes.count)
  }

  /// The offset of the first `byte` in `bytes[start..<end]`, or `nil` (`memchr`).
  ///
  /// - Complexity: O(end − start).
  static func first(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
    guard let base = bytes.baseAddress, start < end, end <= bytes.count else { return nil }
    guard let found = memchr(base + start, Int32(byte), end - start) else { return nil }
    return UnsafeRawPointer(found) - UnsafeRawPointer(base)
  }

  /// The offset of the first byte that is not part of well-formed UTF-8 (per the Unicode Standard, table 3-7:
  /// no overlong forms, no surrogates, nothing above U+10FFFF), or `nil` when all of `bytes[from...]` is valid.
  ///
  /// - Complexity: O(n); ASCII runs are checked eight bytes at a time.
  static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    let n = bytes.count
    var i = start
    while i < n {
      if i + 8 <= n {
        let word = UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + i).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 {
          i += 8
          continue
        }
      }
      let b0 = bytes[i]
      if b0 < 0x80 {
        i += 1
        continue
      }
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch b0 {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        high = 0x9F
      case 0xF0:
        length = 4
        low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        high = 0x8F
      default: return i
      }
      guard i + length <= n else { return i }
      guard bytes[i + 1] >= low && bytes[i + 1] <= high else { return i }
      for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
      i += length
    }
    return nil
  }

  /// Decodes `bytes` (already valid UTF-8 when `encoding` is UTF-8) into a string.
  ///
  /// Windows-1252 maps 0x80–0x9F per the WHATWG Encoding Standard's index (0x80 → €, 0x8A → Š, 0x9A → š);
  /// its five unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 controls of the same value, as in
  /// browsers. Latin-1 maps every byte to the code point of the same value.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, as encoding: TextEncoding) -> String {
    if encoding == .utf8 || !bytes.contains(where: { $0 >= 0x80 }) {
      return String(decoding: bytes, as: UTF8.self)
    }
    var scalars = String.UnicodeScalarView()
    for byte in bytes {
      scalars.append(scalar(for: byte, in: encoding))
    }
    return String(scalars)
  }

  private static func scalar(for byte: UInt8, in encoding: TextEncoding) -> Unicode.Scalar {
    if encoding == .windows1252, (0x80...0x9F).contains(byte) {
      return Unicode.Scalar(windows1252High[Int(byte) - 0x80]).unsafelyUnwrapped
    }
    return Unicode.Scalar(byte)
  }

  /// Code points of Windows-1252 bytes 0x80–0x9F (WHATWG index-windows-1252).
  private static let windows1252High: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]
}
