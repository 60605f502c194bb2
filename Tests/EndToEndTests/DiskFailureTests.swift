import Foundation
import Testing

/// The built binary on a really full disk and in a really read-only folder (a scratch tmpfs): the REPL keeps
/// going and says what failed and what to do, completed commands stay in memory and reach the journal once it
/// can be written again (in order, exactly once), and an export is written whole or not at all.
@Suite(.serialized, .enabled(if: ScratchFilesystem.shouldRun, ScratchFilesystem.skipReason))
struct DiskFailureTests {
  static let commandsWhileBroken = [
    "features order_count_12m avg_order_value_eur product_lines", "scale zscore", "run kmeans k=3 as km",
  ]

  @Test func journalOnAFullDiskCatchesUpOnceThereIsRoomAgain() throws {
    let disk = try ScratchFilesystem(kilobytes: 64)
    let journal = disk.folder.appendingPathComponent("s.seg")
    try journalCatchesUp(
      on: disk,
      breaking: {
        // tmpfs hands out whole pages: a comment fills the journal's last one but 16 bytes, so the next command's
        // write stops part-way (the partial line must not stay in the file).
        let handle = try FileHandle(forWritingTo: journal)
        let size = try handle.seekToEnd()
        var length = 4096 - Int(size % 4096) - 16
        if length < 3 { length += 4096 }
        try handle.write(contentsOf: Data(("# " + String(repeating: "-", count: length - 3) + "\n").utf8))
        try handle.close()
        try disk.fill()
      }, repairing: { try disk.free() }, reason: "No space left on device")
  }

  @Test func journalInAReadOnlyFolderCatchesUpOnceItIsWritableAgain() throws {
    let disk = try ScratchFilesystem(kilobytes: 64)
    try journalCatchesUp(
      on: disk, breaking: { try disk.remount(readOnly: true) }, repairing: { try disk.remount(readOnly: false) },
      reason: "Read-only file system")
  }

  @Test func journalThatCannotEvenStartWaitsForTheFolder() throws {
    let disk = try ScratchFilesystem(kilobytes: 64)
    try disk.remount(readOnly: true)
    let journal = disk.folder.appendingPathComponent("s.seg")
    let repl = try InteractiveSegmenta(["--session", journal.path], scratch: try Segmenta.temporaryFolder())
    try repl.type("load datasets/b2b-customers.csv as c", thenWaitFor: "1 command waits in memory")
    #expect(repl.output.contains("journal: cannot write '\(journal.path)': Read-only file system"), "\(repl.output)")
    try disk.remount(readOnly: false)
    try repl.type("set digits 5", thenWaitFor: "journal: caught up")
    #expect(try repl.finish() == 0)
    let text = try String(contentsOf: journal, encoding: .utf8)
    #expect(text.contains("version 1\nset seed 42\nload "), "the header first: \(text)")
    #expect(text.contains("b2b-customers.csv as c\n#> c: 2,000 rows"))
    #expect(text.hasSuffix("set digits 5\n"))
  }

