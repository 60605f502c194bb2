import Foundation
import SegmentaCore

/// Scores a CSV file with a PMML model in jpmml-evaluator, the reference PMML engine, through Python
/// (``PMMLDriver``): a real engine executing the file a deployment would, not our reading of the standard.
public enum PMMLScorer {
  /// The environment variable naming the Python interpreter to run the driver with (default: `python3` on `PATH`).
  public static let pythonVariable = "SEGMENTA_PYTHON"

  /// Per row of `input`, in file order: the key as ``Column/text(at:)`` writes it and the segment the engine gives
  /// (`nil` when it gives none).
  ///
  /// - Parameters:
  ///   - model: path of the PMML file.
  ///   - modelName: how messages name it (the path as the user typed it).
  ///   - input: path of the CSV file the engine reads (its header names the model's input fields).
  ///   - key: the column passed through to match rows.
  ///   - environment: where `SEGMENTA_PYTHON` and `PATH` are looked up.
  ///   - context: Ctrl-C terminates the engine.
  /// - Throws: ``SegmentaError/notReady(_:)`` naming what to install when Python, Java or `jpmml_evaluator` is
  ///   missing; ``SegmentaError/database(source:problem:position:hint:)`` when the engine rejects the file;
  ///   ``SegmentaError/interrupted``.
  public static func score(
    model: String, modelName: String, input: String, key: String,
    environment: [String: String] = ProcessInfo.processInfo.environment, context: ExecutionContext
  ) throws(SegmentaError) -> [(key: String, segment: String?)] {
    let python = try interpreter(environment)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segmenta-pmml-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let driver = folder.appendingPathComponent("score_pmml.py")
    let output = folder.appendingPathComponent("scored.csv")
    let errors = folder.appendingPathComponent("stderr.txt")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(PMMLDriver.source.utf8).write(to: driver)
      try Data().write(to: errors)
    } catch {
      throw .fileUnwritable(path: folder.path, reason: "\(error.localizedDescription) (the PMML driver goes there)")
    }
    let status = try run(
      python, [driver.path, model, input, key, output.path], environment: environment, errors: errors,
      context: context)
    let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
    if status == PMMLDriver.missingEngineStatus {
      throw .notReady("verify runs \(modelName) in jpmml-evaluator, but \(lastLine(message))")
    }
    guard status == 0 else {
      throw .database(
        source: "jpmml-evaluator scoring \(modelName)", problem: lastLine(message), position: nil,
        hint: "the file must be PMML whose input fields are columns of the CSV file, as "
          + "`export rules VARIANT to FILE.pmml` writes it, and the CSV file comma-separated UTF-8 with `.` decimals")
    }
    return try scored(output.path, key: key, context: context)
  }

  /// The interpreter to run: `SEGMENTA_PYTHON` when set, else `python3` on `PATH`.
  private static func interpreter(_ environment: [String: String]) throws(SegmentaError) -> String {
    let install = "install Python 3 (apt-get install python3) or set \(pythonVariable) to a Python 3 interpreter"
    if let chosen = environment[pythonVariable], !chosen.isEmpty {
      guard FileManager.default.isExecutableFile(atPath: chosen) else {
        throw .notReady(
          "\(pythonVariable) is '\(chosen)', which is not an executable file; point it at a Python 3 interpreter "
            + "or unset it to use python3 on PATH")
      }
      return chosen
    }
    let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
    guard
      let found = folders.map({ "\($0)/python3" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    else {
      throw .notReady("verify runs PMML in jpmml-evaluator through python3, which is not on PATH; \(install)")
    }
    return found
  }

  /// Runs `executable` with `arguments` (no shell) in `environment`, stderr into `errors`, and returns its exit
  /// status; Ctrl-C terminates it and throws ``SegmentaError/interrupted``.
  private static func run(
    _ executable: String, _ arguments: [String], environment: [String: String], errors: URL,
    context: ExecutionContext
  ) throws(SegmentaError) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    do {
      process.standardError = try FileHandle(forWritingTo: errors)
      try process.run()
    } catch {
      throw .notReady("cannot start \(executable): \(error.localizedDescription)")
    }
    let pid = process.processIdentifier
    let watcher = InterruptWatcher(flag: context.cancellation) { kill(pid, SIGTERM) }
    process.waitUntilExit()
    watcher.stop()
    try context.checkCancellation()
    return process.terminationStatus
  }

  /// The driver's output: `(key, segment)` per row.
  private static func scored(_ path: String, key: String, context: ExecutionContext) throws(SegmentaError)
    -> [(key: String, segment: String?)]
  {
    let table = try CSVReader.load(path: path, name: "scored", context: context).table
    guard let keys = table.column(named: key), let segments = table.column(named: "segment") else {
      throw .database(
        source: "jpmml-evaluator", problem: "the driver wrote no \(key) and segment columns", position: nil, hint: "")
    }
    return (0..<table.rowCount).map { i in
      let segment = segments.text(at: i)
      return (keys.text(at: i), segment.isEmpty ? nil : segment)
    }
  }

  /// The last non-empty line of the engine's stderr (a Python traceback ends with the exception).
  private static func lastLine(_ text: String) -> String {
    let line = text.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    return line.map { String($0.prefix(400)) } ?? "it failed without a message"
  }
}
