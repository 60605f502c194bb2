import Foundation
import Testing

/// `verify FILE.pmml` in the binary: a missing PMML engine fails the command with exit 3 and says what to install,
/// and Ctrl-C while jpmml-evaluator runs stops the engine and returns to the prompt (`pty_smoke.py`). The Ctrl-C
/// test needs Java and `jpmml_evaluator`, which CI installs; on a machine without them it does not run.
@Suite struct VerifyPMMLBinaryTests {
  static let engineAvailable: Bool = {
    if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import shutil, jpmml_evaluator; assert shutil.which('java')"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }()

  static let prospects = Segmenta.root.appendingPathComponent("datasets/b2b-prospects.csv").path

  /// The commands that fit km and export its centres as PMML to `folder/km.pmml`.
  static func setup(_ folder: URL) -> [String] {
    [
      "load \(Segmenta.sample) as customers", "features order_count_12m avg_order_value_eur product_lines",
      "scale zscore", "run kmeans k=4 as km",
      "export rules km to \(folder.appendingPathComponent("km.pmml").path) using centroids",
    ]
  }

  @Test func aMissingEngineFailsTheCommandWithExit3() throws {
    let folder = try Segmenta.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("verify.seg")
    let lines = ["version 1"] + Self.setup(folder) + ["verify km km.pmml on \(Self.prospects) using centroids"]
    try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)

    let chosen = try Segmenta.run(
      ["run", file.path], in: folder, environment: ["SEGMENTA_PYTHON": "/nonexistent"])
    #expect(chosen.status == 3, "\(chosen.stdout)\(chosen.stderr)")
    #expect(
      chosen.stderr.contains("SEGMENTA_PYTHON is '/nonexistent', which is not an executable file"),
      "\(chosen.stderr)")
    let path = try Segmenta.run(
      ["run", file.path], in: folder, environment: ["PATH": "/nonexistent"], unset: ["SEGMENTA_PYTHON"])
    #expect(path.status == 3, "\(path.stdout)\(path.stderr)")
    #expect(
      path.stderr.contains("python3, which is not on PATH; install Python 3 (apt-get install python3)"),
      "\(path.stderr)")
  }

  @Test(.enabled(if: engineAvailable, "needs Java and `pip install jpmml_evaluator`"))
  func ctrlCStopsTheEngineAndReturnsToThePrompt() throws {
    let folder = try Segmenta.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (status, report) = try Segmenta.python(
      "pty_smoke.py",
      [Segmenta.binary.path, "--timeout", "20"] + Self.setup(folder).flatMap { ["--setup", $0] } + [
        "--long", "verify km \(folder.appendingPathComponent("km.pmml").path) on \(Self.prospects) using centroids",
        "--unchanged", "variants",
      ])
    #expect(status == 0, "\(report)")
    #expect(report.contains("Ctrl-C stops 'verify'"), "\(report)")
    #expect(report.contains(" passed, 0 failed"), "\(report)")
  }
}