  @Test func quittingWhileTheJournalIsBehindSaysWhatIsLost() throws {
    let disk = try ScratchFilesystem(kilobytes: 64)
    try disk.remount(readOnly: true)
    let journal = disk.folder.appendingPathComponent("s.seg")
    let repl = try InteractiveSegmenta(["--session", journal.path], scratch: try Segmenta.temporaryFolder())
    try repl.type("set digits 5", thenWaitFor: "1 command waits in memory")
    try repl.type("set digits 6", thenWaitFor: "2 commands wait in memory")
    #expect(try repl.finish() == 0)
    #expect(
      repl.output.contains(
        "warning: journal: 2 commands are not in \(journal.path) (Read-only file system); they are lost with this "
          + "session"), "\(repl.output)")
  }

  /// Loads data with the journal on `disk`, breaks the disk, runs commands that change the workspace, repairs
  /// it, and checks the journal holds every command once, in order, and replays to the recorded outputs.
  private func journalCatchesUp(
    on disk: ScratchFilesystem, breaking: () throws -> Void, repairing: () throws -> Void, reason: String
  ) throws {
    let journal = disk.folder.appendingPathComponent("s.seg")
    let repl = try InteractiveSegmenta(["--session", journal.path], scratch: try Segmenta.temporaryFolder())
    try repl.type("load datasets/b2b-customers.csv as c", thenWaitFor: "c: ")
    repl.type("set digits 4")
    try waitForJournal(journal, toEndWith: "set digits 4\n")
    try breaking()
    let beforeBreaking = try String(contentsOf: journal, encoding: .utf8)
    for (index, command) in Self.commandsWhileBroken.enumerated() {
      let waiting = index == 0 ? "1 command waits" : "\(index + 1) commands wait"
      try repl.type(command, thenWaitFor: waiting)
    }
    #expect(repl.output.contains("warning: journal: cannot write '\(journal.path)': \(reason)"), "\(repl.output)")
    #expect(repl.output.contains("free space or make the folder writable, or `save FILE.seg` elsewhere"))
    #expect(try String(contentsOf: journal, encoding: .utf8) == beforeBreaking, "no partial command in the file")
    try repl.type("compare km", thenWaitFor: "4 commands wait")
    #expect(repl.output.contains("km "), "the workspace still holds the variant: \(repl.output)")
    try repairing()
    try repl.type("set digits 5", thenWaitFor: "journal: caught up")
    #expect(try repl.finish() == 0, "\(repl.output)")
    let text = try String(contentsOf: journal, encoding: .utf8)
    #expect(text.hasPrefix(beforeBreaking))
    var rest = Substring(text.dropFirst(beforeBreaking.count))
    for command in Self.commandsWhileBroken + ["compare km", "set digits 5"] {
      #expect(text.components(separatedBy: "\n" + command + "\n").count == 2, "\(command) once in \(text)")
      let found = try #require(rest.range(of: command + "\n"), "\(command) in order in \(text)")
      rest = rest[found.upperBound...]
    }
    let check = try Segmenta.run(["check", journal.path])
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
  }

  /// Waits until the journal ends with `suffix` (its write follows the printed output).
  private func waitForJournal(_ journal: URL, toEndWith suffix: String) throws {
    let deadline = Date().addingTimeInterval(20)
    while true {
      let text = (try? String(contentsOf: journal, encoding: .utf8)) ?? ""
      if text.hasSuffix(suffix) { return }
      try #require(Date() < deadline, "the journal never ended with \(suffix): \(text)")
      Thread.sleep(forTimeInterval: 0.02)
    }
  }

  @Test func exportOnAFullDiskLeavesTheOldFileAndNoTemporaryFile() throws {
    let disk = try ScratchFilesystem(kilobytes: 1024)
    let target = disk.folder.appendingPathComponent("customers.csv")
    try "the previous export\n".write(to: target, atomically: false, encoding: .utf8)
    try disk.fill(leavingKilobytes: 64)
    let reference = try Segmenta.temporaryFolder().appendingPathComponent("customers.csv")
    let session = """
      load datasets/b2b-customers.csv as c
      export data c to \(target.path)
      set digits 5
      set

      """
    let full = try Segmenta.run([], stdin: session)
    #expect(full.status == 3)
    #expect(full.stdout.contains("error: cannot write '\(target.path)': No space left on device"), "\(full.stdout)")
    #expect(full.stdout.contains("seed 42 · digits 5"), "the session carries on")
    #expect(try String(contentsOf: target, encoding: .utf8) == "the previous export\n")
    #expect(try disk.entries() == ["customers.csv"], "the temporary file is removed")
    try disk.free()
    let roomy = try Segmenta.run([], stdin: session + "export data c to \(reference.path)\n")
    #expect(roomy.status == 0, "\(roomy.stdout)")
    #expect(try Data(contentsOf: target) == Data(contentsOf: reference), "written whole once there is room")
  }

  @Test func exportInAReadOnlyFolderLeavesTheOldFile() throws {
    let disk = try ScratchFilesystem(kilobytes: 64)
    let target = disk.folder.appendingPathComponent("customers.csv")
    try "the previous export\n".write(to: target, atomically: false, encoding: .utf8)
    try disk.remount(readOnly: true)
    let r = try Segmenta.run(
      [], stdin: "load datasets/b2b-customers.csv as c\nexport data c to \(target.path)\nset digits 5\nset\n")
    #expect(r.status == 3)
    #expect(r.stdout.contains("error: cannot write '\(target.path)': Read-only file system"), "\(r.stdout)")
    #expect(r.stdout.contains("seed 42 · digits 5"), "the session carries on")
    #expect(try String(contentsOf: target, encoding: .utf8) == "the previous export\n")
    #expect(try disk.entries() == ["customers.csv"])
  }

  @Test func batchRunWithAnExportOnAFullDiskExitsNonZeroWithTheReason() throws {
    let disk = try ScratchFilesystem(kilobytes: 64)
    let session = try Segmenta.temporaryFolder().appendingPathComponent("export.seg")
    let target = disk.folder.appendingPathComponent("customers.csv")
    try "load \(Segmenta.sample) as c\nexport data c to \(target.path)\n".write(
      to: session, atomically: true, encoding: .utf8)
    let r = try Segmenta.run(["run", session.path])
    #expect(r.status == 3, "\(r.stdout)\(r.stderr)")
    #expect(
      (r.stdout + r.stderr).contains("cannot write '\(target.path)': No space left on device"), "\(r.stdout)\(r.stderr)"
    )
    #expect(try disk.entries().isEmpty, "neither a half-written export nor a temporary file")
  }
}
