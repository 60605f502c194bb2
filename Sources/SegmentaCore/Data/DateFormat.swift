/// The ways a date can be written in a CSV field or a database text value.
///
/// Detection (no `format=` given) accepts ISO and German dates; ``compact`` (`20241231`, SAP's `DATS`) is only
/// read when asked for, because such values are valid numbers too.
public enum DateFormat: String, Sendable, Equatable, CaseIterable {
  /// `2024-12-31`: four-digit year, two-digit month and day.
  case iso = "YYYY-MM-DD"
  /// `31.12.2024`, also without leading zeros (`1.2.2024`).
  case german = "DD.MM.YYYY"
  /// `20241231`: eight digits, as SAP and many ERP exports write dates.
  case compact = "YYYYMMDD"

  /// Days since 1970-01-01 of the date in `bytes[range]` (surrounding spaces and tabs ignored), or `nil` when
  /// the text is not written in this format or names a day that does not exist (`31.02.2024`).
  ///
  /// - Complexity: O(length of the text).
  func days(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    var lo = range.lowerBound
    var hi = range.upperBound
    while lo < hi && (bytes[lo] == ASCII.space || bytes[lo] == ASCII.tab) { lo += 1 }
    while hi > lo && (bytes[hi - 1] == ASCII.space || bytes[hi - 1] == ASCII.tab) { hi -= 1 }
    guard let parts = DigitGroups(bytes, lo..<hi, separator: separator) else { return nil }
    let (v, w) = (parts.values, parts.widths)
    let civil: CivilDate?
    switch self {
    case .iso:
      guard parts.count == 3, w == SIMD3(4, 2, 2) else { return nil }
      civil = CivilDate(year: v[0], month: v[1], day: v[2])
    case .german:
      guard parts.count == 3, w[0] <= 2, w[1] <= 2, w[2] == 4 else { return nil }
      civil = CivilDate(year: v[2], month: v[1], day: v[0])
    case .compact:
      guard parts.count == 1, w[0] == 8 else { return nil }
      civil = CivilDate(year: v[0] / 10_000, month: v[0] / 100 % 100, day: v[0] % 100)
    }
    return civil?.daysSinceEpoch
  }

  /// Days since 1970-01-01 of the date in `text`, or `nil` (see ``days(_:_:)``).
  func days(in text: String) -> Int? {
    var text = text
    return text.withUTF8 { days($0, 0..<$0.count) }
  }

  /// Days since 1970-01-01 of an ISO or German date, the two formats detected without `format=`.
  static func detectedDays(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    iso.days(bytes, range) ?? german.days(bytes, range)
  }

  private var separator: UInt8? {
    switch self {
    case .iso: 0x2D
    case .german: ASCII.period
    case .compact: nil
    }
  }
}

/// Up to three groups of at most eight digits, split at one separator byte, without allocating (dates are
/// parsed once per field of every candidate column).
private struct DigitGroups {
  var values = SIMD3<Int>()
  var widths = SIMD3<Int>()
  var count = 0

  /// The groups of `bytes[range]`, or `nil` when anything but digits and `separator` appears, a group is empty or
  /// longer than eight digits, or there are more than three.
  init?(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, separator: UInt8?) {
    var value = 0
    var width = 0
    for i in range {
      let b = bytes[i]
      if b &- 0x30 < 10 {
        value = value * 10 + Int(b &- 0x30)
        width += 1
        guard width <= 8 else { return nil }
      } else if b == separator, width > 0, count < 2 {
        values[count] = value
        widths[count] = width
        count += 1
        value = 0
        width = 0
      } else {
        return nil
      }
    }
    guard width > 0 else { return nil }
    values[count] = value
    widths[count] = width
    count += 1
  }
}
