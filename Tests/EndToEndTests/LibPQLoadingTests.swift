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

    // A private mount namespace (`unshare -m`, needs root) in which the library reads as empty.
    let hidingLibpq = ["/usr/bin/unshare", "-m", "sh", "-c", "mount --bind /dev/null '\(file)' && exec \"$0\" \"$@\""]
    let failed = try Segmenta.run(["run", postgres.path], launcher: hidingLibpq)
    #expect(failed.status == 3, "\(failed.stdout)\(failed.stderr)")
    #expect(failed.stdout.contains("cannot open PostgreSQL's client library libpq"), "\(failed.stdout)")
    #expect(failed.stdout.contains("apt-get install libpq5"))
    let loaded = try Segmenta.run(["run", csv.path], launcher: hidingLibpq)
    #expect(loaded.status == 0, "\(loaded.stdout)\(loaded.stderr)")
    #expect(loaded.stdout.contains("customers: "))
  }
}
