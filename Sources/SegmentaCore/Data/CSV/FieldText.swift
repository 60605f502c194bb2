/// Small byte-level tests on single fields: trimming, missing-value markers and dates.
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

  /// Whether a field's (trimmed) content marks a missing value. Quoting does not matter: `""` and `"NA"` are
  /// missing too.
  @inline(__always) static func isMissing(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    let t = trimmed(bytes, range)
    if t.isEmpty { return true }
    if t.count > 4 { return false }
    let slice = bytes[t]
    return missingMarkers.contains { $0.elementsEqual(slice) }
  }

  /// Days since 1970-01-01 of an ISO (`2024-12-31`) or German (`31.12.2024`, also `1.2.2024`) date, or `nil`
  /// when the trimmed field is neither or names a day that does not exist.
  static func date(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    let t = trimmed(bytes, range)
    var parts: [Int] = []
    var widths: [Int] = []
    var marks: [UInt8] = []
    var value = 0
    var width = 0
    for i in t {
      let b = bytes[i]
      if b &- 0x30 < 10 {
        value = value * 10 + Int(b - 0x30)
        width += 1
        guard width <= 4 else { return nil }
      } else if (b == 0x2D || b == ASCII.period) && width > 0 && marks.count < 2 {
        parts.append(value)
        widths.append(width)
        marks.append(b)
        value = 0
        width = 0
      } else {
        return nil
      }
    }
    guard width > 0, marks.count == 2, marks[0] == marks[1] else { return nil }
    parts.append(value)
    widths.append(width)
    let civil: CivilDate?
    if marks[0] == 0x2D && widths == [4, 2, 2] {
      civil = CivilDate(year: parts[0], month: parts[1], day: parts[2])
    } else if marks[0] == ASCII.period && widths[0] <= 2 && widths[1] <= 2 && widths[2] == 4 {
      civil = CivilDate(year: parts[2], month: parts[1], day: parts[0])
    } else {
      civil = nil
    }
    return civil?.daysSinceEpoch
  }
}
