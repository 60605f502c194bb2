import Foundation
import SegmentaCore

extension CommandSpec {
  /// `load FILE [as NAME] [sep=… decimal=… encoding=… id=COL]`
  static let load = CommandSpec(
    name: "load",
    usage: "load FILE [as NAME] [sep=,|;|tab|\"|\"] [decimal=.|,] [encoding=utf-8|windows-1252|latin-1] [id=COL]",
    summary: "read a CSV file (separator, decimal comma, encoding and column types are detected)",
    example: "load datasets/b2b-customers-de.csv as customers",
    optionKeys: ["sep", "decimal", "encoding", "id"], arguments: [.files]
  ) { command, context throws(SessionError) in
    try command.requireArguments(1)
    let path = command.arguments[0].text
    if path.hasPrefix("sqlite:") || path.hasPrefix("postgres:") {
      throw .failed(.notReady("database sources are not available yet; export the query result as CSV and load that"))
    }
    let options = try csvOptions(command)
    let name = command.alias ?? datasetName(for: path)
    let execution = context.execution
    let resolved = context.resolve(path)
    let load = try context.core { () throws(SegmentaError) in
      try CSVReader.load(path: resolved, name: name, options: options, context: execution)
    }
    let dropped = context.workspace.removeVariants(fittedOn: load.table.name)
    context.workspace.store(Dataset(table: load.table, source: path, fingerprint: load.fingerprint))
    context.print(describeLoad(load, width: context.settings.width))
    if !dropped.isEmpty {
      context.warn(
        "\(load.table.name) replaced: variants \(dropped.joined(separator: ", ")) were fitted on the old rows and are "
          + "gone; load under another name (`as NAME`) to keep both")
    }
  }

  private static func csvOptions(_ command: ParsedCommand) throws(SessionError) -> CSVOptions {
    var options = CSVOptions()
    if let sep = command.value("sep") {
      let map: [String: UInt8] = [",": 0x2C, ";": 0x3B, "tab": 0x09, "\\t": 0x09, "|": 0x7C]
      guard let byte = map[sep.value] else {
        throw .usage("sep=\(sep.value) is invalid: expected one of , ; tab |", column: sep.column)
      }
      options.separator = byte
    }
    if let decimal = try command.choice("decimal", [".", ","]) { options.decimalComma = decimal == "," }
    if let encoding = try command.choice(
      "encoding", TextEncoding.allCases.map(\.rawValue) + ["cp1252", "latin1", "utf8"])
    {
      let aliases = ["cp1252": "windows-1252", "latin1": "latin-1", "utf8": "utf-8"]
      options.encoding = TextEncoding(rawValue: aliases[encoding] ?? encoding)
    }
    options.idColumn = command.value("id")?.value
    return options
  }

  /// `items` joined with `, ` into lines no wider than `width` (unless one item alone is wider), the first line
  /// starting with `first` and the others indented to match.
  static func wrap(_ items: [String], first: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = first
    let indent = String(repeating: " ", count: first.count)
    for (i, item) in items.enumerated() {
      let piece = item + (i < items.count - 1 ? "," : "")
      if current.count + piece.count + 1 > width, current != first, current != indent {
        lines.append(current)
        current = indent
      }
      current += (current == first || current == indent ? "" : " ") + piece
    }
    lines.append(current)
    return lines
  }

  /// A dataset name from a file name: the base name without extension, non-identifier characters as `_`.
  static func datasetName(for path: String) -> String {
    let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    let cleaned = String(base.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    return cleaned.isEmpty ? "data" : cleaned
  }

  private static func describeLoad(_ load: CSVLoad, width: Int) -> [String] {
    let table = load.table
    let counts = Column.Kind.allCases.compactMap { kind -> String? in
      let n = table.columns.filter { $0.kind == kind && $0.name != table.idColumn }.count
      return n > 0 && kind != .identifier ? "\(n) \(kind == .date ? "date" : kind.rawValue)" : nil
    }
    let idPart = table.idColumn.map { ", id: \($0)" } ?? ""
    let separator =
      switch load.separator {
      case 0x09: "tab"
      case let byte: "'\(Character(UnicodeScalar(byte)))'"
      }
    var lines = [
      "\(table.name): \(NumberFormat.grouped(table.rowCount)) rows × \(table.columns.count) columns "
        + "(\(counts.joined(separator: ", "))\(idPart))",
      "format: separator \(separator), decimal \(load.decimalComma ? "comma" : "point"), \(load.encoding.rawValue)"
        + (load.hadByteOrderMark ? " with BOM" : "") + " · fingerprint \(load.fingerprint)",
    ]
    for kind in Column.Kind.allCases {
      let names = table.columns.filter { $0.kind == kind }.map { c in
        c.missingCount > 0 ? "\(c.name) (\(NumberFormat.grouped(c.missingCount)) missing)" : c.name
      }
      if !names.isEmpty {
        lines += wrap(
          names, first: "  " + kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0), width: width)
      }
    }
    return lines
  }
}
