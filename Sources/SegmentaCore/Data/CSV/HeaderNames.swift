/// The column names from the header record, checked for being present and unique.
enum HeaderNames {
  /// The trimmed names of record 0.
  ///
  /// - Throws: ``SegmentaError/csv(path:line:column:problem:hint:)`` at the first empty name or the second
  ///   occurrence of a repeated name.
  static func read(_ decoding: FieldDecoding, path: String) throws(SegmentaError) -> [String] {
    let records = decoding.records
    var names: [String] = []
    var position: [String: Int] = [:]
    for c in 0..<records.width {
      let name = decoding.text(records.index(0, c), trimmingQuoted: true)
      let line = records.line(of: 0, column: c, in: decoding.bytes)
      if name.isEmpty {
        throw .csv(
          path: path, line: line, column: c + 1, problem: "column \(c + 1) has no name in the header",
          hint: "give every column a name in the first row (a trailing separator adds an empty column)")
      }
      if let first = position[name] {
        throw .csv(
          path: path, line: line, column: c + 1,
          problem: "column name '\(name)' appears twice (columns \(first + 1) and \(c + 1))",
          hint: "rename one of the columns so that every name is unique")
      }
      position[name] = c
      names.append(name)
    }
    return names
  }
}
