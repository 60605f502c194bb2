/// Numbers as analysts' exports write them, parsed straight from the file's bytes.
///
/// Grammar, after trimming spaces and tabs: an optional `+`/`-`, digits with an optional decimal mark and
/// fraction (`.5` and `5.` are accepted), an optional exponent (`e`/`E`, optional sign, digits). The decimal mark
/// is `.`, or `,` in decimal-comma mode.
///
/// Thousands separators are accepted conservatively: only the other mark (`,` with a decimal point, `.` with a
/// decimal comma), only in the strict form `d{1,3}(Gddd)+` with a first group that does not start with `0`
/// (`1,234,567.5`, `1.234,56`, `12.000`). Anything else (`1,5` with a decimal point, `1.5` with a decimal
/// comma, `12,34.5`) is not a number, so a column mixing conventions stays text instead of being misread.
///
/// `inf`, `infinity`, `nan` (any case, optionally signed) and values that overflow (`1e309`) are recognised as
/// *non-finite*; the reader rejects them in numeric columns rather than storing infinities or NaNs that would
/// pose as missing values.
enum NumberParsing {
  /// The outcome of parsing one field.
  enum Outcome: Equatable {
    case number(Double)
    case nonFinite
    case notANumber
  }

  /// Parses `bytes[range]`.
  ///
  /// Correctly rounded: values with at most 15 significant digits and a decimal exponent within ±22 take
  /// Clinger's exact fast path (one IEEE multiplication or division of exactly representable operands); all
  /// others go through the standard library's correctly rounded, locale-independent `Double(_:)`.
  ///
  /// - Complexity: O(length of the field).
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, decimalComma: Bool) -> Outcome {
    var lo = range.lowerBound
    var hi = range.upperBound
    while lo < hi && (bytes[lo] == ASCII.space || bytes[lo] == ASCII.tab) { lo += 1 }
    while hi > lo && (bytes[hi - 1] == ASCII.space || bytes[hi - 1] == ASCII.tab) { hi -= 1 }
    guard lo < hi else { return .notANumber }
    var scan = Scanner(bytes: bytes, position: lo, end: hi)
    let negative = scan.sign()
    let decimalMark = decimalComma ? ASCII.comma : ASCII.period
    let groupMark = decimalComma ? ASCII.period : ASCII.comma
    guard scan.integerPart(groupMark: groupMark) else { return .notANumber }
    if scan.peek == decimalMark {
      scan.position += 1
      scan.fraction()
    }
    guard scan.digitCount > 0 else { return isNonFiniteLiteral(bytes, lo, hi) ? .nonFinite : .notANumber }
    if scan.peek == 0x65 || scan.peek == 0x45 {
      scan.position += 1
      guard scan.exponent() else { return .notANumber }
    }
    guard scan.position == hi else { return .notANumber }
    let value = scan.value(negative: negative)
    return value.isFinite ? .number(value) : .nonFinite
  }

  /// The value of `bytes[range]` when it is written in the plainest form, `-`? digits (`.` or `,` as
  /// `decimalComma` says, then digits)?, with at most 15 digits and no leading zero before another digit; `nil`
  /// for anything else (spaces, `+`, an exponent, thousands separators, missing markers, …), which ``parse(_:_:decimalComma:)``
  /// (after the leading-zero rule of ``FieldText/hasLeadingZero(_:_:)``) then decides. One pass without
  /// branches per digit class, and the same correctly rounded value as ``parse(_:_:decimalComma:)``: Clinger's
  /// exact case (a mantissa below 2^53 divided by an exact power of ten).
  ///
  /// - Complexity: O(length of the field).
  @inline(__always) static func plainDecimal(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, decimalComma: Bool
  ) -> Double? {
    guard let base = bytes.baseAddress, range.upperBound <= bytes.count else { return nil }
    var p = range.lowerBound
    let end = range.upperBound
    guard p < end, end - p <= 17 else { return nil }
    let negative = base[p] == 0x2D
    if negative { p += 1 }
    let digitsStart = p
    var mantissa: UInt64 = 0
    while p < end, base[p] &- 0x30 < 10 {
      mantissa = mantissa &* 10 &+ UInt64(base[p] &- 0x30)
      p += 1
    }
    let integerDigits = p - digitsStart
    if integerDigits > 1 && base[digitsStart] == 0x30 { return nil }
    var fractionDigits = 0
    if p < end {
      guard base[p] == (decimalComma ? ASCII.comma : ASCII.period) else { return nil }
      p += 1
      let fractionStart = p
      while p < end, base[p] &- 0x30 < 10 {
        mantissa = mantissa &* 10 &+ UInt64(base[p] &- 0x30)
        p += 1
      }
      fractionDigits = p - fractionStart
      guard p == end else { return nil }
    }
    guard integerDigits + fractionDigits > 0, integerDigits + fractionDigits <= 15 else { return nil }
    let value = Double(mantissa) / powerOfTen(fractionDigits)
    return negative ? -value : value
  }

  /// 10^`k` for `k` in 0…22, all exactly representable as `Double` (a switch the compiler turns into a table,
  /// without the lazy initialisation of a global array on every call).
  @inline(__always) static func powerOfTen(_ k: Int) -> Double {
    switch k {
    case 0: 1e0
    case 1: 1e1
    case 2: 1e2
    case 3: 1e3
    case 4: 1e4
    case 5: 1e5
    case 6: 1e6
    case 7: 1e7
    case 8: 1e8
    case 9: 1e9
    case 10: 1e10
    case 11: 1e11
    case 12: 1e12
    case 13: 1e13
    case 14: 1e14
    case 15: 1e15
    case 16: 1e16
    case 17: 1e17
    case 18: 1e18
    case 19: 1e19
    case 20: 1e20
    case 21: 1e21
    default: 1e22
    }
  }

  private static func isNonFiniteLiteral(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
    var start = lo
    if bytes[start] == 0x2B || bytes[start] == 0x2D { start += 1 }
    let word = bytes[start..<hi].map { $0 | 0x20 }
    return word.elementsEqual("inf".utf8) || word.elementsEqual("infinity".utf8) || word.elementsEqual("nan".utf8)
  }
}

