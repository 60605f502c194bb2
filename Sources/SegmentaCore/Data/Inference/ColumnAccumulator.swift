/// Combines the ``ColumnInference/Part``s of one column, in row order, into the column that the rules of
/// ``ColumnInference`` give for all of its rows at once, whatever the parts' sizes.
///
/// Numbers and dates go straight into one growing buffer. When text turns up after numbers or dates, the column
/// becomes text and the rows read as numbers or dates so far are remembered: ``settle()`` returns them (or all
/// rows, for an identifier-like column of integers), and the caller reads their texts again and passes them to
/// ``fill(_:at:)`` before taking the ``column()``.
struct ColumnAccumulator {
  let name: String
  /// What the column may, must or must not become; a reader may narrow ``ColumnInference/Role/mayBeIdentifier``
  /// to ``ColumnInference/Role/notIdentifier`` before ``settle()`` once another column became the identifier.
  var role: ColumnInference.Role

  private enum State { case missing, numbers, dates, texts }
  private var state = State.missing
  /// Numbers or dates (NaN = missing) while the column is not text.
  private var values = ContiguousArray<Double>()
  /// Texts (`nil` = missing, or not filled in yet) once the column is text and may become the identifier.
  private var texts = TextArena()
  /// The texts passed to ``fill(_:at:)`` (kept apart, since the arena cannot replace rows in place) and their
  /// rows, ascending.
  private var filled = TextArena()
  private var filledRows: [Range<Int>] = []
  /// Codes of the texts once the column is text and cannot become the identifier, so a categorical column never
  /// holds a string per row.
  private var categories = CategoryEncoder()
  /// Whether a text column keeps ``texts`` (else ``categories``), decided when it becomes text.
  private var keptTexts = false
  /// Rows read as numbers or dates, whose texts a text column still needs.
  private var typedRows: [Range<Int>] = []
  private var firstNonFinite: Int?
  private var firstNonDate: Int?
  /// Whether ``settle()`` turned a column of integers into the identifier.
  private var integerIdentifier = false
  /// Rows appended so far.
  private(set) var rowCount = 0

  init(name: String, role: ColumnInference.Role) {
    self.name = name
    self.role = role
  }

  /// Whether earlier parts already made the column text, so later parts need not try numbers and dates.
  var isText: Bool { state == .texts }

  /// Whether the column, once text, keeps a text per row (it may become the identifier) instead of codes, so
  /// parts are best typed as ``ColumnInference/Part/texts(_:)`` rather than
  /// ``ColumnInference/Part/categories(_:)`` (either is accepted).
  var keepsTexts: Bool { role == .identifier || mayBeIdentifier }

  /// Reserves room for about `rows` rows (an estimate; more may be appended).
  mutating func reserve(rows: Int) {
    if state != .texts {
      values.reserveCapacity(rows)
    } else if keptTexts {
      texts.reserve(rows: rows)
    } else {
      categories.reserve(rows: rows)
    }
  }

  /// Appends the next rows.
  mutating func append(_ part: ColumnInference.Part) {
    let rows = rowCount..<rowCount + part.count
    switch part {
    case .missing(let count):
      if state == .texts {
        appendMissingTexts(count)
      } else {
        values.append(contentsOf: repeatElement(.nan, count: count))
      }
    case .numbers(let numbers, let nonFinite):
      if let nonFinite, firstNonFinite == nil { firstNonFinite = rows.lowerBound + nonFinite }
      append(numbers, as: .numbers, rows: rows)
    case .dates(let days, let nonDate):
      if let nonDate, firstNonDate == nil { firstNonDate = rows.lowerBound + nonDate }
      append(days, as: .dates, rows: rows)
    case .texts(let strings):
      if state != .texts { becomeText() }
      if keptTexts {
        for text in strings { texts.append(text) }
      } else {
        categories.append(contentsOf: strings)
      }
    case .categories(let encoder):
      if state != .texts { becomeText() }
      if keptTexts {
        for code in encoder.codes { texts.append(code == Column.missingCode ? nil : encoder.levels[Int(code)]) }
      } else {
        categories.append(encoder)
      }
    }
    rowCount = rows.upperBound
  }

  private mutating func append(_ typed: ContiguousArray<Double>, as kind: State, rows: Range<Int>) {
    if let last = typedRows.last, last.upperBound == rows.lowerBound {
      typedRows[typedRows.count - 1] = last.lowerBound..<rows.upperBound
    } else {
      typedRows.append(rows)
    }
    if state == .missing { state = kind }
    if state == kind {
      values.append(contentsOf: typed)
    } else {
      if state != .texts { becomeText() }
      appendMissingTexts(typed.count)
    }
  }

  private mutating func appendMissingTexts(_ count: Int) {
    if keptTexts {
      texts.appendMissing(count: count)
    } else {
      categories.appendMissing(count: count)
    }
  }

  /// Only a column that may become the identifier keeps a text per row.
  private mutating func becomeText() {
    keptTexts = keepsTexts
    let capacity = max(values.capacity, rowCount)
    values = []
    state = .texts
    if keptTexts { texts.reserve(rows: capacity) } else { categories.reserve(rows: capacity) }
    appendMissingTexts(rowCount)
  }

