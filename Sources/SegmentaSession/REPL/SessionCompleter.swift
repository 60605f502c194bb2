import Foundation
import SegmentaCore
import SegmentaSources

/// Tab completion derived from the command model and the workspace: verbs, option keys, columns, variants,
/// datasets, file paths (also after `sqlite:`) and the tables of an SQLite file after `table=`.
public final class SessionCompleter: CompletionSource {
  private let interpreter: Interpreter

  public init(interpreter: Interpreter) { self.interpreter = interpreter }

  public func completions(for word: String, lineBeforeWord: String) -> [String] {
    let before = lineBeforeWord.split(separator: " ").map(String.init)
    guard let verb = before.first else { return CommandRegistry.names.filter { $0.hasPrefix(word) } }
    guard let spec = CommandRegistry.command(named: verb) else { return [] }
    if before.last == "to" { return files(word) }
    if verb == "load", word.hasPrefix("sqlite:") {
      return files(String(word.dropFirst("sqlite:".count))).map { "sqlite:" + $0 }
    }
    if verb == "load", optionKeyBefore(word, lineBeforeWord) == "table",
      let database = before.dropFirst().first(where: { $0.hasPrefix("sqlite:") })
    {
      let typedKey = word.contains("=") ? "table=" : ""
      return sqliteTables(String(database.dropFirst("sqlite:".count))).map { typedKey + $0 }.filter {
        $0.hasPrefix(word)
      }
    }
    if let key = optionKeyBefore(word, lineBeforeWord), spec.columnOptionKeys.contains(key) {
      let typedKey = word.contains("=") ? key + "=" : ""
      return optionColumns(before).map { typedKey + $0 }.filter { $0.hasPrefix(word) }
    }
    let positional = before.dropFirst().filter { !$0.contains("=") }
    var candidates = candidatesFor(spec.argumentKind(at: positional.count), word: word)
    candidates += spec.optionKeys.map { $0 + "=" }
    return candidates.filter { $0.hasPrefix(word) }
  }

  private func candidatesFor(_ kind: CommandSpec.ArgumentKind, word: String) -> [String] {
    let ws = interpreter.workspace
    switch kind {
    case .keywords(let words): return words
    case .columns:
      guard let name = ws.activeDatasetName, let d = ws.datasets[name] else { return [] }
      return d.table.columns.map(\.name)
    case .variants: return ws.variants.map(\.name)
    case .datasets: return ws.datasetOrder
    case .files: return files(word)
    case .verbs: return CommandRegistry.names
    case .none: return []
    }
  }

  /// The option key whose value is being typed: `customer` for the word `customer=cu`, or for the word `cu` when
  /// readline split the line at `=` (`lineBeforeWord` ends in `customer=`).
  private func optionKeyBefore(_ word: String, _ lineBeforeWord: String) -> String? {
    if let eq = word.firstIndex(of: "=") { return String(word[..<eq]) }
    guard lineBeforeWord.hasSuffix("="), let last = lineBeforeWord.split(separator: " ").last else { return nil }
    return String(last.dropLast())
  }

  /// Columns for an option value: of the dataset named by the first argument (`rfm orders customer=…`), else of
  /// the active dataset.
  private func optionColumns(_ words: [String]) -> [String] {
    let ws = interpreter.workspace
    let named = words.dropFirst().first { ws.datasets[$0] != nil }
    guard let name = named ?? ws.activeDatasetName, let d = ws.datasets[name] else { return [] }
    return d.table.columns.map(\.name)
  }

  /// The tables of the SQLite file at `path` (relative to the interpreter's base folder).
  private func sqliteTables(_ path: String) -> [String] {
    let absolute =
      path.hasPrefix("/") ? path : (interpreter.baseDirectory as NSString).appendingPathComponent(path)
    return SQLiteSource.tableNames(path: absolute)
  }

  /// Paths starting with `word`, relative to the interpreter's base folder; folders end in `/`.
  private func files(_ word: String) -> [String] {
    let folderPart = (word as NSString).deletingLastPathComponent
    let prefix = (word as NSString).lastPathComponent
    let folder = word.hasSuffix("/") ? word : folderPart
    let base = word.hasSuffix("/") ? "" : prefix
    let absolute =
      folder.hasPrefix("/") ? folder : (interpreter.baseDirectory as NSString).appendingPathComponent(folder)
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: absolute.isEmpty ? "." : absolute) else {
      return []
    }
    return entries.filter { $0.hasPrefix(base) && !$0.hasPrefix(".") }.sorted().map { entry in
      var isDirectory: ObjCBool = false
      let full = (absolute as NSString).appendingPathComponent(entry)
      _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
      let shown = folder.isEmpty ? entry : (folder as NSString).appendingPathComponent(entry)
      return isDirectory.boolValue ? shown + "/" : shown
    }
  }
}
