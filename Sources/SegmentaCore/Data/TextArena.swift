/// Texts (`nil` = missing) as one contiguous UTF-8 buffer and one end offset per row, so a million identifiers
/// cost their bytes plus 4 bytes each, not a `String` (16 bytes, plus a heap object for every text longer than 15
/// UTF-8 bytes) per row. Holds the values of identifier columns (``Column/identifiers``) and the texts of a query
/// result until it is typed.
///
/// Offsets are `UInt32` while the buffer holds fewer than 2³² bytes (4 GiB of identifier text, ~250 million
/// 16-byte ids); the first value that crosses that switches the arena to `Int` offsets once (8 bytes per row),
/// so nothing has a size limit and typical files keep the narrow form. A missing value has no bytes and its bit
/// set in a bitmap that exists only once some value is missing, which keeps the empty text `""` and a missing
/// value apart without a per-row marker.
///
/// Equal values give equal storage (the bitmap is only as long as its last missing row needs, the offset width
/// depends only on the total size), so `==` compares buffers. Rows are read as `String?` (the collection's
/// elements) or as bytes (``withUTF8(at:_:)``, ``hashValue(at:)``, ``valueEquals(_:_:_:)``) without building a
/// `String`.
public struct TextArena: Sendable, Equatable, RandomAccessCollection {
  /// End offsets into ``bytes``, one per row: 32-bit while the bytes fit.
  private enum Ends: Sendable, Equatable {
    case narrow(ContiguousArray<UInt32>)
    case wide(ContiguousArray<Int>)
  }

  private var bytes = ContiguousArray<UInt8>()
  private var ends = Ends.narrow([])
  /// Bit `row % 64` of word `row / 64` is set for a missing row; words exist only up to the last missing row.
  private var missing = ContiguousArray<UInt64>()
  /// Number of missing values.
  public private(set) var missingCount = 0

  /// An empty arena.
  public init() {}