  /// Decides the column's kind once every row is appended, and returns the row ranges whose texts must be passed
  /// to ``fill(_:at:)`` before ``column()``.
  ///
  /// - Throws: ``ColumnInference/Problem/nonFinite(row:)`` for a numeric column with a non-finite value,
  ///   ``ColumnInference/Problem/notADate(row:)`` for a column given as dates with a value that is not one,
  ///   ``ColumnInference/Problem/interrupted`` when cancelled during the identifier check.
  /// - Complexity: O(rows log rows) for an identifier-like column of numbers, else O(parts).
  mutating func settle(context: ExecutionContext) throws(ColumnInference.Problem) -> [Range<Int>] {
    switch role {
    case .date:
      if let row = firstNonDate { throw .notADate(row: row) }
      return []
    case .identifier:
      return []
    case .mayBeIdentifier, .notIdentifier:
      break
    }
    switch state {
    case .missing, .numbers:
      if let row = firstNonFinite { throw .nonFinite(row: row) }
      guard mayBeIdentifier, values.allSatisfy({ $0 == $0.rounded() }),
        try DistinctValues.allDistinct(values, context: context)
      else { return [] }
      integerIdentifier = true
      becomeText()
      return rowCount > 0 ? [0..<rowCount] : []
    case .dates:
      return []
    case .texts:
      return typedRows
    }
  }

  /// Sets the texts of `rows`, as ``settle()`` asked for, in ascending row order.
  mutating func fill(_ strings: [String?], at rows: Range<Int>) {
    guard keptTexts else { return categories.set(strings, at: rows) }
    precondition(filledRows.last.map { $0.upperBound <= rows.lowerBound } ?? true, "fills in row order")
    for text in strings { filled.append(text) }
    filledRows.append(rows)
  }

  /// Takes the texts with the filled rows put in place: the appended texts alone when nothing was filled, the
  /// filled ones alone when they cover every row (a column of integers that became the identifier), else a merge.
  private mutating func takeTexts() -> TextArena {
    defer { (texts, filled, filledRows) = (TextArena(), TextArena(), []) }
    if filledRows.isEmpty { return texts }
    if filled.count == rowCount { return filled }
    var merged = TextArena()
    merged.reserve(rows: rowCount)
    var row = 0
    var filledRow = 0
    for rows in filledRows {
      while row < rows.lowerBound {
        merged.append(row: row, of: texts)
        row += 1
      }
      for _ in rows {
        merged.append(row: filledRow, of: filled)
        filledRow += 1
      }
      row = rows.upperBound
    }
    while row < rowCount {
      merged.append(row: row, of: texts)
      row += 1
    }
    return merged
  }

  /// The typed column, after ``settle()`` and the fills it asked for.
  ///
  /// - Throws: ``ColumnInference/Problem/missingIdentifier(row:)`` or
  ///   ``ColumnInference/Problem/repeatedIdentifier(row:firstRow:)`` for a column given as the identifier,
  ///   ``ColumnInference/Problem/interrupted`` when cancelled during the identifier check.
  consuming func column(context: ExecutionContext) throws(ColumnInference.Problem) -> Column {
    switch role {
    case .date:
      return Column(name: name, kind: .date, numbers: values)
    case .identifier:
      let identifiers = takeTexts()
      try Self.requireIdentifier(identifiers, context: context)
      return Column(name: name, identifiers: identifiers)
    case .mayBeIdentifier, .notIdentifier:
      break
    }
    switch state {
    case .missing, .numbers:
      return Column(name: name, numbers: values)
    case .dates:
      return Column(name: name, kind: .date, numbers: values)
    case .texts:
      guard keptTexts else { return categories.column(name: name) }
      let merged = takeTexts()
      var identifier = integerIdentifier
      if !identifier && mayBeIdentifier && merged.missingCount == 0 {
        identifier = try DistinctValues.firstRepeat(merged, context: context) == nil
      }
      if identifier { return Column(name: name, identifiers: merged) }
      var encoder = CategoryEncoder()
      encoder.reserve(rows: merged.count)
      encoder.append(contentsOf: merged)
      return encoder.column(name: name)
    }
  }

  private var mayBeIdentifier: Bool { role == .mayBeIdentifier && IdentifierNames.looksLikeIdentifier(name) }

  /// Checks that the texts of a column given as the identifier are all present and unique; the first problem
  /// in row order is reported.
  private static func requireIdentifier(_ identifiers: TextArena, context: ExecutionContext)
    throws(ColumnInference.Problem)
  {
    let firstMissing = identifiers.missingCount == 0 ? nil : identifiers.indices.first(where: identifiers.isMissing)
    let repeated = try DistinctValues.firstRepeat(identifiers, context: context)
    if let row = firstMissing, repeated.map({ row < $0.row }) ?? true { throw .missingIdentifier(row: row) }
    if let repeated { throw .repeatedIdentifier(row: repeated.row, firstRow: repeated.firstRow) }
  }
}
