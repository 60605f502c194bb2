import Foundation
import Testing

/// A small tmpfs mounted in a temporary folder, so a test can run the binary against a really full disk or a
/// really read-only folder (root ignores directory permissions, so `chmod` cannot make one). Needs the right to
/// mount (root, as in CI); ``permitted`` says whether this machine grants it.
final class ScratchFilesystem {
  /// The mount point.
  let folder: URL

  /// Whether mounting a tmpfs works here; probed once by mounting and unmounting one.
  static let permitted: Bool = {
    guard let probe = try? ScratchFilesystem(kilobytes: 16) else { return false }
    probe.unmount()
    return true
  }()

  /// Why a suite that needs a scratch filesystem is skipped, for `.enabled(if:_:)`.
  static let skipReason: Comment =
    "cannot mount a tmpfs here (needs root); CI runs as root, where these tests fail instead of skipping"

  /// Whether a suite needing a scratch filesystem runs: when mounting is permitted, and always under `CI=true`.
  static var shouldRun: Bool { permitted || ProcessInfo.processInfo.environment["CI"] == "true" }

  /// Mounts a tmpfs of `kilobytes` at a fresh temporary folder.
  init(kilobytes: Int) throws {
    folder = try Segmenta.temporaryFolder()
    try Self.mount(["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", folder.path])
  }

  deinit { unmount() }

  /// Fills the filesystem until writing fails with "No space left on device", leaving about `kilobytes` free
  /// (0: none at all); the filler is `filler` in the mount point.
  func fill(leavingKilobytes kilobytes: Int = 0) throws {
    let filler = folder.appendingPathComponent("filler")
    _ = FileManager.default.createFile(atPath: filler.path, contents: nil)
    let handle = try FileHandle(forWritingTo: filler)
    defer { try? handle.close() }
    let block = Data(count: 1024)
    while (try? handle.write(contentsOf: block)) != nil {}
    let size = try handle.seekToEnd()
    try handle.truncate(atOffset: size - UInt64(min(Int(size), kilobytes * 1024)))
  }

  /// Removes the filler written by ``fill(leavingKilobytes:)``.
  func free() throws {
    try FileManager.default.removeItem(at: folder.appendingPathComponent("filler"))
  }

  /// Remounts read-only or writable. Linux refuses a read-only remount while a file is open for writing, so
  /// this retries for a few seconds (the program under test closes its files between commands).
  func remount(readOnly: Bool) throws {
    let deadline = Date().addingTimeInterval(5)
    while true {
      do {
        return try Self.mount(["-o", readOnly ? "remount,ro" : "remount,rw", folder.path])
      } catch  where Date() < deadline {
        Thread.sleep(forTimeInterval: 0.05)
      }
    }
  }

  /// Unmounts (lazily, so an open file cannot keep it mounted) and removes the mount point.
  func unmount() {
    try? Self.mount(["-l", folder.path], program: "/bin/umount")
    try? FileManager.default.removeItem(at: folder)
  }

  /// Names in the mount point other than the filler (to check that no temporary file is left behind).
  func entries() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "filler" }.sorted()
  }

  private static func mount(_ arguments: [String], program: String = "/bin/mount") throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw MountFailure(command: ([program] + arguments).joined(separator: " "), message: message)
    }
  }

  /// `mount` or `umount` failed.
  struct MountFailure: Error, CustomStringConvertible {
    let command: String
    let message: String
    var description: String { "\(command): \(message)" }
  }
}
