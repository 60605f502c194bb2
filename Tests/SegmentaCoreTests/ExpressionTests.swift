import Foundation
import Testing

@testable import SegmentaCore

/// The `derive`/`filter` expression language: precedence, types, missing values, notes and error positions.
@Suite struct ExpressionTests {
  /// Four customers with a gap in each kind of column.
  static let table = Table(
    name: "t",
    columns: [
      Column(name: "id", kind: .identifier, strings: ["K1", "K2", "K3", "K4"]),
      Column(name: "x", numbers: [1, 2, .nan, 4]),
      Column(name: "y", numbers: [0, 2, 3, -1]),
      Column(name: "industry", strings: ["C", "G", nil, "C"]),
      // 2024-01-01, 2024-02-01, –, 2025-01-01
      Column(name: "since", kind: .date, numbers: [19_723, 19_754, .nan, 20_089]),
      Column(name: "revenue eur", numbers: [10, 20, 30, 40]),
    ], idColumn: "id")

  static func values(_ text: String) throws -> [Double] {
    let result = try ExpressionEvaluator.evaluate(ExpressionParser.parse(text), on: table)
    return Array(result.column(named: "v").numbers)
  }

  static func texts(_ text: String) throws -> [String?] {
    try ExpressionEvaluator.evaluate(ExpressionParser.parse(text), on: table).column(named: "v").strings
  }

  /// NaN-aware equality of value lists.
  static func same(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
  }

  static func failure(_ text: String, startColumn: Int = 1) -> SegmentaError? {
    do throws(SegmentaError) {
      _ = try ExpressionEvaluator.evaluate(ExpressionParser.parse(text, startColumn: startColumn), on: table)
      return nil
    } catch {
      return error
    }
  }

  @Test(arguments: [
    ("1 + 2 * 3", 7.0), ("(1 + 2) * 3", 9), ("2 ^ 3 ^ 2", 512), ("-2 ^ 2", -4), ("10 - 4 - 3", 3),
    ("8 / 4 / 2", 1), ("1 < 2 and 2 < 3", 1), ("not 1 > 2", 1), ("1 > 2 or 3 > 2 and 1 > 2", 0),
    ("min(3, 1, 2)", 1), ("max(3, 1, 2)", 3), ("abs(-2.5)", 2.5), ("round(2.5)", 3), ("round(-2.5)", -3),
    ("sqrt(16)", 4), ("log10(1000)", 3), ("if(1 > 0, 10, 20)", 10), ("3 in (1, 2, 3)", 1), ("3 not in (1, 2)", 1),
    ("year(date(\"2025-06-30\"))", 2025), ("quarter(date(\"2025-06-30\"))", 2), ("weekday(date(\"2025-06-30\"))", 1),
    ("date(\"2025-06-30\") - date(\"2025-01-01\")", 180), ("1e3 + .5", 1000.5),
  ])
  func precedenceAndFunctions(text: String, expected: Double) throws {
    #expect(try Self.values(text) == [expected, expected, expected, expected])
  }

  @Test func missingValuesPropagateAndLogicIsThreeValued() throws {
    #expect(Self.same(try Self.values("x * 2"), [2, 4, .nan, 8]))
    #expect(Self.same(try Self.values("x > 1"), [0, 1, .nan, 1]))
    #expect(Self.same(try Self.values("x > 1 and y > 100"), [0, 0, 0, 0]))
    #expect(Self.same(try Self.values("x > 1 or y > 100"), [0, 1, .nan, 1]))
    #expect(Self.same(try Self.values("not x > 1"), [1, 0, .nan, 0]))
    #expect(Self.same(try Self.values("missing(x)"), [0, 0, 1, 0]))
    #expect(Self.same(try Self.values("coalesce(x, y)"), [1, 2, 3, 4]))
    #expect(Self.same(try Self.values("min(x, y)"), [0, 2, .nan, -1]))
    #expect(Self.same(try Self.values("if(x > 1, 1, 0)"), [0, 1, .nan, 1]))
  }

  @Test func textAndDates() throws {
    #expect(Self.same(try Self.values("industry == \"C\""), [1, 0, .nan, 1]))
    #expect(Self.same(try Self.values("industry in ('C', 'F')"), [1, 0, .nan, 1]))
    #expect(Self.same(try Self.values("industry != 'C'"), [0, 1, .nan, 0]))
    #expect(try Self.texts("if(x > 1, industry, 'none')") == ["none", "G", nil, "C"])
    #expect(Self.same(try Self.values("since >= \"2024-02-01\""), [0, 1, .nan, 1]))
    #expect(Self.same(try Self.values("date(\"2025-01-01\") - since"), [366, 335, .nan, 0]))
    #expect(Self.same(try Self.values("year(since) * 100 + month(since)"), [202_401, 202_402, .nan, 202_501]))
    #expect(Self.same(try Self.values("`revenue eur` / 10"), [1, 2, 3, 4]))
    let shifted = try ExpressionEvaluator.evaluate(ExpressionParser.parse("since + 31"), on: Self.table)
    #expect(shifted.type == .date)
    #expect(shifted.column(named: "d").text(at: 0) == "2024-02-01")
  }

  @Test func undefinedOperationsBecomeMissingWithANoteCountingOnlyRowsThatMatter() throws {
    let division = try ExpressionEvaluator.evaluate(ExpressionParser.parse("x / y"), on: Self.table)
    #expect(Self.same(Array(division.column(named: "v").numbers), [.nan, 1, .nan, -4]))
    #expect(division.notes == [ExpressionNote(column: 3, rows: 1, problem: "division by zero")])
    let log = try ExpressionEvaluator.evaluate(ExpressionParser.parse("log(y)"), on: Self.table)
    #expect(log.notes.map(\.rows) == [2])
    #expect(log.notes.first?.description == "column 1: log is undefined for values ≤ 0 in 2 rows; they are missing")
    let guarded = try ExpressionEvaluator.evaluate(ExpressionParser.parse("if(y > 0, log(y), 0)"), on: Self.table)
    #expect(guarded.notes.isEmpty)
    #expect(Self.same(Array(guarded.column(named: "v").numbers), [0, Foundation.log(2), Foundation.log(3), 0]))
  }

