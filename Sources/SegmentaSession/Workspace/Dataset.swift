import SegmentaCore

/// A loaded table together with its feature recipe (each dataset remembers its own feature choices).
public struct Dataset: Sendable, Equatable {
  /// The data.
  public var table: Table
  /// Where it came from, as the user wrote it.
  public var source: String
  /// The fingerprint of the source file when loaded.
  public var fingerprint: String
  /// Selected features, missing-value policy, transforms and scaling.
  public var recipe = FeatureRecipe()
  /// Declared units of numeric columns (`unit COL UNIT`), by column name: how readers see their values.
  public var units: [String: String] = [:]

  public init(table: Table, source: String, fingerprint: String) {
    self.table = table
    self.source = source
    self.fingerprint = fingerprint
  }
}
