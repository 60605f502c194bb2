/// Remembers the category code of equal fields of a column part, so a categorical column's repeated values are
/// decoded and looked up once per part instead of once per row.
///
/// Keyed by the field's raw bytes and how it was written (quoted, with doubled quotes), which together decide its
/// text. Holds at most ``maximumEntries`` distinct fields: beyond them every field is decoded and looked up by its
/// text, as without it. Used by one thread at a time.
final class TextInterner {
  /// Distinct fields kept; the table has twice as many slots.
  static let maximumEntries = 512

  private struct Entry {
    let hash: UInt64
    /// Where the key (flags byte, then the field's bytes) starts in ``keys``, and its length.
    let keyStart: Int
    let keyCount: Int
    let code: UInt32
  }

  private var slots: [Entry?] = []
  private var keys = ContiguousArray<UInt8>()
  private var count = 0
  /// The empty slot, hash and key of the last lookup that found nothing, for ``remember(_:)``.
  private var vacancy: (slot: Int, hash: UInt64, key: Range<Int>, flags: UInt8)?
  private var vacancyBytes: UnsafeBufferPointer<UInt8>?

  /// The code kept for the field `bytes[range]` written with `flags` (1 = quoted, 2 = doubled quotes), or `nil`;
  /// then decode the field, encode its text and pass the code to ``remember(_:)``.
  func code(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, flags: UInt8) -> UInt32? {
    if slots.isEmpty { slots = Array(repeating: nil, count: 2 * Self.maximumEntries) }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(flags)
    for i in range {
      hash ^= UInt64(bytes[i])
      hash &*= 0x0000_0100_0000_01b3
    }
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    while let entry = slots[slot] {
      if entry.hash == hash && entry.keyCount == range.count + 1 && keys[entry.keyStart] == flags
        && keys.withUnsafeBufferPointer({ equal($0, entry.keyStart + 1, bytes, range) })
      {
        return entry.code
      }
      slot = (slot + 1) & mask
    }
    vacancy = count < Self.maximumEntries ? (slot, hash, range, flags) : nil
    vacancyBytes = vacancy == nil ? nil : bytes
    return nil
  }

  /// Keeps `code` for the field of the last ``code(_:_:flags:)`` that found nothing (while there is room).
  func remember(_ code: UInt32) {
    guard let vacancy, let bytes = vacancyBytes else { return }
    let start = keys.count
    keys.append(vacancy.flags)
    keys.append(contentsOf: bytes[vacancy.key])
    slots[vacancy.slot] = Entry(hash: vacancy.hash, keyStart: start, keyCount: keys.count - start, code: code)
    count += 1
    self.vacancy = nil
    vacancyBytes = nil
  }

  private func equal(
    _ kept: UnsafeBufferPointer<UInt8>, _ start: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
  ) -> Bool {
    var k = start
    for i in range {
      if kept[k] != bytes[i] { return false }
      k += 1
    }
    return true
  }
}