  /// Every error names the column of the part that is wrong (here the expression starts at column 10).
  @Test(arguments: [
    ("revnue * 2", 10, "unknown column 'revnue'"),
    ("x + industry", 14, "'+' works on numbers and dates"),
    ("log(industry)", 14, "log needs a number, but 'industry' is text"),
    ("lg(x)", 10, "unknown function 'lg' (did you mean 'log'?)"),
    ("log(x, 2)", 10, "log takes 1 argument, got 2"),
    ("x = 1", 12, "'=' does not compare; write '=='"),
    ("x > 1 && y > 1", 16, "write 'and'"),
    ("(x + 1", 16, "expected ')' to close the '(' at column 10"),
    ("x +", 13, "ends too early"),
    ("1 < x < 3", 16, "comparisons do not chain"),
    ("industry == 'C", 22, "unterminated text"),
    ("industry < 'C'", 21, "text values can only be tested with == and !="),
    ("industry in (1, 2)", 23, "every value in the list must be text"),
    ("since > '2024-13-01'", 18, "\"2024-13-01\" is not a date"),
    ("x y", 12, "is an operator missing?"),
    ("if(x, 1, 2)", 13, "if needs true/false, but 'x' is number"),
    ("if(x > 1, 1, 'a')", 23, "must all be a number"),
    ("", 10, "the expression is empty"),
    ("x # 2", 12, "unexpected character '#'"),
  ])
  func errorsPointAtTheOffendingColumn(text: String, column: Int, message: String) throws {
    let error = try #require(Self.failure(text, startColumn: 10))
    guard case .expression(let at, let problem) = error else {
      Issue.record("expected an expression error, got \(error)")
      return
    }
    #expect(at == column, "\(problem)")
    #expect(problem.contains(message), "\(problem)")
  }

  @Test func filterKeepsRowsWhereTheConditionIsTrueAndCountsMissingAsDropped() throws {
    let result = try RowFilter.rows(matching: ExpressionParser.parse("x >= 2"), in: Self.table)
    #expect(result.rows == [1, 3])
    #expect(result.missing == 1)
    #expect(throws: SegmentaError.self) {
      try RowFilter.rows(matching: ExpressionParser.parse("x + 1"), in: Self.table)
    }
  }

  @Test func derivationsAreDataAndReapplyToNewRows() throws {
    var recipe = FeatureRecipe()
    recipe.derivations = [
      try Derivation(name: "double", text: "x * 2"), try Derivation(name: "big", text: "double > 4 or industry == 'G'"),
    ]
    #expect(recipe.derivations[1].expression.columnNames == ["double", "industry"])
    let fresh = Table(
      name: "new",
      columns: [Column(name: "x", numbers: [3, 1]), Column(name: "industry", strings: ["C", "G"])])
    let derived = try recipe.applyingDerivations(to: fresh)
    #expect(derived.column(named: "double")?.numbers == [6, 2])
    #expect(derived.column(named: "big")?.numbers == [1, 1])
    #expect(throws: SegmentaError.self) { try recipe.applyingDerivations(to: Table(name: "empty", columns: [])) }
    #expect(!Derivation.isValidName("and") && !Derivation.isValidName("1x") && Derivation.isValidName("aov_12m"))
  }

  /// Random token soup never crashes: every line parses and evaluates or throws an expression error (seeded; the
  /// failing line is in the message).
  @Test func randomExpressionsFailCleanly() {
    let vocabulary = [
      "x", "y", "industry", "since", "`revenue eur`", "nope", "1", "0", "-1", "1e308", "2.5", "'C'", "\"2024-02-29\"",
      "\"x\"", "true", "+", "-", "*", "/", "^", "==", "!=", "<", ">=", "and", "or", "not", "in", "(", ")", ",",
      "log(", "sqrt(", "min(", "max(", "if(", "coalesce(", "missing(", "year(", "weekday(", "date(", "round(", "=",
      "&&", "'", "`", "#", "1e999",
    ]
    var rng = SeededRandom(seed: 2025)
    for _ in 0..<3000 {
      let line = (0..<(1 + rng.nextInt(below: 9))).map { _ in vocabulary[rng.nextInt(below: vocabulary.count)] }
        .joined(separator: rng.nextInt(below: 2) == 0 ? " " : "")
      let outcome: Result<Column, SegmentaError>
      do throws(SegmentaError) {
        outcome = .success(
          try ExpressionEvaluator.evaluate(ExpressionParser.parse(line), on: Self.table).column(named: "v"))
      } catch {
        outcome = .failure(error)
      }
      switch outcome {
      case .success(let column):
        #expect(column.count == Self.table.rowCount, "\(line)")
        if column.kind == .date { _ = (0..<column.count).map { column.text(at: $0) } }
      case .failure(.expression): break
      case .failure(let error): Issue.record("\(line): \(error)")
      }
    }
  }

  @Test func dateArithmeticOutsideTheCalendarIsMissing() throws {
    let far = try ExpressionEvaluator.evaluate(ExpressionParser.parse("since + 1e300"), on: Self.table)
    #expect(far.type == .date)
    #expect(far.column(named: "d").numbers.allSatisfy { $0.isNaN })
    #expect(far.notes.map(\.problem) == ["the date falls outside the years 1…9999"])
  }
}
