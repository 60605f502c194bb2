import Foundation
import Testing

/// A REPL killed with SIGKILL mid-session loses nothing: its journal holds every completed command with its output
/// and replays to the same state.
@Suite struct CrashTests {
  @Test func killMinusNineKeepsTheJournalReplayable() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Segmenta.binary.path), "build first")
    let folder = try Segmenta.temporaryFolder()
    let journal = folder.appendingPathComponent("killed.seg")
    let process = Process()
    process.executableURL = Segmenta.binary
    process.arguments = ["--session", journal.path]
    process.currentDirectoryURL = Segmenta.root
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let commands = [
      "load datasets/b2b-customers.csv as c", "features order_count_12m avg_order_value_eur product_lines",
      "scale zscore", "run kmeans k=3 as km", "compare km",
    ]
    input.fileHandleForWriting.write(Data((commands.joined(separator: "\n") + "\n").utf8))
    // The stdin pipe stays open: the REPL waits for more input, as a user at the prompt would.
    let deadline = Date().addingTimeInterval(20)
    var text = ""
    while Date() < deadline {
      text = (try? String(contentsOf: journal, encoding: .utf8)) ?? ""
      if text.contains("compare km\n#> variant") && text.hasSuffix("\n") && text.contains("#> km ") { break }
      Thread.sleep(forTimeInterval: 0.05)
    }
    #expect(process.isRunning, "the REPL is still waiting for input")
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    text = try String(contentsOf: journal, encoding: .utf8)
    for command in commands.dropFirst() {
      #expect(text.contains(command + "\n"), "\(command) missing from the journal")
    }
    let check = try Segmenta.run(["check", journal.path])
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    #expect(check.stdout.hasSuffix("1 passed, 0 failed\n"))
  }

  @Test func unwritableExportFailsClearlyAndTheSessionGoesOn() throws {
    let r = try Segmenta.run(
      [], stdin: "load datasets/b2b-customers.csv as c\nexport data c to /proc/segmenta-test.csv\nset digits 5\nset\n")
    #expect(r.status == 3)
    #expect(r.stdout.contains("error: cannot write '/proc/segmenta-test.csv'"), "\(r.stdout)")
    #expect(r.stdout.contains("seed 42 · digits 5"), "the session carries on")
  }

  @Test func changedInputIsReportedAsSuchBeforeTheDiff() throws {
    let folder = try Segmenta.temporaryFolder()
    let data = folder.appendingPathComponent("d.csv")
    try "a,b\n1,2\n3,4\n5,7\n".write(to: data, atomically: true, encoding: .utf8)
    let session = folder.appendingPathComponent("s.seg")
    try "load d.csv\n".write(to: session, atomically: true, encoding: .utf8)
    #expect(try Segmenta.run(["check", "--update", session.path]).status == 0)
    try "a,b\n1,2\n3,4\n5,8\n".write(to: data, atomically: true, encoding: .utf8)
    let r = try Segmenta.run(["check", session.path])
    #expect(r.status == 1)
    #expect(r.stderr.contains("input changed: the file's fingerprint is"), "\(r.stderr)")
  }
}
