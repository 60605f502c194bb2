import Foundation
import Testing

/// libpq is opened on first use, not linked (Sources/CLibPQ): a process that never loads from PostgreSQL does not
/// map it and its TLS/Kerberos/LDAP libraries, and a machine without it gets a clear error only for
/// `load postgres:`.
@Suite struct LibPQLoadingTests {
  /// The shared objects the dynamic loader opens for `segmenta --reference` (`LD_DEBUG=files`).
  @Test func aSessionWithoutPostgresDoesNotOpenLibpq() throws {
    let r = try Segmenta.run(["--reference"], environment: ["LD_DEBUG": "files"])
    #expect(r.status == 0)
    #expect(r.stderr.contains("libreadline"), "LD_DEBUG lists the libraries: \(r.stderr.prefix(400))")
    #expect(!r.stderr.contains("libpq"))
    #expect(!r.stderr.contains("libgssapi"))
  }

  /// Hides libpq from one run of the binary (a private mount namespace with /dev/null bound over the library).
  @Test(.enabled(if: ScratchFilesystem.shouldRun, ScratchFilesystem.skipReason))
  func withoutLibpqLoadingFromPostgresFailsClearlyAndCSVStillWorks() throws {
    let library = try #require(
      ["/usr/lib/x86_64-linux-gnu/libpq.so.5", "/usr/lib/aarch64-linux-gnu/libpq.so.5", "/usr/lib/libpq.so.5"]
        .first { FileManager.default.fileExists(atPath: $0) }, "libpq.so.5 is installed (apt-get install libpq5)")
    let file = URL(fileURLWithPath: library).resolvingSymlinksInPath().path
    let folder = try Segmenta.temporaryFolder()
    let postgres = folder.appendingPathComponent("postgres.seg")
    try "load postgres:\"postgresql://app@localhost:1/erp\" query=\"SELECT 1\" as t\n".write(
      to: postgres, atomically: true, encoding: .utf8)
    let csv = folder.appendingPathComponent("csv.seg")
    try "load \(Segmenta.sample) as customers\n".write(to: csv, atomically: true, encoding: .utf8)

    let failed = try Segmenta.runWithoutFile(file, ["run", postgres.path])
    #expect(failed.status == 3, "\(failed.stdout)\(failed.stderr)")
    #expect(failed.stdout.contains("cannot open PostgreSQL's client library libpq"), "\(failed.stdout)")
    #expect(failed.stdout.contains("apt-get install libpq5"))
    let loaded = try Segmenta.runWithoutFile(file, ["run", csv.path])
    #expect(loaded.status == 0, "\(loaded.stdout)\(loaded.stderr)")
    #expect(loaded.stdout.contains("customers: "))
  }
}

extension Segmenta {
  /// Runs the binary in a private mount namespace in which `file` reads as empty (`unshare -m`, needs root).
  static func runWithoutFile(_ file: String, _ arguments: [String]) throws -> Result {
    let quoted = ([binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
    process.arguments = ["-m", "sh", "-c", "mount --bind /dev/null '\(file)' && exec \(quoted)"]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self))
  }
}
