import Testing

@testable import SegmentaSession

@Suite struct ParsingTests {
  @Test func splitsVerbArgumentsOptionsAndAlias() throws {
    let c = try #require(try ParsedCommand.parse("run kmeans k=2..8 seed=7 as km"))
    #expect(c.verb == "run")
    #expect(c.arguments.map(\.text) == ["kmeans"])
    #expect(c.options.map { "\($0.key)=\($0.value)" } == ["k=2..8", "seed=7"])
    #expect(c.alias == "km")
  }

  @Test func quotedValuesKeepBlanksAndEscapes() throws {
    let c = try #require(try ParsedCommand.parse(#"load "my file.csv" query="SELECT \"a\" FROM t""#))
    #expect(c.arguments.map(\.text) == ["my file.csv"])
    #expect(c.value("query")?.value == #"SELECT "a" FROM t"#)
  }

  @Test func unterminatedQuoteNamesTheColumnWhereItOpened() {
    #expect(throws: SessionError.usage("unterminated quote (opened here); close it with \"", column: 6)) {
      try ParsedCommand.parse(#"load "x.csv"#)
    }
  }

  @Test func blankLineIsNoCommand() throws {
    #expect(try ParsedCommand.parse("   ") == nil)
  }

  @Test(arguments: [("k=2..8", [2, 3, 4, 5, 6, 7, 8]), ("k=3", [3]), ("k=5..5", [5])])
  func integerRanges(text: String, expected: [Int]) throws {
    let c = try #require(try ParsedCommand.parse("run kmeans \(text)"))
    #expect(try c.intList("k", in: 1...100) == expected)
  }

  @Test func reversedRangeIsRejectedWithTheFix() throws {
    let c = try #require(try ParsedCommand.parse("run kmeans k=8..2"))
    #expect(throws: SessionError.usage("k=8..2 is an empty range; write k=2..8", column: 12)) {
      try c.intList("k", in: 1...100)
    }
  }

  @Test func unknownOptionSuggestsTheClosest() throws {
    let c = try #require(try ParsedCommand.parse("run kmeans k=3 n_inti=5"))
    #expect(throws: SessionError.self) { try c.checkOptions(allowed: ["k", "n_init"]) }
    do {
      try c.checkOptions(allowed: ["k", "n_init"])
    } catch {
      #expect(error.description.contains("did you mean 'n_init'?"))
    }
  }
}
