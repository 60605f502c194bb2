/// Rows grouped by the text of a key column (a customer id), groups in ascending key order.
///
/// Keys compare as text (`Column.text(at:)`), so a numeric id `1` and a text id `"1"` are the same key; rows with
/// a missing key belong to no group. The dictionary is used for lookups only; the order comes from sorting.
struct KeyGroups {
  /// The distinct keys, ascending.
  let keys: [String]
  /// The group (index into ``keys``) of each row, −1 for a missing key.
  let groupOfRow: [Int]
  /// Rows with a missing key.
  let missingKeys: Int

  /// Groups the rows of `column` (of all rows, or of those where `include` holds).
  init(_ column: Column, include: (Int) -> Bool = { _ in true }) {
    var index: [String: Int] = [:]
    var firstSeen: [String] = []
    var raw = [Int](repeating: -1, count: column.count)
    var missing = 0
    for row in 0..<column.count where include(row) {
      let key = column.text(at: row)
      if key.isEmpty {
        missing += 1
        continue
      }
      if let g = index[key] {
        raw[row] = g
      } else {
        index[key] = firstSeen.count
        raw[row] = firstSeen.count
        firstSeen.append(key)
      }
    }
    let order = firstSeen.indices.sorted { firstSeen[$0] < firstSeen[$1] }
    var rank = [Int](repeating: 0, count: order.count)
    for (position, g) in order.enumerated() { rank[g] = position }
    keys = order.map { firstSeen[$0] }
    groupOfRow = raw.map { $0 < 0 ? -1 : rank[$0] }
    missingKeys = missing
  }

  /// Number of groups.
  var count: Int { keys.count }
}