/// A cursor over one number's bytes that collects its significant digits and decimal exponent.
private struct Scanner {
  let bytes: UnsafeBufferPointer<UInt8>
  var position: Int
  let end: Int
  /// Where the digits start (after the sign).
  var digitsStart = 0
  /// Where the digits end (before an exponent).
  var digitsEnd = 0
  /// Digits seen (integer part and fraction), including leading zeros.
  var digitCount = 0
  /// Digits after the decimal mark.
  var fractionDigits = 0
  /// The digits without leading zeros, while there are at most 19 of them.
  var mantissa: UInt64 = 0
  /// Digits without leading zeros, possibly more than fit in `mantissa`.
  var significantDigits = 0
  /// The exponent written after `e`, clamped to ±1,000,000.
  var writtenExponent = 0

  init(bytes: UnsafeBufferPointer<UInt8>, position: Int, end: Int) {
    self.bytes = bytes
    self.position = position
    self.end = end
  }

  var peek: UInt8 { position < end ? bytes[position] : 0 }

  private func isDigit(_ offset: Int) -> Bool {
    position + offset < end && bytes[position + offset] &- 0x30 < 10
  }

  /// Consumes an optional sign; returns whether it was `-`.
  mutating func sign() -> Bool {
    let b = peek
    guard b == 0x2B || b == 0x2D else { return false }
    position += 1
    return b == 0x2D
  }

  /// Consumes the digits before the decimal mark, with thousands separators in the strict form only.
  mutating func integerPart(groupMark: UInt8) -> Bool {
    digitsStart = position
    while isDigit(0) { digit() }
    let leading = position - digitsStart
    digitsEnd = position
    guard peek == groupMark else { return true }
    guard (1...3).contains(leading), bytes[digitsStart] != 0x30 else { return false }
    while peek == groupMark {
      guard isDigit(1), isDigit(2), isDigit(3), !isDigit(4) else { return false }
      position += 1
      for _ in 0..<3 { digit() }
    }
    digitsEnd = position
    return true
  }

  /// Consumes the digits after the decimal mark.
  mutating func fraction() {
    while isDigit(0) {
      digit()
      fractionDigits += 1
    }
    digitsEnd = position
  }

  /// Consumes an exponent's optional sign and digits.
  mutating func exponent() -> Bool {
    let negative = sign()
    guard isDigit(0) else { return false }
    var e = 0
    while isDigit(0) {
      e = min(e * 10 + Int(bytes[position] - 0x30), 1_000_000)
      position += 1
    }
    writtenExponent = negative ? -e : e
    return true
  }

  private mutating func digit() {
    let d = UInt64(bytes[position] - 0x30)
    position += 1
    digitCount += 1
    if significantDigits == 0 && d == 0 { return }
    if significantDigits < 19 { mantissa = mantissa * 10 + d }
    significantDigits += 1
  }

  /// The correctly rounded value.
  func value(negative: Bool) -> Double {
    if significantDigits == 0 { return negative ? -0.0 : 0.0 }
    let exponent10 = writtenExponent - fractionDigits
    if significantDigits <= 15 && (-22...22).contains(exponent10) {
      let m = Double(mantissa)
      let v = exponent10 < 0 ? m / NumberParsing.powerOfTen(-exponent10) : m * NumberParsing.powerOfTen(exponent10)
      return negative ? -v : v
    }
    var text: [UInt8] = negative ? [0x2D] : []
    text.reserveCapacity(digitsEnd - digitsStart + 10)
    for i in digitsStart..<digitsEnd where bytes[i] &- 0x30 < 10 { text.append(bytes[i]) }
    text.append(0x65)
    text.append(contentsOf: String(exponent10).utf8)
    return Double(String(decoding: text, as: UTF8.self)) ?? .nan
  }
}