  /// The arena of `values` (`nil` = missing), in order.
  public init(_ values: some Sequence<String?>) {
    self.init()
    reserve(rows: values.underestimatedCount)
    for value in values { append(value) }
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int {
    switch ends {
    case .narrow(let offsets): offsets.count
    case .wide(let offsets): offsets.count
    }
  }

  /// The value of row `row`, `nil` when missing.
  public subscript(row: Int) -> String? {
    isMissing(row) ? nil : withUTF8(at: row) { String(decoding: $0, as: UTF8.self) }
  }

  /// Whether row `row` is missing.
  @inline(__always) public func isMissing(_ row: Int) -> Bool {
    precondition(row >= 0 && row < endIndex, "row out of range")
    let word = row >> 6
    return word < missing.count && missing[word] & (1 << UInt64(row & 63)) != 0
  }

  /// The byte range of row `row` in the buffer (empty for a missing value).
  @inline(__always) private func range(_ row: Int) -> Range<Int> {
    switch ends {
    case .narrow(let offsets):
      return (row == 0 ? 0 : Int(offsets[row - 1]))..<Int(offsets[row])
    case .wide(let offsets):
      return (row == 0 ? 0 : offsets[row - 1])..<offsets[row]
    }
  }

  /// Calls `body` with the UTF-8 bytes of row `row` (empty for a missing value), without building a `String`.
  public func withUTF8<R>(at row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    let r = range(row)
    return try bytes.withUnsafeBufferPointer { all in try body(UnsafeBufferPointer(rebasing: all[r])) }
  }

  /// A hash of row `row`'s bytes and whether it is missing; equal values hash equally (the same in every process,
  /// but only ever compared within one).
  public func hashValue(at row: Int) -> Int {
    withUTF8(at: row) { Self.hashValue(utf8: $0, missing: isMissing(row)) }
  }

  /// The hash ``hashValue(at:)`` gives a row with the bytes `utf8` (missing or not): eight bytes at a time, each
  /// word multiplied in, then MurmurHash3's 64-bit finalizer, so every input bit reaches the low 32 bits that the
  /// identifier check sorts. Not meant to resist chosen inputs (equal hashes are always compared byte by byte).
  public static func hashValue(utf8: UnsafeBufferPointer<UInt8>, missing: Bool = false) -> Int {
    var hash = (UInt64(utf8.count) &* 0x9E37_79B9_7F4A_7C15) ^ (missing ? 0x5555_5555_5555_5555 : 0)
    var i = 0
    if let base = UnsafeRawPointer(utf8.baseAddress) {
      while i + 8 <= utf8.count {
        hash = (hash ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 32
        i += 8
      }
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < utf8.count {
      tail |= UInt64(utf8[i]) << shift
      shift += 8
      i += 1
    }
    hash ^= tail
    hash ^= hash >> 33
    hash &*= 0xFF51_AFD7_ED55_8CCD
    hash ^= hash >> 33
    hash &*= 0xC4CE_B9FE_1A85_EC53
    hash ^= hash >> 33
    return Int(truncatingIfNeeded: hash)
  }

  /// Whether row `row` holds the same value as row `otherRow` of `other` (two missing values are the same),
  /// compared byte by byte.
  public func valueEquals(_ row: Int, _ other: TextArena, _ otherRow: Int) -> Bool {
    guard isMissing(row) == other.isMissing(otherRow) else { return false }
    return withUTF8(at: row) { x in other.withUTF8(at: otherRow) { y in x.elementsEqual(y) } }
  }

  /// Reserves room for `rows` more rows and, when given, `bytes` more bytes.
  public mutating func reserve(rows: Int, bytes byteCount: Int = 0) {
    switch ends {
    case .narrow(var offsets):
      ends = .narrow([])
      offsets.reserveCapacity(offsets.count + rows)
      ends = .narrow(offsets)
    case .wide(var offsets):
      ends = .wide([])
      offsets.reserveCapacity(offsets.count + rows)
      ends = .wide(offsets)
    }
    if byteCount > 0 { bytes.reserveCapacity(bytes.count + byteCount) }
  }

  /// Appends a row with the value `value` (`nil` = missing).
  public mutating func append(_ value: String?) {
    guard let value else { return appendMissing(count: 1) }
    bytes.append(contentsOf: value.utf8)
    appendEnd()
  }

  /// Appends a row whose value has the UTF-8 bytes `utf8` (valid UTF-8, as a `String`'s are).
  public mutating func append(utf8: UnsafeBufferPointer<UInt8>) {
    bytes.append(contentsOf: utf8)
    appendEnd()
  }

  /// Appends `count` missing rows.
  public mutating func appendMissing(count: Int) {
    guard count > 0 else { return }
    let first = endIndex
    for _ in 0..<count { appendEnd() }
    let lastWord = (first + count - 1) >> 6
    if missing.count <= lastWord { missing.append(contentsOf: repeatElement(0, count: lastWord + 1 - missing.count)) }
    for row in first..<first + count { missing[row >> 6] |= 1 << UInt64(row & 63) }
    missingCount += count
  }

  /// Appends row `row` of `other`.
  public mutating func append(row: Int, of other: TextArena) {
    if other.isMissing(row) { return appendMissing(count: 1) }
    other.withUTF8(at: row) { append(utf8: $0) }
  }

  /// Records the end of a row that ends at the current buffer size, widening the offsets when they no longer fit.
  private mutating func appendEnd() {
    switch ends {
    case .narrow(var offsets) where bytes.count <= Int(UInt32.max):
      ends = .narrow([])  // keeps the array uniquely referenced, so the append does not copy it
      offsets.append(UInt32(bytes.count))
      ends = .narrow(offsets)
    case .narrow:
      widen()
      appendEnd()
    case .wide(var offsets):
      ends = .wide([])
      offsets.append(bytes.count)
      ends = .wide(offsets)
    }
  }

  /// The same values with `Int` offsets; happens by itself when the bytes outgrow `UInt32`.
  func widened() -> TextArena {
    var copy = self
    copy.widen()
    return copy
  }

  private mutating func widen() {
    guard case .narrow(let offsets) = ends else { return }
    ends = .wide(ContiguousArray(offsets.lazy.map { Int($0) }))
  }

  /// The rows `rows` (in that order; `nil` = a missing value).
  ///
  /// - Complexity: O(rows.count + their bytes).
  public func selecting(_ rows: some Collection<Int?>) -> TextArena {
    var out = TextArena()
    out.reserve(rows: rows.count, bytes: rows.reduce(0) { $0 + ($1.map { range($0).count } ?? 0) })
    for row in rows {
      if let row { out.append(row: row, of: self) } else { out.appendMissing(count: 1) }
    }
    return out
  }

  /// Arenas are equal when they hold the same values in the same order, whatever their offsets' width.
  public static func == (a: TextArena, b: TextArena) -> Bool {
    guard a.count == b.count, a.missingCount == b.missingCount, a.missing == b.missing, a.bytes == b.bytes
    else { return false }
    switch (a.ends, b.ends) {
    case (.narrow(let x), .narrow(let y)): return x == y
    case (.wide(let x), .wide(let y)): return x == y
    default: return (0..<a.count).allSatisfy { a.range($0) == b.range($0) }
    }
  }
}
