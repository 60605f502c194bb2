/// Dictionary-encodes the values of a categorical column as they arrive in row order: each distinct value gets
/// the next code, so ``levels`` are in order of first appearance.
///
/// Rows may be appended as missing first and set later (``set(_:at:)``), as a reader does for rows it typed as
/// numbers before the column turned out to be text; ``column(name:)`` then renumbers the levels into row order.
/// A reader encodes the parts of a column in parallel, each with its own encoder, and appends them in row order
/// (``append(_:)-(CategoryEncoder)``): only each part's levels are looked up again, not its rows.
struct CategoryEncoder {
  private(set) var codes = ContiguousArray<UInt32>()
  private(set) var levels: [String] = []
  private var index: [String: UInt32] = [:]

  /// Reserves room for `rows` rows in all.
  mutating func reserve(rows: Int) { codes.reserveCapacity(rows) }

  /// Appends rows with the values `texts` (`nil` = missing).
  mutating func append(contentsOf texts: some Sequence<String?>) {
    for text in texts { codes.append(code(for: text)) }
  }

  /// Appends a row with the value `text` (`nil` = missing) and returns its code.
  @discardableResult mutating func append(_ text: String?) -> UInt32 {
    let code = code(for: text)
    codes.append(code)
    return code
  }

  /// Appends a row with the value of code `code`, handed out before by ``append(_:)-(String?)``.
  mutating func append(code: UInt32) { codes.append(code) }

  /// Appends the rows of `part`, another encoder's, in order: its levels are looked up (or added in their order of
  /// first appearance), its codes translated.
  mutating func append(_ part: CategoryEncoder) {
    let translated = part.levels.map { code(for: $0) }
    codes.append(contentsOf: part.codes.lazy.map { $0 == Column.missingCode ? $0 : translated[Int($0)] })
  }

  /// Appends `count` missing rows.
  mutating func appendMissing(count: Int) {
    codes.append(contentsOf: repeatElement(Column.missingCode, count: count))
  }

  /// Sets the values of rows `rows`, appended before.
  mutating func set(_ texts: [String?], at rows: Range<Int>) {
    for (row, text) in zip(rows, texts) { codes[row] = code(for: text) }
  }

  /// The categorical column, its levels in order of first appearance.
  consuming func column(name: String) -> Column { Column(name: name, codes: codes, levels: levels) }

  private mutating func code(for text: String?) -> UInt32 {
    guard let text else { return Column.missingCode }
    if let code = index[text] { return code }
    let code = UInt32(levels.count)
    precondition(code < Column.missingCode, "too many categories")
    index[text] = code
    levels.append(text)
    return code
  }
}
