import SegmentaCore

/// A command line split into verb, positional arguments, `key=value` options and an optional `as NAME`.
public struct ParsedCommand: Sendable, Equatable {
  /// One `key=value` option.
  public struct Option: Sendable, Equatable {
    public let key: String
    public let value: String
    public let column: Int
  }

  /// The full command text (continuation lines joined).
  public let text: String
  /// The command word.
  public let verb: String
  /// Positional words after the verb.
  public var arguments: [Token]
  /// Options in the order given.
  public var options: [Option]
  /// The name after a trailing `as`.
  public var alias: String?

  /// Parses `text`; an empty or blank line has no command.
  public static func parse(_ text: String) throws(SessionError) -> ParsedCommand? {
    var words = try Lexer.words(text)
    guard let verb = words.first else { return nil }
    words.removeFirst()
    var alias: String?
    if words.count >= 2, words[words.count - 2].text == "as", !words[words.count - 2].quoted {
      alias = words.removeLast().text
      words.removeLast()
    }
    var arguments: [Token] = []
    var options: [Option] = []
    for word in words {
      if !word.quoted || word.text.contains("="), let eq = word.text.firstIndex(of: "="),
        eq != word.text.startIndex, word.text[..<eq].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
      {
        options.append(
          Option(
            key: String(word.text[..<eq]), value: String(word.text[word.text.index(after: eq)...]), column: word.column)
        )
      } else {
        arguments.append(word)
      }
    }
    return ParsedCommand(text: text, verb: verb.text, arguments: arguments, options: options, alias: alias)
  }

  /// Rejects option keys not in `allowed`, suggesting the closest one.
  public func checkOptions(allowed: [String]) throws(SessionError) {
    for option in options where !allowed.contains(option.key) {
      let hint = didYouMean(option.key, among: allowed)
      let list = allowed.isEmpty ? "this command takes no options" : "options: " + allowed.joined(separator: ", ")
      throw .usage("unknown option '\(option.key)'\(hint); \(list)", column: option.column)
    }
  }

  /// The raw value of option `key`, if given (the last one wins).
  public func value(_ key: String) -> Option? { options.last { $0.key == key } }

  /// An integer option within `range`, or `defaultValue` when absent.
  public func int(_ key: String, default defaultValue: Int? = nil, in range: ClosedRange<Int>) throws(SessionError)
    -> Int?
  {
    guard let option = value(key) else { return defaultValue }
    guard let v = Int(option.value), range.contains(v) else {
      throw .usage(
        "\(key)=\(option.value) is invalid: expected a whole number in \(Self.describe(range))", column: option.column)
    }
    return v
  }

  /// A number option satisfying `valid`, or `defaultValue` when absent.
  public func double(_ key: String, default defaultValue: Double? = nil, expected: String, valid: (Double) -> Bool)
    throws(SessionError) -> Double?
  {
    guard let option = value(key) else { return defaultValue }
    guard let v = Double(option.value), v.isFinite, valid(v) else {
      throw .usage("\(key)=\(option.value) is invalid: expected \(expected)", column: option.column)
    }
    return v
  }

  /// An option restricted to `choices`, or `defaultValue` when absent.
  public func choice(_ key: String, _ choices: [String], default defaultValue: String? = nil) throws(SessionError)
    -> String?
  {
    guard let option = value(key) else { return defaultValue }
    guard choices.contains(option.value) else {
      let hint = didYouMean(option.value, among: choices)
      throw .usage(
        "\(key)=\(option.value) is invalid\(hint): expected one of \(choices.joined(separator: ", "))",
        column: option.column)
    }
    return option.value
  }

  /// An integer or a range `a..b` (inclusive, a ≤ b) option, each value within `range`.
  public func intList(_ key: String, in range: ClosedRange<Int>) throws(SessionError) -> [Int]? {
    guard let option = value(key) else { return nil }
    let parts = option.value.split(separator: ".", omittingEmptySubsequences: false)
    if parts.count == 3, parts[1].isEmpty, let a = Int(parts[0]), let b = Int(parts[2]) {
      guard a <= b else {
        throw .usage("\(key)=\(option.value) is an empty range; write \(key)=\(b)..\(a)", column: option.column)
      }
      guard range.contains(a), range.contains(b) else {
        throw .usage(
          "\(key)=\(option.value) is invalid: values must lie in \(Self.describe(range))", column: option.column)
      }
      return Array(a...b)
    }
    guard let v = Int(option.value), range.contains(v) else {
      throw .usage(
        "\(key)=\(option.value) is invalid: expected a whole number in \(Self.describe(range)) or a range like 2..8",
        column: option.column)
    }
    return [v]
  }

  /// Requires exactly `count` positional arguments (or at least that many, with `atLeast`).
  public func requireArguments(_ count: Int, atLeast: Bool = false) throws(SessionError) {
    if arguments.count == count || (atLeast && arguments.count > count) { return }
    let expected = atLeast ? "at least \(count)" : "\(count)"
    throw .usage("\(verb) takes \(expected) argument\(count == 1 ? "" : "s"), got \(arguments.count)", column: nil)
  }

  private static func describe(_ range: ClosedRange<Int>) -> String {
    range.upperBound == Int.max ? "\(range.lowerBound)…" : "\(range.lowerBound)…\(range.upperBound)"
  }
}
