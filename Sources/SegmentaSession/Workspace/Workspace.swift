import SegmentaCore

/// Everything a session has built: datasets, the active one, variants and settings.
///
/// A value type: each command runs on a copy that replaces the workspace only if the command succeeds, so a
/// failed or interrupted command never leaves it half-changed.
public struct Workspace: Sendable {
  /// Datasets by name.
  public private(set) var datasets: [String: Dataset] = [:]
  /// Dataset names in the order they were loaded (never iterate the dictionary for output).
  public private(set) var datasetOrder: [String] = []
  /// The dataset commands act on.
  public var activeDatasetName: String?
  /// Variants in creation order.
  public private(set) var variants: [Variant] = []
  /// Settings (`set`).
  public var settings = Settings()
  /// The successful journaled commands that built this state, with their outputs (what `save` writes).
  public var log: [SessionFile.Cell] = []
  /// Earlier states, most recent last, for `undo` (shares storage with this one: copies are cheap).
  public var undoStack: [Workspace] = []
  /// How many earlier states `undo` can return to.
  public static let undoLimit = 20

  public init() {}

  /// Adds or replaces a dataset and makes it active.
  public mutating func store(_ dataset: Dataset) {
    let name = dataset.table.name
    if datasets[name] == nil { datasetOrder.append(name) }
    datasets[name] = dataset
    activeDatasetName = name
  }

  /// The active dataset.
  public func activeDataset() throws(SessionError) -> Dataset {
    guard let name = activeDatasetName, let d = datasets[name] else {
      throw .failed(.notReady("no dataset loaded; use `load FILE` first"))
    }
    return d
  }

  /// Replaces the active dataset (after a feature change).
  public mutating func updateActive(_ change: (inout Dataset) throws(SessionError) -> Void) throws(SessionError) {
    var d = try activeDataset()
    try change(&d)
    datasets[d.table.name] = d
  }

  /// The dataset called `name`.
  public func dataset(named name: String) throws(SessionError) -> Dataset {
    guard let d = datasets[name] else {
      throw .failed(.unknownDataset(name, suggestion: closestMatch(to: name, among: datasetOrder)))
    }
    return d
  }

  /// The variant called `name`.
  public func variant(named name: String) throws(SessionError) -> Variant {
    guard let v = variants.first(where: { $0.name == name }) else {
      throw .failed(.unknownVariant(name, suggestion: closestMatch(to: name, among: variants.map(\.name))))
    }
    return v
  }

  /// Adds a variant, replacing one of the same name (keeping its position). Returns whether it replaced one.
  @discardableResult
  public mutating func store(_ variant: Variant) -> Bool {
    if let i = variants.firstIndex(where: { $0.name == variant.name }) {
      variants[i] = variant
      return true
    }
    variants.append(variant)
    return false
  }

  /// Removes the variants fitted on dataset `name` (when that dataset is replaced) and returns their names.
  public mutating func removeVariants(fittedOn name: String) -> [String] {
    let removed = variants.filter { $0.datasetName == name }.map(\.name)
    variants.removeAll { $0.datasetName == name }
    return removed
  }

  /// Stores computed metrics on the variant called `name`.
  public mutating func cacheMetrics(_ metrics: VariantMetrics, for name: String) {
    if let i = variants.firstIndex(where: { $0.name == name }) { variants[i].metrics = metrics }
  }
}
