import Testing

@testable import SegmentaSession

@Suite struct TranscriptTests {
  let text = """
    # A session
    version 1
    #| tol: 1e-6
    run kmeans \\
      k=3
    #> line one
    #!  warning: two
    #~ 0.41 s

    expect x.k >= 1
    #>
    """

  @Test func parsesCellsOptionsAndContinuations() throws {
    let file = try SessionFile.parse(text)
    let cells = file.items.compactMap { if case .command(let c) = $0 { c } else { nil } }
    #expect(cells.count == 3)
    #expect(cells[1].command == "run kmeans k=3")
    #expect(cells[1].line == 4)
    #expect(cells[1].option("tol") == "1e-6")
    #expect(cells[1].expected == [.output("line one"), .diagnostic(" warning: two")])
    #expect(cells[1].volatile == ["0.41 s"])
    #expect(cells[2].expected == [.output("")])
  }

  @Test func renderingReproducesTheFile() throws {
    #expect(try SessionFile.parse(text).rendered() == text + "\n")
  }

  @Test func outputWithoutCommandIsAnErrorNamingTheLine() {
    #expect(throws: SessionError.usage("line 2: output line with no command above it", column: nil)) {
      try SessionFile.parse("# prose\n#> orphan\n")
    }
  }

  @Test func unknownOptionIsRejected() {
    #expect(throws: SessionError.self) { try SessionFile.parse("#| tolerance: 1\nhelp\n") }
  }

  @Test func toleranceComparesNumbersRelatively() {
    let a = OutputLine.output("km.k3  0.41234  1,204.5")
    let b = OutputLine.output("km.k3  0.41235  1,204.6")
    #expect(OutputComparison.matches(a, b, tolerance: 1e-4))
    #expect(!OutputComparison.matches(a, b, tolerance: 1e-6))
    #expect(!OutputComparison.matches(a, b, tolerance: nil))
    #expect(!OutputComparison.matches(a, .output("km.k4  0.41234  1,204.5"), tolerance: 1e-1))
  }

  @Test func diffMarksChangedLines() {
    let e = ["a", "b", "c"]
    let a = ["a", "x", "c"]
    #expect(UnifiedDiff.lines(expected: e, actual: a) { e[$0] == a[$1] } == [" a", "-b", "+x", " c"])
  }
}
