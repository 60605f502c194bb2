import SegmentaCore

/// Session settings changed with `set`; all of them are recorded because all of them can change a transcript.
public struct Settings: Sendable, Equatable {
  /// The session seed every `run` starts from unless it gives `seed=`.
  public var seed: UInt64 = 42
  /// Significant digits in printed numbers.
  public var digits: Int = 4
  /// Render width of tables and plots.
  public var width: Int = 80
  /// Worker threads for computations (results never depend on it).
  public var threads: Int = 2

  /// Language of rule texts and Markdown exports (`set language de|en`).
  public var language: RuleText.Language = .en

  public init() {}

  /// The number formatter for these settings.
  public var numbers: NumberFormat { NumberFormat(digits: digits) }
}
