import Foundation
import Testing

/// Runs the built `segmenta` binary as a user would: arguments, piped standard input, environment, folder.
struct Segmenta {
  /// The package root (three levels above this file).
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  /// The debug binary that `swift build` (and `swift test`) produce, or the one `SEGMENTA_TEST_BINARY` names
  /// (scripts/sanitizers.sh points it at the sanitized build, so these tests drive that binary).
  static let binary =
    ProcessInfo.processInfo.environment["SEGMENTA_TEST_BINARY"].map { URL(fileURLWithPath: $0) }
    ?? root.appendingPathComponent(".build/debug/segmenta")

  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  /// Runs the binary and waits for it (a test fails if the binary was not built). `environment` adds to this
  /// process's environment, `unset` removes variables from it; a `launcher` (a program and its arguments) starts
  /// the binary, which it gets as its next arguments, followed by `arguments`.
  static func run(
    _ arguments: [String], stdin: String = "", in folder: URL = root, environment: [String: String] = [:],
    unset: [String] = [], launcher: [String] = []
  ) throws -> Result {
    try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build first: \(binary.path) is missing")
    let process = Process()
    if let program = launcher.first {
      process.executableURL = URL(fileURLWithPath: program)
      process.arguments = launcher.dropFirst() + [binary.path] + arguments
    } else {
      process.executableURL = binary
      process.arguments = arguments
    }
    process.currentDirectoryURL = folder
    var env = ProcessInfo.processInfo.environment
    env["CI"] = nil
    env.merge(environment) { $1 }
    for name in unset { env[name] = nil }
    process.environment = env
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try input.fileHandleForWriting.close()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self))
  }

  /// Runs `python3 -B Tests/EndToEndTests/SCRIPT ARGUMENTS…` and returns its exit status and what it printed
  /// (stdout and stderr together). `-B`: a script that imports another would otherwise leave `__pycache__` in the
  /// test target's folder, which SwiftPM then warns about as an unhandled file.
  static func python(_ script: String, _ arguments: [String]) throws -> (status: Int32, report: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["python3", "-B", root.appendingPathComponent("Tests/EndToEndTests/\(script)").path] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, report)
  }

  /// A fresh temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The absolute path of the bundled plain sample.
  static var sample: String { root.appendingPathComponent("datasets/b2b-customers.csv").path }
}
