#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Remembers the category code of equal fields of a column part, so a categorical column's repeated values are
/// decoded and looked up once per part instead of once per row.
///
/// Keyed by the field's raw bytes and how it was written (quoted, with doubled quotes), which together decide its
/// text. Holds at most ``maximumEntries`` distinct fields: beyond them every field is decoded and looked up by its
/// text, as without it. A value type, so the lookups of the typing loop run without the run-time exclusivity
/// checks that the stored properties of a class cost on every access.
struct TextInterner {
  /// Distinct fields kept; the table has twice as many slots.
  static let maximumEntries = 512

  private struct Entry {
    /// The hash of the key; the slot is empty when ``keyCount`` is 0.
    var hash: Int = 0
    /// Where the key (flags byte, then the field's bytes) starts in ``keys``, and its length.
    var keyStart = 0
    var keyCount = 0
    var code: UInt32 = 0
  }

  private var slots = ContiguousArray<Entry>()
  private var keys = ContiguousArray<UInt8>()
  private var count = 0
  /// The empty slot, hash and key of the last lookup that found nothing, for ``remember(_:)``.
  private var vacancy: (slot: Int, hash: Int, key: Range<Int>, flags: UInt8)?
  private var vacancyBytes: UnsafeBufferPointer<UInt8>?

  /// The code kept for the field `bytes[range]` written with `flags` (1 = quoted, 2 = doubled quotes), or `nil`;
  /// then decode the field, encode its text and pass the code to ``remember(_:)``.
  mutating func code(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, flags: UInt8) -> UInt32? {
    if slots.isEmpty { slots = ContiguousArray(repeating: Entry(), count: 2 * Self.maximumEntries) }
    let field = UnsafeBufferPointer(rebasing: bytes[range])
    let hash = TextArena.hashValue(utf8: field) ^ (Int(flags) &* 0x9E37_79B9)
    let found: UInt32?? = slots.withUnsafeBufferPointer { slots in
      keys.withUnsafeBufferPointer { keys in
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot].keyCount != 0 {
          let entry = slots[slot]
          if entry.hash == hash && entry.keyCount == field.count + 1 && keys[entry.keyStart] == flags
            && (field.isEmpty
              || memcmp(
                keys.baseAddress.unsafelyUnwrapped + entry.keyStart + 1, field.baseAddress.unsafelyUnwrapped,
                field.count) == 0)
          {
            return .some(entry.code)
          }
          slot = (slot + 1) & mask
        }
        vacancy = count < Self.maximumEntries ? (slot, hash, range, flags) : nil
        return .none
      }
    }
    if let found { return found }
    vacancyBytes = vacancy == nil ? nil : bytes
    return nil
  }

  /// Keeps `code` for the field of the last ``code(_:_:flags:)`` that found nothing (while there is room).
  mutating func remember(_ code: UInt32) {
    guard let vacancy, let bytes = vacancyBytes else { return }
    let start = keys.count
    keys.append(vacancy.flags)
    keys.append(contentsOf: bytes[vacancy.key])
    slots[vacancy.slot] = Entry(hash: vacancy.hash, keyStart: start, keyCount: keys.count - start, code: code)
    count += 1
    self.vacancy = nil
    vacancyBytes = nil
  }
}
