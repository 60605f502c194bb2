/// Types the columns of a CSV file block by block with the shared rules of ``ColumnInference`` and reports their
/// problems as CSV errors at the file's line and field.
///
/// Each block's data rows are cut into parts typed in parallel (a fixed number of parts per block, so the result
/// does not depend on the thread count) and appended in order to one ``ColumnAccumulator`` per column: numbers go
/// straight into the column's buffer. A column that turns out to be text after numbers or dates, or an
/// identifier-like column of integers, reads the texts of those rows again from the file.
struct CSVColumnsBuilder {
  let source: CSVSource
  let names: [String]
  /// The column given as the identifier.
  let forcedIdentifier: Int?
  private var accumulators: [ColumnAccumulator]

  /// Rows per part of a block (a fixed grain, so parts do not depend on the thread count).
  static let rowsPerPart = 4096

  /// A builder for columns `names`; `dates` are the columns given as dates.
  init(source: CSVSource, names: [String], forcedIdentifier: Int?, dates: DateColumns) {
    self.source = source
    self.names = names
    self.forcedIdentifier = forcedIdentifier
    accumulators = names.enumerated().map { c, name in
      let role: ColumnInference.Role =
        dates.names.contains(name)
        ? .date(dates.format) : c == forcedIdentifier ? .identifier : .mayBeIdentifier
      return ColumnAccumulator(name: name, role: role)
    }
  }

  /// Reserves room for about `rows` rows per column.
  mutating func reserve(rows: Int) {
    for c in accumulators.indices { accumulators[c].reserve(rows: rows) }
  }

  /// Types the data rows of `block` and appends them.
  ///
  /// - Throws: ``SegmentaError/interrupted``.
  mutating func append(_ block: CSVBlock, context: ExecutionContext) throws(SegmentaError) {
    let rows = block.rowCount
    guard rows > 0 else { return }
    let roles = accumulators.map(\.role)
    let textOnly = accumulators.map(\.isText)
    let keepsTexts = accumulators.map(\.keepsTexts)
    let source = self.source
    let results = block.bytes.withUnsafeBufferPointer { bytes in
      let shared = SharedBytes(bytes: bytes)
      return context.mapChunks(count: rows, chunkCount: ExecutionContext.chunkCount(for: rows, grain: Self.rowsPerPart))
      { _, part -> [ColumnInference.Part]? in
        do throws(ColumnInference.Problem) {
          return try roles.indices.map { (c) throws(ColumnInference.Problem) in
            try ColumnInference.part(
              source.cells(shared.bytes, block, column: c), rows: part, role: roles[c], textOnly: textOnly[c],
              keepsTexts: keepsTexts[c], context: context)
          }
        } catch {
          return nil
        }
      }
    }
    guard !results.contains(where: { $0 == nil }) else { throw .interrupted }
    let typed = results.map { $0.unsafelyUnwrapped }
    // Each column takes its parts in row order, the columns on all threads: appending copies the numbers into
    // the column and touches its new pages, which on one thread held up the next block.
    accumulators.withUnsafeMutableBufferPointer { buffer in
      let columns = DisjointChunkWriter(buffer)
      _ = context.mapChunks(count: columns.base.count, chunkCount: columns.base.count) { c, _ in
        for parts in typed { columns.base[c].append(parts[c]) }
      }
    }
  }

  /// The typed columns in order, and the identifier column's name: the given one, else the first column that
  /// became the identifier.
  ///
  /// - Throws: ``SegmentaError/csv(path:line:column:problem:hint:)`` for a non-finite number in a numeric
  ///   column, a value that is not a date in a column given as dates, or a missing or repeated value in a column
  ///   given as the identifier; ``SegmentaError/interrupted``.
  consuming func columns(context: ExecutionContext) throws(SegmentaError) -> (columns: [Column], idColumn: String?) {
    var columns: [Column] = []
    var idColumn = forcedIdentifier.map { names[$0] }
    for c in accumulators.indices {
      context.reportProgress("load", 0.95 + 0.05 * Double(c) / Double(max(1, names.count)))
      var accumulator = accumulators[c]
      accumulators[c] = ColumnAccumulator(name: names[c], role: .notIdentifier)
      if idColumn != nil && accumulator.role == .mayBeIdentifier { accumulator.role = .notIdentifier }
      let pending: [Range<Int>]
      do throws(ColumnInference.Problem) { pending = try accumulator.settle(context: context) } catch {
        throw try self.error(error, column: c, role: accumulator.role)
      }
      if !pending.isEmpty { try fill(&accumulator, rows: pending, column: c, context: context) }
      let column: Column
      do throws(ColumnInference.Problem) { column = try accumulator.column(context: context) } catch {
        throw try self.error(error, column: c, role: accumulator.role)
      }
      if column.kind == .identifier { idColumn = names[c] }
      columns.append(column)
    }
    return (columns, idColumn)
  }

  /// Reads the texts of `rows` (ascending ranges) of column `column` again from the file into `accumulator`.
  private func fill(
    _ accumulator: inout ColumnAccumulator, rows: [Range<Int>], column: Int, context: ExecutionContext
  ) throws(SegmentaError) {
    var reader = source.blocks()
    var remaining = rows[...]
    while !remaining.isEmpty, let block = try reader.next() {
      let blockRows = block.firstRow..<block.firstRow + block.rowCount
      for range in remaining where range.overlaps(blockRows) {
        let wanted = range.clamped(to: blockRows)
        let local = (wanted.lowerBound - block.firstRow)..<(wanted.upperBound - block.firstRow)
        do throws(ColumnInference.Problem) {
          let texts = try source.withCells(block, column: column) { (cells) throws(ColumnInference.Problem) in
            try ColumnInference.texts(cells, rows: local, context: context)
          }
          accumulator.fill(texts, at: wanted)
        } catch {
          throw .interrupted
        }
      }
      while let range = remaining.first, range.upperBound <= blockRows.upperBound { remaining.removeFirst() }
    }
  }

  private func error(_ problem: ColumnInference.Problem, column c: Int, role: ColumnInference.Role)
    throws(SegmentaError) -> SegmentaError
  {
    let path = source.file.path
    let name = names[c]
    switch problem {
    case .interrupted:
      return .interrupted
    case .nonFinite(let row):
      let at = try source.field(row: row, column: c)
      return .csv(
        path: path, line: at.line, column: c + 1,
        problem: "'\(at.text)' in numeric column '\(name)' is not a finite number",
        hint: "leave the field empty (or write NA) for a missing value, or correct the number")
    case .notADate(let row):
      let at = try source.field(row: row, column: c)
      return .csv(
        path: path, line: at.line, column: c + 1,
        problem: "'\(at.text)' in date column '\(name)' is not a date written \(role.expectedDateFormat)",
        hint: "correct the value, leave it empty for a missing date, or give the column's format=")
    case .missingIdentifier(let row):
      let at = try source.field(row: row, column: c)
      return .csv(
        path: path, line: at.line, column: c + 1, problem: "identifier column '\(name)' has a missing value",
        hint: "fill in the identifier, or choose another identifier column")
    case .repeatedIdentifier(let row, let firstRow):
      let at = try source.field(row: row, column: c)
      let first = try source.field(row: firstRow, column: c)
      return .csv(
        path: path, line: at.line, column: c + 1,
        problem: "identifier '\(at.text)' in column '\(name)' repeats (first on line \(first.line))",
        hint: "remove the duplicate row, or choose another identifier column")
    }
  }
}
