/// Text encodings a CSV file can arrive in.
public enum TextEncoding: String, Sendable, CaseIterable {
  case utf8 = "utf-8"
  case windows1252 = "windows-1252"
  case latin1 = "latin-1"
}

/// Options for reading a CSV file; `nil` means "detect".
public struct CSVOptions: Sendable, Equatable {
  /// Field separator (`,` `;` `\t` `|`), detected when `nil`.
  public var separator: UInt8?
  /// Whether numbers use a decimal comma (`1.234,56`), detected when `nil`.
  public var decimalComma: Bool?
  /// The file's encoding, detected when `nil` (UTF-8 if valid, else Windows-1252).
  public var encoding: TextEncoding?
  /// The identifier column, detected when `nil` (a unique, non-numeric-measure column such as `customer_id`).
  public var idColumn: String?

  public init(separator: UInt8? = nil, decimalComma: Bool? = nil, encoding: TextEncoding? = nil, idColumn: String? = nil) {
    self.separator = separator
    self.decimalComma = decimalComma
    self.encoding = encoding
    self.idColumn = idColumn
  }
}

/// What `load` read and what it decided on the way.
public struct CSVLoad: Sendable {
  public let table: Table
  public let separator: UInt8
  public let decimalComma: Bool
  public let encoding: TextEncoding
  public let hadByteOrderMark: Bool
  /// A short, stable hash of the file's bytes (16 hex digits), to notice a changed input on replay.
  public let fingerprint: String

  public init(
    table: Table, separator: UInt8, decimalComma: Bool, encoding: TextEncoding, hadByteOrderMark: Bool,
    fingerprint: String
  ) {
    self.table = table
    self.separator = separator
    self.decimalComma = decimalComma
    self.encoding = encoding
    self.hadByteOrderMark = hadByteOrderMark
    self.fingerprint = fingerprint
  }
}

/// Reads CSV files as Excel and ERP systems export them. (STUB: body to be written.)
public enum CSVReader {
  /// Reads `path` into a table called `name`.
  public static func load(path: String, name: String, options: CSVOptions = CSVOptions(), context: ExecutionContext)
    throws(SegmentaError) -> CSVLoad
  {
    fatalError("not implemented")
  }
}
