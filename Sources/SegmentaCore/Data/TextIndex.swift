/// The rows of a ``TextArena`` by value, for looking texts up by their bytes without building a `String` per row:
/// an open-addressing hash table of 32-bit row numbers (at most half full, so 8 to 16 bytes per indexed row
/// instead of a dictionary of strings). Missing and empty values are not indexed.
struct TextIndex {
  /// The values looked up.
  let arena: TextArena
  /// Row + 1 per slot, 0 = empty; the count is a power of two.
  private var slots: ContiguousArray<UInt32>
  /// Number of indexed rows.
  private(set) var count = 0

  /// Indexes the present, non-empty rows of `arena` in row order, stopping at the first value that an earlier
  /// row already has.
  ///
  /// - Returns: the index and, when a value repeats, that row and the earlier one.
  static func build(_ arena: TextArena) -> (index: TextIndex, repeated: (row: Int, firstRow: Int)?) {
    precondition(arena.count < Int(UInt32.max), "too many rows to index")
    var index = TextIndex(arena: arena)
    for row in arena.indices where !arena.isMissing(row) {
      let repeated: Int? = arena.withUTF8(at: row) { bytes in
        guard !bytes.isEmpty else { return nil }
        let (slot, found) = index.slot(of: bytes)
        if let found { return found }
        index.slots[slot] = UInt32(row + 1)
        index.count += 1
        return nil
      }
      if let repeated { return (index, (row, repeated)) }
    }
    return (index, nil)
  }

  private init(arena: TextArena) {
    self.arena = arena
    var capacity = 16
    while capacity < 2 * arena.count { capacity <<= 1 }
    slots = ContiguousArray(repeating: 0, count: capacity)
  }

  /// The row holding the bytes `utf8`, if indexed.
  func row(of utf8: UnsafeBufferPointer<UInt8>) -> Int? {
    utf8.isEmpty ? nil : slot(of: utf8).found
  }

  /// The slot holding `utf8` (and its row), or the empty slot where it belongs.
  private func slot(of utf8: UnsafeBufferPointer<UInt8>) -> (slot: Int, found: Int?) {
    let mask = slots.count - 1
    var slot = TextArena.hashValue(utf8: utf8) & mask
    while slots[slot] != 0 {
      let row = Int(slots[slot]) - 1
      if arena.withUTF8(at: row, { $0.elementsEqual(utf8) }) { return (slot, row) }
      slot = (slot + 1) & mask
    }
    return (slot, nil)
  }
}
