/// Small byte-level tests on single fields: trimming, missing-value markers and codes with leading zeros.
enum FieldText {
  /// `range` without surrounding spaces and tabs.
  @inline(__always) static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var lo = range.lowerBound
    var hi = range.upperBound
    while lo < hi && (bytes[lo] == ASCII.space || bytes[lo] == ASCII.tab) { lo += 1 }
    while hi > lo && (bytes[hi - 1] == ASCII.space || bytes[hi - 1] == ASCII.tab) { hi -= 1 }
    return lo..<hi
  }

  /// The texts that mean "no value", besides an empty or blank field: what R, Excel, SQL dumps and ERP exports
  /// write. `NaN` is deliberately absent: in a numeric column it is rejected as a non-finite number.
  static let missingMarkers: [[UInt8]] = ["NA", "N/A", "n/a", "#N/A", "-", "null", "NULL"].map { Array($0.utf8) }

  /// The markers packed as by ``packed(_:_:)`` (all are 1–4 bytes long).
  private static let packedMarkers: [UInt64] = missingMarkers.map { marker in
    marker.withUnsafeBufferPointer { packed($0, 0..<$0.count) }
  }

  /// The bytes of a 1–4-byte range, little-endian in the low 32 bits, and its length above them: equal words,
  /// equal bytes.
  @inline(__always) private static func packed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
    var word = UInt64(range.count) << 32
    for (shift, i) in range.enumerated() { word |= UInt64(bytes[i]) << (8 * shift) }
    return word
  }

  /// Whether a field's (trimmed) content marks a missing value. Quoting does not matter: `""` and `"NA"` are
  /// missing too.
  @inline(__always) static func isMissing(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    let t = trimmed(bytes, range)
    if t.isEmpty { return true }
    if t.count > 4 { return false }
    let word = packed(bytes, t)
    for marker in packedMarkers where marker == word { return true }
    return false
  }

  /// Whether the field starts (after blanks and a sign) with `0` followed by a digit, as codes like `04078` do:
  /// such a value names something (a postcode, an article) and is never read as a quantity.
  static func hasLeadingZero(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var i = range.lowerBound
    while i < range.upperBound, bytes[i] == ASCII.space || bytes[i] == ASCII.tab { i += 1 }
    if i < range.upperBound, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
    return i + 1 < range.upperBound && bytes[i] == UInt8(ascii: "0")
      && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i + 1])
  }
}
