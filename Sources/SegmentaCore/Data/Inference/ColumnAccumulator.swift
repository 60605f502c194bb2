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
  private var texts: [String?] = []
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
      texts.reserveCapacity(rows)
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
      if keptTexts { texts.append(contentsOf: strings) } else { categories.append(contentsOf: strings) }
    case .categories(let encoder):
      if state != .texts { becomeText() }
      if keptTexts {
        texts.append(contentsOf: encoder.codes.lazy.map { $0 == Column.missingCode ? nil : encoder.levels[Int($0)] })
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
      texts.append(contentsOf: repeatElement(nil, count: count))
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
    if keptTexts { texts.reserveCapacity(capacity) } else { categories.reserve(rows: capacity) }
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

  /// Sets the texts of `rows`, as ``settle()`` asked for.
  mutating func fill(_ strings: [String?], at rows: Range<Int>) {
    if keptTexts { texts.replaceSubrange(rows, with: strings) } else { categories.set(strings, at: rows) }
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
      try Self.requireIdentifier(texts, context: context)
      return Column(name: name, kind: .identifier, strings: texts)
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
      var identifier = integerIdentifier
      if !identifier && mayBeIdentifier && !texts.contains(nil) {
        identifier = try DistinctValues.allDistinct(texts, context: context)
      }
      if identifier { return Column(name: name, kind: .identifier, strings: texts) }
      return Column(name: name, strings: texts)
    }
  }

  private var mayBeIdentifier: Bool { role == .mayBeIdentifier && IdentifierNames.looksLikeIdentifier(name) }

  /// Checks that the texts of a column given as the identifier are all present and unique.
  private static func requireIdentifier(_ strings: [String?], context: ExecutionContext)
    throws(ColumnInference.Problem)
  {
    var firstRow: [String: Int] = [:]
    for (r, value) in strings.enumerated() {
      if r % DistinctValues.checkInterval == 0 && context.cancellation.isCancelled { throw .interrupted }
      guard let value else { throw .missingIdentifier(row: r) }
      if let first = firstRow[value] { throw .repeatedIdentifier(row: r, firstRow: first) }
      firstRow[value] = r
    }
  }
}
