import Foundation
import SegmentaCore

extension CommandSpec {
  /// `load FILE [as NAME] [sep=… decimal=… encoding=… id=COL dates=COL,… format=…]`, or a query result from
  /// `sqlite:FILE` or `postgres:URL|"key=value …"` (see `LoadDatabase.swift`).
  static let load = CommandSpec(
    name: "load",
    usage: "load FILE|sqlite:FILE|postgres:\"postgresql://USER@HOST/DB|host=HOST dbname=DB user=USER\" "
      + "[query=\"SELECT …\"|table=NAME] [as NAME] "
      + "[sep=,|;|tab|\"|\"] [decimal=.|,] [encoding=utf-8|windows-1252|latin-1] [id=COL] "
      + "[dates=COL,… [format=DD.MM.YYYY|YYYY-MM-DD|YYYYMMDD]]",
    summary: "read a CSV file (separator, decimal comma, encoding and column types are detected) or a query result "
      + "from SQLite or PostgreSQL",
    example: "load datasets/b2b-customers-de.csv as customers",
    optionKeys: ["sep", "decimal", "encoding", "id", "dates", "format", "query", "table"], arguments: [.files]
  ) { command, context throws(SessionError) in
    try command.requireArguments(1)
    let path = command.arguments[0].text
    if let database = DatabaseLocation(path) {
      try loadDatabase(database, command, &context)
      return
    }
    for key in ["query", "table"] {
      if let option = command.value(key) {
        throw .usage("\(key)= is for databases: write load sqlite:FILE \(key)=… or postgres:URL", column: option.column)
      }
    }
    let options = try csvOptions(command)
    let name = command.alias ?? datasetName(for: path)
    let execution = context.execution
    let resolved = context.resolve(path)
    let load = try context.core { () throws(SegmentaError) in
      try CSVReader.load(path: resolved, name: name, options: options, context: execution)
    }
    store(Dataset(table: load.table, source: path, fingerprint: load.fingerprint), in: &context) { context in
      context.print(describeLoad(load, width: context.settings.width))
    }
  }

  /// Stores a loaded dataset, prints its description, and warns when it replaced a dataset whose variants were
  /// fitted on the old rows (they are dropped, so assignments never point at the wrong customers).
  static func store(
    _ dataset: Dataset, in context: inout CommandContext, describe: (inout CommandContext) -> Void
  ) {
    let dropped = context.workspace.removeVariants(fittedOn: dataset.table.name)
    context.workspace.store(dataset)
    describe(&context)
    if !dropped.isEmpty {
      context.warn(
        "\(dataset.table.name) replaced: variants \(dropped.joined(separator: ", ")) were fitted on the old rows and "
          + "are gone; load under another name (`as NAME`) to keep both")
    }
  }

  private static func csvOptions(_ command: ParsedCommand) throws(SessionError) -> CSVOptions {
    var options = CSVOptions(dates: try dateColumns(command))
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

  /// `dates=COL,COL [format=…]`, shared by files and databases.
  static func dateColumns(_ command: ParsedCommand) throws(SessionError) -> DateColumns {
    let format = try command.choice("format", DateFormat.allCases.map(\.rawValue)).flatMap(DateFormat.init(rawValue:))
    guard let dates = command.value("dates") else {
      if let option = command.value("format") {
        throw .usage("format= says how the dates= columns are written; name them: dates=COL,COL", column: option.column)
      }
      return DateColumns()
    }
    let names = dates.value.split(separator: ",").map(String.init)
    guard !names.isEmpty, !names.contains(where: \.isEmpty) else {
      throw .usage("dates=\(dates.value) is invalid: expected column names separated by commas", column: dates.column)
    }
    return DateColumns(names: names, format: format)
  }

  private static func describeLoad(_ load: CSVLoad, width: Int) -> [String] {
    let separator =
      switch load.separator {
      case 0x09: "tab"
      case let byte: "'\(Character(UnicodeScalar(byte)))'"
      }
    return describeTable(
      load.table,
      source: "format: separator \(separator), decimal \(load.decimalComma ? "comma" : "point"), "
        + load.encoding.rawValue + (load.hadByteOrderMark ? " with BOM" : "") + " · fingerprint \(load.fingerprint)",
      width: width)
  }

  /// What `load` prints for every source: size and kinds, where it came from, then the columns by kind.
  static func describeTable(_ table: Table, source: String, width: Int) -> [String] {
    let counts = Column.Kind.allCases.compactMap { kind -> String? in
      let n = table.columns.filter { $0.kind == kind && $0.name != table.idColumn }.count
      return n > 0 && kind != .identifier ? "\(NumberFormat.grouped(n)) \(kind == .date ? "date" : kind.rawValue)" : nil
    }
    let idPart = table.idColumn.map { ", id: \($0)" } ?? ""
    var lines = [
      "\(table.name): \(NumberFormat.grouped(table.rowCount)) rows × \(NumberFormat.grouped(table.columns.count)) columns "
        + "(\(counts.joined(separator: ", "))\(idPart))",
      source,
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
