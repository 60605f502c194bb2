import Foundation
import Testing

/// The built binary kept running with its standard input open, so a test can type one command at a time and
/// change the world (fill the disk, remount) between commands, as a user at the prompt would.
final class InteractiveSegmenta {
  private let process = Process()
  private let input = Pipe()
  private let outputFile: URL

  /// Starts `segmenta arguments` in the package root; its output goes to a file in `scratch`.
  init(_ arguments: [String], scratch: URL) throws {
    try #require(FileManager.default.isExecutableFile(atPath: Segmenta.binary.path), "build first")
    outputFile = scratch.appendingPathComponent("stdout-\(UUID().uuidString).txt")
    _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
    process.executableURL = Segmenta.binary
    process.arguments = arguments
    process.currentDirectoryURL = Segmenta.root
    process.standardInput = input
    let output = try FileHandle(forWritingTo: outputFile)
    process.standardOutput = output
    process.standardError = output
    try process.run()
  }

  /// Everything printed so far (standard output and error).
  var output: String { (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "" }

  /// Types `line` and waits until the output contains `expected` `times` times in all (the command has then been
  /// executed and its journal write attempted).
  func type(_ line: String, thenWaitFor expected: String, times: Int = 1) throws {
    type(line)
    let deadline = Date().addingTimeInterval(30)
    while output.components(separatedBy: expected).count - 1 < times {
      try #require(Date() < deadline, "no '\(expected)' ×\(times) after `\(line)`; output:\n\(output)")
      try #require(process.isRunning, "segmenta exited; output:\n\(output)")
      Thread.sleep(forTimeInterval: 0.02)
    }
  }

  /// Types `line` without waiting.
  func type(_ line: String) {
    input.fileHandleForWriting.write(Data((line + "\n").utf8))
  }

  /// Closes standard input (Ctrl-D) and returns the exit status.
  func finish() throws -> Int32 {
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    return process.terminationStatus
  }
}
