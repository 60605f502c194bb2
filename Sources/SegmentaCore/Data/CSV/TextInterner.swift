/// Hands out one `String` for equal fields of a column part, so a categorical column's repeated values are
/// decoded and allocated once per part instead of once per row.
///
/// Keyed by the field's raw bytes and how it was written (quoted, with doubled quotes), which together decide its
/// text. Holds at most ``maximumEntries`` distinct values: a column of unique values (an identifier) stops filling
/// it and decodes every field, as without it. Used by one thread at a time.
final class TextInterner {
  /// Distinct values kept; the table has twice as many slots.
  static let maximumEntries = 512

  private struct Entry {
    let hash: UInt64
    let key: [UInt8]
    let text: String
  }

  private var slots: [Entry?] = []
  private var count = 0
  /// The empty slot, hash and key of the last lookup that found nothing, for ``remember(_:)``.
  private var vacancy: (slot: Int, hash: UInt64)?
  private var lastKey: [UInt8] = []

  /// The text kept for the field `bytes[range]` written with `flags` (1 = quoted, 2 = doubled quotes), or `nil`;
  /// then decode the field and pass its text to ``remember(_:)``.
  func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, flags: UInt8) -> String? {
    if slots.isEmpty { slots = Array(repeating: nil, count: 2 * Self.maximumEntries) }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(flags)
    for i in range {
      hash ^= UInt64(bytes[i])
      hash &*= 0x0000_0100_0000_01b3
    }
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    while let entry = slots[slot] {
      if entry.hash == hash && entry.key.count == range.count + 1 && entry.key[0] == flags
        && entry.key.dropFirst().elementsEqual(bytes[range])
      {
        return entry.text
      }
      slot = (slot + 1) & mask
    }
    vacancy = count < Self.maximumEntries ? (slot, hash) : nil
    lastKey = vacancy == nil ? [] : [flags] + bytes[range]
    return nil
  }

  /// Keeps `text` for the field of the last ``text(_:_:flags:)`` that found nothing (while there is room).
  func remember(_ text: String) {
    guard let vacancy else { return }
    slots[vacancy.slot] = Entry(hash: vacancy.hash, key: lastKey, text: text)
    count += 1
    self.vacancy = nil
  }
}
