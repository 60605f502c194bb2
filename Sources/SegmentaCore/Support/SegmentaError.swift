/// Everything a user can get wrong, with the data needed to say what, where and what to do.
///
/// Programmer errors are `precondition`s, never cases here. The ``description`` is the message shown after
/// `error: ` in the REPL and in transcripts, so it is deterministic and names no absolute paths the caller did
/// not give.
public enum SegmentaError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A file could not be opened or read.
  case fileUnreadable(path: String, reason: String)
  /// A file could not be written.
  case fileUnwritable(path: String, reason: String)
  /// Malformed CSV content at a 1-based line and column.
  case csv(path: String, line: Int, column: Int, problem: String, hint: String)
  /// A database source failed: it could not be reached, it rejected the query, or the result cannot become a
  /// table. `source` names it without credentials (`sqlite:shop.db`, `postgres:postgresql://app@db/erp`);
  /// `position` is the 1-based character of the query the database pointed at, when it did.
  case database(source: String, problem: String, position: Int?, hint: String)
  /// A column name that does not exist.
  case unknownColumn(String, suggestion: String?)
  /// Several column names that do not exist (named all at once, so that one correction fixes the command), each
  /// with its suggestion.
  case unknownColumns([String], suggestions: [String?])
  /// A dataset name that does not exist.
  case unknownDataset(String, suggestion: String?)
  /// A variant name that does not exist.
  case unknownVariant(String, suggestion: String?)
  /// A column that cannot be used the way asked (e.g. a categorical column as a numeric feature).
  case wrongColumnKind(column: String, actual: Column.Kind, expected: String)
  /// Missing values in selected features: counts per column and the ways out.
  case missingValues(counts: [MissingCount])
  /// A parameter value outside its domain.
  case invalidParameter(name: String, value: String, expected: String)
  /// A transform applied to values outside its domain (e.g. log10 of 0).
  case outsideDomain(transform: String, column: String, count: Int, example: Double, requirement: String)
  /// Too little data for the requested computation.
  case insufficientData(String)
  /// No active dataset or feature set yet, or the workspace is not in a state the command can work on.
  case notReady(String)
  /// A `derive`/`filter` expression that cannot be parsed or evaluated, at a 1-based column of the line.
  case expression(column: Int, problem: String)
  /// A new column would take the name of an existing one.
  case duplicateColumn(String, hint: String)
  /// A key that appears more than once where it must be unique (the right side of a join).
  case duplicateKey(column: String, key: String, rows: [Int])
  /// The computation was interrupted by the user (Ctrl-C).
  case interrupted
  /// A computation whose memory estimate exceeds its limit, refused before allocating: what, how much, the limit
  /// and the alternatives.
  case memoryLimit(computation: String, bytes: Double, limit: Int, advice: String)

  /// Missing values of one column.
  public struct MissingCount: Equatable, Sendable {
    public let column: String
    public let missing: Int
    public let rows: Int
    public init(column: String, missing: Int, rows: Int) {
      self.column = column
      self.missing = missing
      self.rows = rows
    }
  }

  public var description: String {
    switch self {
    case .fileUnreadable(let path, let reason): "cannot read '\(path)': \(reason)"
    case .fileUnwritable(let path, let reason): "cannot write '\(path)': \(reason)"
    case .csv(let path, let line, let column, let problem, let hint):
      "\(path):\(line):\(column): \(problem)" + (hint.isEmpty ? "" : " (\(hint))")
    case .database(let source, let problem, let position, let hint):
      "\(source): \(problem)" + (position.map { ", at character \($0) of the query" } ?? "")
        + (hint.isEmpty ? "" : " (\(hint))")
    case .unknownColumn(let name, let s): "unknown column '\(name)'" + Self.didYouMean(s)
    case .unknownColumns(let names, let s):
      "unknown columns " + zip(names, s).map { "'\($0)'" + Self.didYouMean($1) }.joined(separator: ", ")
    case .unknownDataset(let name, let s): "unknown dataset '\(name)'" + Self.didYouMean(s)
    case .unknownVariant(let name, let s): "unknown variant '\(name)'" + Self.didYouMean(s)
    case .wrongColumnKind(let column, let actual, let expected):
      "column '\(column)' is \(actual.rawValue), expected \(expected)"
    case .missingValues(let counts):
      "missing values in "
        + counts.map { "\($0.column) (\($0.missing) of \($0.rows))" }.joined(separator: ", ")
        + "; choose `missing drop` to leave those rows out or `missing impute mean|median` to fill them in"
    case .invalidParameter(let name, let value, let expected): "\(name)=\(value) is invalid: expected \(expected)"
    case .outsideDomain(let transform, let column, let count, let example, let requirement):
      "\(transform) needs \(requirement), but '\(column)' has \(count) value\(count == 1 ? "" : "s") outside "
        + "(e.g. \(example)); choose another transform (log1p) or filter those rows"
    case .insufficientData(let what): what
    case .notReady(let what): what
    case .expression(let column, let problem): "column \(column): \(problem)"
    case .duplicateColumn(let name, let hint): "column '\(name)' already exists; \(hint)"
    case .duplicateKey(let column, let key, let rows):
      "'\(column)' must identify one row, but '\(key)' is in rows "
        + rows.prefix(3).map(String.init).joined(separator: ", ") + (rows.count > 3 ? ", …" : "")
        + "; aggregate that dataset first (e.g. with `rfm`) or join on a unique column"
    case .interrupted: "interrupted"
    case .memoryLimit(let computation, let bytes, let limit, let advice):
      "\(computation) needs about \(Self.byteSize(bytes)) of memory, more than the \(Self.byteSize(Double(limit))) "
        + "limit: \(advice)"
    }
  }

  /// A byte count in decimal units with at most one decimal, e.g. `3.6 GB`, `2 GB`, `512 MB`.
  private static func byteSize(_ bytes: Double) -> String {
    let (value, unit): (Double, String) =
      bytes >= 1e12
      ? (bytes / 1e12, "TB")
      : bytes >= 1e9
        ? (bytes / 1e9, "GB")
        : bytes >= 1e6
          ? (bytes / 1e6, "MB")
          : (bytes / 1e3, "kB")
    let tenths = Int((value * 10).rounded())
    return (tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)") + " " + unit
  }

  private static func didYouMean(_ suggestion: String?) -> String {
    suggestion.map { " (did you mean '\($0)'?)" } ?? ""
  }
}
