import Foundation
import Testing

/// The built binary driven through pipes and files: piped stdin, `run`, `check`, `--update`, journals, exit codes.
@Suite(.serialized) struct BinaryTests {
  let basic = """
    load datasets/b2b-customers.csv as c
    features order_count_12m avg_order_value_eur product_lines
    scale zscore
    run kmeans k=3 as km

    """

  @Test func pipedStdinRunsWithoutPromptOrEcho() throws {
    let r = try Segmenta.run([], stdin: basic)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("kmeans on 2,000 rows × 3 features"))
    #expect(!r.stdout.contains("segmenta>"))
    #expect(!r.stdout.contains("load datasets"))
  }

  @Test(arguments: [("frobnicate\n", Int32(2)), ("features x\n", Int32(3)), ("expect rows(nothing) == 1\n", Int32(3))])
  func pipedStdinFailureGivesNonZeroExit(script: String, status: Int32) throws {
    let r = try Segmenta.run([], stdin: script + "help\n")
    #expect(r.status == status, "\(r.stdout)")
    #expect(r.stdout.contains("error: "))
    #expect(r.stdout.contains("commands (help COMMAND for details)"), "the REPL carries on after an error")
  }

  @Test(arguments: [
    ("help\n", Int32(0)),
    ("#| bogus: 1\nhelp\n", Int32(2)),
    ("run kmeans k=3\n", Int32(3)),
    ("load DATA\nexpect rows(DATA_) == 7\n", Int32(4)),
  ])
  func runReportsExitCodes(session: String, status: Int32) throws {
    let folder = try Segmenta.temporaryFolder()
    let file = folder.appendingPathComponent("s.seg")
    try session.replacingOccurrences(of: "DATA", with: Segmenta.sample).replacingOccurrences(
      of: "rows(\(Segmenta.sample)_)", with: "rows(b2b_customers)"
    ).write(to: file, atomically: true, encoding: .utf8)
    let r = try Segmenta.run(["run", file.path])
    #expect(r.status == status, "\(r.stdout)\n\(r.stderr)")
  }

  @Test func checkPassesAndATamperedLineFailsWithADiff() throws {
    let folder = try Segmenta.temporaryFolder()
    let draft = folder.appendingPathComponent("draft.seg")
    let recorded = folder.appendingPathComponent("recorded.seg")
    try basic.replacingOccurrences(of: "datasets/b2b-customers.csv", with: Segmenta.sample)
      .write(to: draft, atomically: true, encoding: .utf8)
    #expect(try Segmenta.run(["run", draft.path, "--out", recorded.path]).status == 0)
    let pass = try Segmenta.run(["check", recorded.path])
    #expect(pass.status == 0, "\(pass.stderr)")
    #expect(pass.stdout.hasSuffix("1 passed, 0 failed\n"))

    let text = try String(contentsOf: recorded, encoding: .utf8)
    let tampered = text.replacingOccurrences(of: "kmeans on 2,000 rows", with: "kmeans on 2,001 rows")
    #expect(tampered != text)
    try tampered.write(to: recorded, atomically: true, encoding: .utf8)
    let fail = try Segmenta.run(["check", recorded.path, draft.path])
    #expect(fail.status == 1)
    #expect(fail.stdout.hasSuffix("0 passed, 2 failed\n"), "the draft has no outputs recorded, so it fails too")
    #expect(fail.stderr.contains("recorded.seg:15: output differs for `run kmeans k=3 as km`"), "\(fail.stderr)")
    #expect(fail.stderr.contains("-#> kmeans on 2,001 rows"))
    #expect(fail.stderr.contains("+#> kmeans on 2,000 rows"))
  }

  @Test func updateRewritesOutputsButIsRefusedInCI() throws {
    let folder = try Segmenta.temporaryFolder()
    let file = folder.appendingPathComponent("s.seg")
    try "# prose stays\nset digits 3\nhelp quit\n#> stale\n".write(to: file, atomically: true, encoding: .utf8)
    let refused = try Segmenta.run(["check", "--update", file.path], environment: ["CI": "true"])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("refused when CI is set"))
    let updated = try Segmenta.run(["check", "--update", file.path])
    #expect(updated.status == 0, "\(updated.stderr)")
    #expect(updated.stdout.contains("-#> stale"))
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.hasPrefix("# prose stays\nset digits 3\nhelp quit\n#> usage: quit\n"))
    #expect(try Segmenta.run(["check", file.path]).status == 0)
  }

  @Test func journalRecordsEveryCommandAndReplays() throws {
    let folder = try Segmenta.temporaryFolder()
    let journal = folder.appendingPathComponent("sub/journal.seg")
    let script = basic + "features revnue\ncompare km\n"
    let r = try Segmenta.run(["--session", journal.path], stdin: script)
    #expect(r.status == 3, "the failed `features revnue` makes a piped run exit 3")
    let text = try String(contentsOf: journal, encoding: .utf8)
    #expect(text.hasPrefix("# Segmenta session\nversion 1\nset seed 42\n"))
    #expect(text.contains("# features revnue\n# error: unknown column 'revnue' (did you mean 'revenue_eur'?)\n"))
    let relative = RelativePathProbe.path(from: journal.deletingLastPathComponent().path, to: Segmenta.sample)
    #expect(text.contains("load \(relative) as c\n"), "paths are recorded relative to the journal: \(text)")
    let check = try Segmenta.run(["check", journal.path])
    #expect(check.status == 0, "\(check.stderr)")
  }

  @Test func resumeReplaysThenAppends() throws {
    let folder = try Segmenta.temporaryFolder()
    let file = folder.appendingPathComponent("s.seg")
    try basic.replacingOccurrences(of: "datasets/b2b-customers.csv", with: Segmenta.sample)
      .write(to: file, atomically: true, encoding: .utf8)
    let r = try Segmenta.run([file.path], stdin: "compare km\n")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("replayed 4 commands"))
    #expect(r.stdout.contains("silhouette"))
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.hasSuffix("compare km\n" + text.components(separatedBy: "compare km\n").last!))
    #expect(text.contains("compare km\n#> variant"))
  }

  @Test func pseudoTerminalCompletionHistoryAndCtrlC() throws {
    // A file big enough that loading it takes seconds in a debug build, to interrupt the load.
    let big = try Segmenta.temporaryFolder().appendingPathComponent("big.csv")
    var text = "a,b,c\n"
    text.reserveCapacity(30_000_000)
    for i in 0..<1_500_000 { text += "\(i),\(i % 97).5,x\(i % 7)\n" }
    try text.write(to: big, atomically: true, encoding: .utf8)
    let (status, report) = try Segmenta.python(
      "pty_smoke.py",
      [
        Segmenta.binary.path, "--timeout", "20",
        "--setup", "load \(Segmenta.sample)", "--setup", "features order_count_12m avg_order_value_eur product_lines",
        "--long", "run kmeans k=2..60 n_init=500", "--long", "load \(big.path)", "--unchanged", "datasets",
      ])
    #expect(status == 0, "\(report)")
    #expect(report.contains("Ctrl-C stops 'load'"))
    #expect(report.contains("'datasets' prints the same after the stopped 'load'"))
    #expect(report.contains(" passed, 0 failed"))
  }
}

/// Computes the expected relative path independently of the product's code (by counting folders).
enum RelativePathProbe {
  static func path(from folder: String, to target: String) -> String {
    let a = folder.split(separator: "/")
    let b = target.split(separator: "/")
    var i = 0
    while i < a.count, i < b.count, a[i] == b[i] { i += 1 }
    return (Array(repeating: "..", count: a.count - i) + b[i...].map(String.init)).joined(separator: "/")
  }
}
