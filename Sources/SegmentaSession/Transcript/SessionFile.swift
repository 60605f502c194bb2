import Foundation

/// A `*.seg` session file: prose, commands, their recorded outputs and per-command options (SESSION-FORMAT.md).
public struct SessionFile: Sendable, Equatable {
  /// A command with everything recorded under it.
  public struct Cell: Sendable, Equatable {
    /// The command's source lines as written (continuations included).
    public var sourceLines: [String]
    /// 1-based line number of the command's first line.
    public var line: Int
    /// `#| key: value` options given above it, as `key: value` strings in order.
    public var options: [String]
    /// Recorded `#>` and `#!` lines.
    public var expected: [OutputLine]
    /// Recorded `#~` lines.
    public var volatile: [String]

    /// The command text with continuations joined.
    public var command: String {
      sourceLines.enumerated().map { i, line in
        let text = i < sourceLines.count - 1 ? String(line.dropLast()).trimmingTrailingSpaces() : line
        return i == 0 ? text : text.trimmingCharacters(in: .whitespaces)
      }.joined(separator: " ")
    }

    /// The value of option `key`, if set (the last one wins).
    public func option(_ key: String) -> String? {
      options.compactMap { entry -> String? in
        let parts = entry.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == key else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
      }.last
    }
  }

  /// A piece of the file, in order.
  public enum Item: Sendable, Equatable {
    /// A prose, comment or blank line, kept verbatim.
    case prose(String)
    case command(Cell)
  }

  /// The file's items in order.
  public var items: [Item]

  /// Option keys a `#|` line may set.
  public static let optionKeys = ["tol", "expect", "output"]

  /// Parses session text.
  /// - Throws: ``SessionError/usage(_:column:)`` naming the line of an unknown `#|` option, an output line with no
  ///   command above it, or a continuation at the end of the file.
  public static func parse(_ text: String) throws(SessionError) -> SessionFile {
    var items: [Item] = []
    var pendingOptions: [String] = []
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    if lines.last == "" { lines.removeLast() }
    var index = 0
    func appendToCell(_ number: Int, _ change: (inout Cell) -> Void) throws(SessionError) {
      guard let i = items.indices.last, case .command(var cell) = items[i] else {
        throw .usage("line \(number): output line with no command above it", column: nil)
      }
      change(&cell)
      items[i] = .command(cell)
    }
    while index < lines.count {
      let line = lines[index]
      let number = index + 1
      index += 1
      if let rest = payload(line, marker: "#>") {
        try appendToCell(number) { $0.expected.append(.output(rest)) }
      } else if let rest = payload(line, marker: "#!") {
        try appendToCell(number) { $0.expected.append(.diagnostic(rest)) }
      } else if let rest = payload(line, marker: "#~") {
        try appendToCell(number) { $0.volatile.append(rest) }
      } else if let rest = payload(line, marker: "#|") {
        let key = rest.split(separator: ":", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) }
        guard rest.contains(":"), let key, optionKeys.contains(key) else {
          throw .usage(
            "line \(number): expected `#| key: value` with key \(optionKeys.joined(separator: ", "))", column: nil)
        }
        pendingOptions.append(rest)
      } else if line.hasPrefix("#") || line.allSatisfy({ $0 == " " || $0 == "\t" }) {
        items.append(.prose(line))
      } else {
        var source = [line]
        while source[source.count - 1].hasSuffix("\\") {
          guard index < lines.count else {
            throw .usage("line \(index): the command ends with \\ but the file ends there", column: nil)
          }
          source.append(lines[index])
          index += 1
        }
        items.append(
          .command(Cell(sourceLines: source, line: number, options: pendingOptions, expected: [], volatile: [])))
        pendingOptions = []
      }
    }
    return SessionFile(items: items)
  }

  /// The text after `marker` and one optional space, if `line` starts with `marker`.
  private static func payload(_ line: String, marker: String) -> String? {
    guard line.hasPrefix(marker) else { return nil }
    let rest = line.dropFirst(marker.count)
    return String(rest.hasPrefix(" ") ? rest.dropFirst() : rest)
  }

  /// The file as text, with every cell's recorded outputs.
  public func rendered() -> String {
    var out: [String] = []
    for item in items {
      switch item {
      case .prose(let line): out.append(line)
      case .command(let cell):
        out.append(contentsOf: cell.options.map { "#| \($0)" })
        out.append(contentsOf: cell.sourceLines)
        out.append(contentsOf: cell.expected.map(Self.transcriptLine))
        out.append(contentsOf: cell.volatile.map { Self.transcriptLine(.volatile($0)) })
      }
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// The transcript form of an output line (`#> …`, `#! …`, `#~ …`; an empty line has no trailing space).
  public static func transcriptLine(_ line: OutputLine) -> String {
    let marker =
      switch line {
      case .output: "#>"
      case .diagnostic: "#!"
      case .volatile: "#~"
      }
    return line.text.isEmpty ? marker : "\(marker) \(line.text)"
  }
}

extension String {
  /// The string without trailing blanks.
  func trimmingTrailingSpaces() -> String {
    var s = self
    while s.last == " " || s.last == "\t" { s.removeLast() }
    return s
  }
}
